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
}

const HEADER_TOP = 26
export const HEADER_GAP = 18
const BAND_LINE = 1.1

export function header({ clinic, pageSize, t, colors, top = HEADER_TOP }: ChromeInput): Band {
  const contact = [clinic.phone, clinic.emailOrWebsite].filter(Boolean).map(printable).join('   ·   ')
  const address = printable(clinic.address)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ')
  const name = printable(clinic.name) || ' '
  const logo = logoNode(clinic)
  const width = PAGE_WIDTH[pageSize] - 2 * MARGIN_X
  const identityWidth = logo ? width - (logo.width as number) - 12 : width
  const identityHeight =
    textHeight(name, t.headerName, identityWidth, BAND_LINE) +
    (address ? 2 + textHeight(address, t.headerText, identityWidth, BAND_LINE) : 0) +
    (contact ? 1 + textHeight(contact, t.headerText, identityWidth, BAND_LINE) : 0)
  const height = top + Math.max(logo ? (logo.height as number) : 0, identityHeight + (logo ? 2 : 0)) + 8 + 1.2
  const identity: Pdf = {
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
  const render: DynamicContent = () =>
    ({
      margin: [MARGIN_X, top, MARGIN_X, 0],
      stack: [
        {
          columns: logo
            ? [
                { ...logo, width: 'auto' },
                { ...(identity as object), width: '*', alignment: 'right', margin: [12, 2, 0, 0] },
              ]
            : [{ ...(identity as object), width: '*' }],
        },
        {
          canvas: [
            { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 1.2, lineColor: colors.accent },
          ],
          margin: [0, 8, 0, 0],
        },
      ],
    }) as Pdf
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

export function footer({ clinic, pageSize, t, colors, disclaimer: raw, date }: FooterInput): Band {
  const disclaimer = printable(raw)
  const clinicFooter = printable(clinic.footer)
  const width = PAGE_WIDTH[pageSize] - 2 * MARGIN_X
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
      margin: [MARGIN_X, 8, MARGIN_X, 0],
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
