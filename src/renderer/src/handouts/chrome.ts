/**
 * The page chrome of a handout: the running header (clinic name, address, contact, logo) and
 * footer (disclaimer, clinic line, page number, date). Both sit in the page margins, which pdfmake
 * does not grow, so each also says how tall it is and the builder sizes the margins to fit.
 */
import type { Content as Pdf, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces'
import { EMPTY_CLINIC, logoDataUrl, LogoError, logoSvgText, type ClinicSettings, type Logo } from './clinic'
import { printable } from './glyphs'
import { MARGIN_X, PAGE_WIDTH, type Palette, type TypeScale } from './layout'
import { lineHeight, textHeight, textWidth } from './measure'

/** A running header or footer and the height it needs, so the page margin can make room for it. */
export interface Band {
  render: DynamicContent
  height: number
}

export interface ChromeInput {
  clinic: ClinicSettings
  pageSize: keyof typeof PAGE_WIDTH
  t: TypeScale
  colors: Palette
  /** Space above the header, in points (the first layout used 26). */
  top?: number
  /** Left and right page margin, in points (the first layout used MARGIN_X). */
  marginX?: number
}

const HEADER_TOP = 26
export const HEADER_GAP = 18
const BAND_LINE = 1.1

/** The clinic's identity: logo, name, address and contact, as laid out at the top of a page. */
export function identity({ clinic, pageSize, t, colors, marginX = MARGIN_X }: ChromeInput): {
  /** A fresh node each call: pdfmake writes its measurements into the nodes it lays out. */
  make: () => Pdf
  height: number
} {
  const contact = [clinic.phone, clinic.emailOrWebsite].filter(Boolean).map(printable).join('   ·   ')
  const address = printable(clinic.address)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ')
  const name = printable(clinic.name) || ' '
  const logo = logoNode(clinic)
  const width = PAGE_WIDTH[pageSize] - 2 * marginX
  const identityWidth = logo ? width - (logo.width as number) - 12 : width
  const identityHeight =
    textHeight(name, t.headerName, identityWidth, BAND_LINE) +
    (address ? 2 + textHeight(address, t.headerText, identityWidth, BAND_LINE) : 0) +
    (contact ? 1 + textHeight(contact, t.headerText, identityWidth, BAND_LINE) : 0)
  const height = Math.max(logo ? (logo.height as number) : 0, identityHeight + (logo ? 2 : 0)) + 8 + 1.2
  const text: Pdf = {
    stack: [
      { text: name, fontSize: t.headerName, bold: true, color: colors.accent, lineHeight: BAND_LINE },
      ...(address
        ? [
            {
              text: address,
              fontSize: t.headerText,
              color: colors.muted,
              lineHeight: BAND_LINE,
              margin: [0, 2, 0, 0],
            },
          ]
        : []),
      ...(contact
        ? [
            {
              text: contact,
              fontSize: t.headerText,
              color: colors.muted,
              lineHeight: BAND_LINE,
              margin: [0, 1, 0, 0],
            },
          ]
        : []),
    ],
  } as Pdf
  const make = (): Pdf =>
    ({
      stack: [
        {
          columns: logo
            ? [
                { ...logo, width: 'auto' },
                { ...(text as object), width: '*', alignment: 'right', margin: [12, 2, 0, 0] },
              ]
            : [{ ...(text as object), width: '*' }],
        },
        {
          canvas: [
            { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 1.2, lineColor: colors.accent },
          ],
          margin: [0, 8, 0, 0],
        },
      ],
    }) as Pdf
  return { make, height }
}

/** The running header of the first layout: the whole identity on every page. */
export function header(input: ChromeInput): Band {
  const { top = HEADER_TOP, marginX = MARGIN_X } = input
  const { make, height } = identity(input)
  const render: DynamicContent = () => ({ margin: [marginX, top, marginX, 0], ...(make() as object) }) as Pdf
  return { render, height: top + height }
}

/**
 * The running header of the two-page handout: page 1 opens with the whole identity in the page
 * itself, so the band is only a slim line (name and phone) on the pages after it.
 */
export function slimHeader({ clinic, pageSize, t, colors, top = 18, marginX = MARGIN_X }: ChromeInput): Band {
  const width = PAGE_WIDTH[pageSize] - 2 * marginX
  const name = printable(clinic.name)
  const phone = printable(clinic.phone)
  const size = t.headerText
  const gap = 12
  // A long name or phone number wraps; the band grows to hold it, so nothing is cut off.
  const phoneWidth = Math.min(textWidth(phone, size) + 1, width / 2)
  const nameWidth = width - (phone ? phoneWidth + gap : 0)
  const lines = Math.max(
    name ? textHeight(name, size + 1.5, nameWidth, BAND_LINE) : 0,
    phone ? textHeight(phone, size, phoneWidth, BAND_LINE) : 0,
  )
  const height = top + lines + 4 + 0.8
  const render: DynamicContent = (page) =>
    page === 1 || !(name || phone)
      ? ({ text: '' } as Pdf)
      : ({
          margin: [marginX, top, marginX, 0],
          stack: [
            {
              columns: [
                {
                  text: name,
                  bold: true,
                  color: colors.accent,
                  fontSize: size + 1.5,
                  width: '*',
                  lineHeight: BAND_LINE,
                },
                {
                  text: phone,
                  color: colors.muted,
                  fontSize: size,
                  width: phoneWidth,
                  alignment: 'right',
                  lineHeight: BAND_LINE,
                },
              ],
              columnGap: gap,
            },
            {
              canvas: [
                { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.8, lineColor: colors.accent },
              ],
              margin: [0, 4, 0, 0],
            },
          ],
        } as Pdf)
  return { render, height }
}

/**
 * A one-image document: rendering it proves pdfmake can draw the logo (an SVG it cannot parse, an
 * image cut short), so a bad logo is refused when it is chosen, not when a handout is made.
 */
export function logoProbe(logo: Logo): TDocumentDefinitions {
  return { content: [logoNode({ ...EMPTY_CLINIC, logo }) as unknown as Pdf], compress: false }
}

/** The message for a logo the probe could not draw. */
export function logoProbeError(e: unknown): LogoError {
  const why = e instanceof Error ? e.message : String(e)
  return new LogoError(
    `The logo could not be drawn: the file looks damaged or uses features handouts cannot print (${why.split('\n')[0]}). Please export it again, or save it as a PNG.`,
  )
}

function logoNode(clinic: ClinicSettings): Record<string, unknown> | undefined {
  const logo = clinic.logo
  if (!logo) return undefined
  const maxW = 150
  const maxH = 44
  const scale = Math.min(maxW / logo.width, maxH / logo.height)
  const width = Math.round(logo.width * scale * 100) / 100
  const height = Math.round(logo.height * scale * 100) / 100
  if (logo.mime === 'image/svg+xml') return { svg: logoSvgText(logo), width, height }
  return { image: logoDataUrl(logo), width, height }
}

export interface FooterInput extends ChromeInput {
  disclaimer: string
  /** The handout date as printed. */
  date: string
}

export function footer({
  clinic,
  pageSize,
  t,
  colors,
  disclaimer: raw,
  date,
  marginX = MARGIN_X,
}: FooterInput): Band {
  const disclaimer = printable(raw)
  const clinicFooter = printable(clinic.footer)
  const width = PAGE_WIDTH[pageSize] - 2 * marginX
  // The page number column is as wide as its longest line; allow for a three-digit page count.
  const numbersWidth = Math.max(textWidth('Page 999 of 999', t.footer + 0.5), textWidth(date, t.footer))
  const textWidthAvail = width - numbersWidth - 14
  const left =
    textHeight(disclaimer, t.footer, textWidthAvail, BAND_LINE) +
    (clinicFooter ? 2 + textHeight(clinicFooter, t.footer, textWidthAvail, BAND_LINE) : 0)
  const right = lineHeight(t.footer + 0.5, BAND_LINE) + lineHeight(t.footer, BAND_LINE)
  const height = 8 + 0.6 + 5 + Math.max(left, right) + 4
  const render: DynamicContent = (page, count) =>
    ({
      margin: [marginX, 8, marginX, 0],
      stack: [
        {
          canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6, lineColor: colors.rule }],
        },
        {
          margin: [0, 5, 0, 0],
          columns: [
            {
              width: '*',
              stack: [
                { text: disclaimer, fontSize: t.footer, color: colors.muted, lineHeight: BAND_LINE },
                ...(clinicFooter
                  ? [
                      {
                        text: clinicFooter,
                        fontSize: t.footer,
                        color: colors.muted,
                        lineHeight: BAND_LINE,
                        margin: [0, 2, 0, 0],
                      },
                    ]
                  : []),
              ],
            },
            {
              width: 'auto',
              margin: [14, 0, 0, 0],
              stack: [
                {
                  text: `Page ${page} of ${count}`,
                  fontSize: t.footer + 0.5,
                  bold: true,
                  color: colors.ink,
                  alignment: 'right',
                  lineHeight: BAND_LINE,
                  noWrap: true,
                },
                {
                  text: date,
                  fontSize: t.footer,
                  color: colors.muted,
                  alignment: 'right',
                  lineHeight: BAND_LINE,
                  noWrap: true,
                },
              ],
            },
          ],
        },
      ],
    }) as Pdf
  return { render, height }
}
