/**
 * Builds the pdfmake document definition of a patient handout. Pure: the same spec, content and
 * drawings always give the same definition (and so the same PDF bytes), in the app and in Node.
 */
import type {
  Content as Pdf,
  ContentTable,
  DynamicContent,
  StyleDictionary,
  TDocumentDefinitions,
} from 'pdfmake/interfaces'
import type { Cause, Content, Section, SourceId, Topic } from '../reference/schema'
import { EMPTY_CLINIC, logoDataUrl, LogoError, logoSvgText, type ClinicSettings, type Logo } from './clinic'
import { DRAWINGS } from './drawings'
import { assertPrintable, describeChar, printable, unsupportedChars } from './glyphs'
import { COLORS, LARGE, MARGIN_X, NORMAL, PAGE_WIDTH, type TypeScale } from './layout'
import { lineCount, lineHeight, textHeight, textWidth } from './measure'
import { medicineLines, medicinesSection, type MedicineLines } from './medicines'
import { applySafety, planSafety, type SafetyPlan } from './safety'
import {
  ALWAYS_INCLUDED,
  HANDOUT_SECTION_LABELS,
  HandoutError,
  type HandoutSectionId,
  type HandoutSpec,
} from './spec'
import { longDate, sourceLine } from './text-utils'

export const HANDOUT_TITLE = 'Foot and ankle cramps: your care plan'
const PRODUCER = 'Cramp Clinic'

export interface BuildOptions {
  /** Exercise drawings by id; the app's own set unless a test passes another. */
  drawings?: Readonly<Record<string, string>>
}

interface Ctx {
  spec: HandoutSpec
  content: Content
  t: TypeScale
  drawings: Readonly<Record<string, string>>
}

function styles(t: TypeScale): StyleDictionary {
  return {
    title: { fontSize: t.title, bold: true, color: COLORS.accent, lineHeight: 1.05 },
    h2: { fontSize: t.h2, bold: true, color: COLORS.accent, margin: [0, t.gap * 2.4, 0, t.gap * 0.5] },
    h3: { fontSize: t.h3, bold: true, color: COLORS.ink, margin: [0, t.gap * 1.2, 0, t.gap * 0.4] },
    label: {
      fontSize: t.label,
      bold: true,
      color: COLORS.accent,
      margin: [0, t.gap * 0.4, 0, t.gap * 0.3],
    },
    cause: { fontSize: t.h3 + 2, bold: true, color: COLORS.ink, margin: [0, t.gap * 1.6, 0, t.gap * 0.4] },
    p: { margin: [0, 0, 0, t.gap] },
    // Not italic: one font fewer to embed, which makes each PDF smaller and faster to build.
    source: { fontSize: t.small, color: COLORS.muted, margin: [0, 0, 0, t.gap] },
    small: { fontSize: t.small, color: COLORS.muted },
  }
}

/**
 * Keeps each heading on the same page as the block after it, so a heading never sits alone at
 * the foot of a page. (pdfmake's pageBreakBefore does this too, but lays the document out again
 * for every break it moves, which doubles the time.)
 */
function keepHeadings(nodes: Pdf[]): Pdf[] {
  const out: Pdf[] = []
  let pending: Pdf[] = []
  for (const n of nodes) {
    // A "Sources" line stays with the text it belongs to, never alone at the top of a page.
    if ((n as { style?: string }).style === 'source' && !pending.length && out.length) {
      out.push(tall(out[out.length - 1]!) ? n : ({ stack: [out.pop()!, n], unbreakable: true } as Pdf))
      continue
    }
    pending.push(n)
    if ((n as { headlineLevel?: number }).headlineLevel) continue
    if (pending.length > 1) out.push(...withHeadings(pending.slice(0, -1), n))
    else out.push(n)
    pending = []
  }
  if (pending.length) out.push(...pending)
  return out
}

/**
 * pdfmake silently drops an unbreakable block taller than a page, so only a bounded part of a
 * block is kept with its headings: the first items of a long list, and a long text not at all
 * (a heading alone at the foot of a page is better than a lost paragraph).
 */
const LIST_HEAD = 2
const TALL_CHARS = 900

function textLength(n: unknown): number {
  if (typeof n === 'string') return n.length
  if (Array.isArray(n)) return n.reduce((a: number, x) => a + textLength(x), 0)
  if (n && typeof n === 'object')
    return Object.entries(n).reduce((a, [k, v]) => (k === 'svg' || k === 'image' ? a : a + textLength(v)), 0)
  return 0
}

function listItems(n: Pdf): { key: 'ul' | 'ol'; items: unknown[] } | undefined {
  const o = n as { ul?: unknown[]; ol?: unknown[] }
  if (Array.isArray(o.ul)) return { key: 'ul', items: o.ul }
  if (Array.isArray(o.ol)) return { key: 'ol', items: o.ol }
  return undefined
}

function tall(n: Pdf): boolean {
  if (textLength(n) <= TALL_CHARS) return false
  const list = listItems(n)
  return !list || list.items.length > LIST_HEAD + 1
}

function withHeadings(headings: Pdf[], n: Pdf): Pdf[] {
  if (!tall(n)) return [{ stack: [...headings, n], unbreakable: true } as Pdf]
  const list = listItems(n)
  if (!list) return [...headings, n]
  const o = n as { margin?: number[]; start?: number }
  const head = { ...(n as object), [list.key]: list.items.slice(0, LIST_HEAD), margin: [0, 0, 0, 0] }
  const rest = {
    ...(n as object),
    [list.key]: list.items.slice(LIST_HEAD),
    ...(list.key === 'ol' ? { start: (o.start ?? 1) + LIST_HEAD } : {}),
  }
  return [{ stack: [...headings, head], unbreakable: true } as Pdf, rest as Pdf]
}

function para(text: string, extra: Record<string, unknown> = {}): Pdf {
  return { text: printable(text), style: 'p', ...extra } as Pdf
}

function bullets(points: string[], t: TypeScale): Pdf {
  return {
    ul: points.map((p) => ({ text: printable(p), margin: [0, 0, 0, t.gap * 0.35] })),
    margin: [0, 0, 0, t.gap * 0.6],
    markerColor: COLORS.accent,
  } as Pdf
}

function sectionBody(s: Pick<Section, 'text' | 'points'>, t: TypeScale): Pdf[] {
  const out: Pdf[] = []
  if (s.text) out.push(para(s.text))
  if (s.points) out.push(bullets(s.points, t))
  return out
}

/** A section heading with a short accent bar under it. */
function h2(text: string, id: string): Pdf {
  return {
    id,
    headlineLevel: 1,
    stack: [
      { text: printable(text), style: 'h2' },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: 34, y2: 0, lineWidth: 2.5, lineColor: COLORS.accent }],
        margin: [0, 0, 0, 6],
      },
    ],
  } as Pdf
}

function h3(text: string): Pdf {
  return { text: printable(text), style: 'h3', headlineLevel: 2 } as Pdf
}

function sources(ids: Iterable<SourceId>, ctx: Ctx): Pdf[] {
  const line = sourceLine(ids, ctx.content)
  return line ? [{ text: line, style: 'source' }] : []
}

/** A running header or footer and the height it needs, so the page margin can make room for it. */
interface Band {
  render: DynamicContent
  height: number
}

const HEADER_TOP = 26
const HEADER_GAP = 18
const BAND_LINE = 1.1

function header(ctx: Ctx): Band {
  const { spec, t } = ctx
  const { clinic } = spec
  const contact = [clinic.phone, clinic.emailOrWebsite].filter(Boolean).map(printable).join('   ·   ')
  const address = printable(clinic.address)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(', ')
  const name = printable(clinic.name) || ' '
  const logo = logoNode(clinic)
  const width = PAGE_WIDTH[spec.options.pageSize] - 2 * MARGIN_X
  const identityWidth = logo ? width - (logo.width as number) - 12 : width
  const identityHeight =
    textHeight(name, t.headerName, identityWidth, BAND_LINE) +
    (address ? 2 + textHeight(address, t.headerText, identityWidth, BAND_LINE) : 0) +
    (contact ? 1 + textHeight(contact, t.headerText, identityWidth, BAND_LINE) : 0)
  const height =
    HEADER_TOP + Math.max(logo ? (logo.height as number) : 0, identityHeight + (logo ? 2 : 0)) + 8 + 1.2
  const identity: Pdf = {
    stack: [
      { text: name, fontSize: t.headerName, bold: true, color: COLORS.accent, lineHeight: BAND_LINE },
      ...(address
        ? [
            {
              text: address,
              fontSize: t.headerText,
              color: COLORS.muted,
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
              color: COLORS.muted,
              lineHeight: BAND_LINE,
              margin: [0, 1, 0, 0],
            },
          ]
        : []),
    ],
  } as Pdf
  const render: DynamicContent = () =>
    ({
      margin: [MARGIN_X, HEADER_TOP, MARGIN_X, 0],
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
            { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 1.2, lineColor: COLORS.accent },
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

function footer(ctx: Ctx): Band {
  const { spec, content, t } = ctx
  const disclaimer = printable(content.meta.disclaimer)
  const clinicFooter = printable(spec.clinic.footer)
  const date = longDate(spec.date)
  const width = PAGE_WIDTH[spec.options.pageSize] - 2 * MARGIN_X
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
          canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6, lineColor: COLORS.rule }],
        },
        {
          margin: [0, 5, 0, 0],
          columns: [
            {
              width: '*',
              stack: [
                { text: disclaimer, fontSize: t.footer, color: COLORS.muted, lineHeight: BAND_LINE },
                ...(clinicFooter
                  ? [
                      {
                        text: clinicFooter,
                        fontSize: t.footer,
                        color: COLORS.muted,
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
                  color: COLORS.ink,
                  alignment: 'right',
                  lineHeight: BAND_LINE,
                  noWrap: true,
                },
                {
                  text: date,
                  fontSize: t.footer,
                  color: COLORS.muted,
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

/**
 * A shaded panel. pdfmake draws backgrounds on table cells, so a panel is a one-column table
 * with one row per block: rows never split, so a long panel breaks between blocks and never
 * leaves an empty strip of colour at the foot of a page. The title is a header row: it never
 * ends a page alone, and when the panel goes on over a page it is repeated there, so the reader
 * still knows what the rest of the box is about.
 */
function panel(
  title: Pdf,
  body: Pdf[],
  fill: string,
  border: string | undefined,
  t: TypeScale,
  extra: object = {},
): ContentTable {
  const rows = [title, ...keepHeadings(body)]
  const last = rows.length - 1
  return {
    table: {
      widths: ['*'],
      body: rows.map((r) => [r]),
      dontBreakRows: true,
      headerRows: 1,
      keepWithHeaderRows: 1,
    },
    layout: {
      fillColor: () => fill,
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (border && i === 0 ? 4 : 0),
      hLineColor: () => border ?? fill,
      vLineColor: () => border ?? fill,
      paddingLeft: () => t.gap * 2,
      paddingRight: () => t.gap * 2,
      paddingTop: (i: number) => (i === 0 ? t.gap * 1.3 : 0),
      paddingBottom: (i: number) => (i === last ? t.gap * 0.9 : 0),
    },
    margin: [0, t.gap, 0, t.gap],
    ...extra,
  } as ContentTable
}

function titleBlock(ctx: Ctx): Pdf[] {
  const { spec, t } = ctx
  const meta: Pdf[] = [
    {
      text: [
        { text: 'For  ', color: COLORS.muted },
        { text: printable(spec.patient.name), bold: true },
      ],
    },
    { text: [{ text: 'Date  ', color: COLORS.muted }, longDate(spec.date)] },
  ]
  if (spec.clinician)
    meta.push({ text: [{ text: 'From  ', color: COLORS.muted }, printable(spec.clinician)] })
  const intro = ctx.content.topics.find((x) => x.id === 'what-is-a-cramp')?.sections[0]?.text
  // Side by side only when all three fit on one line: a long name must not squeeze the date.
  const oneLine =
    textWidth(
      `For  ${spec.patient.name}Date  ${longDate(spec.date)}${spec.clinician ? `From  ${spec.clinician}` : ''}`,
      t.body,
    ) +
      t.gap * 4 * (meta.length - 1) <=
    PAGE_WIDTH[spec.options.pageSize] - 2 * MARGIN_X
  return [
    { text: HANDOUT_TITLE, style: 'title', margin: [0, 0, 0, t.gap] },
    (spec.options.largePrint || !oneLine
      ? { stack: meta, margin: [0, 0, 0, t.gap * 1.5] }
      : {
          columns: meta.map((m) => ({ ...(m as object), width: 'auto', margin: [0, 0, t.gap * 4, 0] })),
          margin: [0, 0, 0, t.gap * 1.5],
        }) as Pdf,
    ...(intro ? [para(intro)] : []),
    para(
      'This sheet was made for you at your visit. It explains what may be behind your cramps, what you can do about them, and when to get help. Keep it somewhere handy.',
    ),
  ]
}

/** Most lines a panel row may hold: far less than a page, so a row always fits on one. */
const ROW_LINES = 10

/**
 * Splits a long paragraph into pieces of at most ROW_LINES lines, at sentence ends where it can,
 * else between words. Panel rows never break across pages, and pdfmake silently drops a row
 * taller than a page: a long note in large print vanished from the handout.
 */
function rowPieces(text: string, ctx: Ctx): string[] {
  const { spec, t } = ctx
  const width = PAGE_WIDTH[spec.options.pageSize] - 2 * MARGIN_X - 4 * t.gap
  const fits = (x: string): boolean => lineCount(x.trimEnd(), t.body, width) <= ROW_LINES
  const all = printable(text)
  if (fits(all)) return [all]
  const pieces: string[] = []
  let current = ''
  const add = (unit: string): void => {
    if (fits(current + unit)) current += unit
    else {
      if (current.trim()) pieces.push(current.trimEnd())
      current = unit
    }
  }
  // Sentences (with the space after them) where they fit in a row, else words, else the pieces
  // printable() cut a very long word into.
  for (const sentence of all.split(/(?<=[.!?]\s+)/)) {
    if (fits(sentence)) add(sentence)
    else for (const word of sentence.split(/(?<=[\s\u200B])/)) add(word)
  }
  if (current.trim()) pieces.push(current.trimEnd())
  return pieces
}

function personalNote(ctx: Ctx): Pdf[] {
  const { spec, t } = ctx
  const note = spec.personalNote.trim()
  if (!note) return []
  const from = spec.clinician ? `A note from ${printable(spec.clinician)}` : 'A note from your clinician'
  return [
    panel(
      { text: from, bold: true, color: COLORS.accent, margin: [0, 0, 0, t.gap * 0.5] } as Pdf,
      note.split(/\n\s*\n/).flatMap((p) => {
        const pieces = rowPieces(p.replace(/\s*\n\s*/g, ' ').trim(), ctx)
        return pieces.map((piece, i) =>
          para(piece, { margin: [0, 0, 0, i === pieces.length - 1 ? t.gap * 0.5 : 0] }),
        )
      }),
      COLORS.accentSoft,
      undefined,
      t,
      { id: 'personal-note' },
    ),
  ]
}

function causeBlock(cause: Cause, ctx: Ctx): Pdf[] {
  const { t } = ctx
  const s = cause.sections
  const used = new Set<SourceId>([...s.selfCare.sources, ...(s.prevention?.sources ?? [])])
  const doNow: Pdf[] = [
    { text: 'What you can do', style: 'label', headlineLevel: 3 },
    ...sectionBody(s.selfCare, t),
  ]
  const later: Pdf[] = s.prevention
    ? [
        { text: 'To help stop it coming back', style: 'label', headlineLevel: 3 },
        ...sectionBody(s.prevention, t),
      ]
    : []
  // Side by side in normal print reads like a leaflet; large print needs the full width.
  const advice: Pdf[] =
    later.length && !ctx.spec.options.largePrint
      ? [
          {
            columns: [
              { stack: doNow, width: '*' },
              { stack: later, width: '*' },
            ],
            columnGap: 18,
          } as Pdf,
        ]
      : [...doNow, ...later]
  return [
    { text: printable(cause.name), style: 'cause', headlineLevel: 2 } as Pdf,
    para(cause.patientSummary),
    ...advice,
    ...sources(used, ctx),
  ]
}

function causesSection(ctx: Ctx): Pdf[] {
  const causes = ctx.spec.causes.map((id, i) => {
    const c = ctx.content.causes.find((x) => x.id === id)
    if (!c)
      throw new HandoutError(`Unknown cause "${id}": it is not in the reference content.`, `causes.${i}`)
    return c
  })
  if (causes.length === 0) return []
  return [h2('What may be causing your cramps', 'causes'), ...causes.flatMap((c) => causeBlock(c, ctx))]
}

function topicSections(topic: Topic, ctx: Ctx): Pdf[] {
  const out: Pdf[] = []
  for (const s of topic.sections) {
    if (s.heading) out.push(h3(s.heading))
    out.push(...sectionBody(s, ctx.t))
  }
  return out
}

function exerciseCards(topic: Topic, ctx: Ctx): Pdf[] {
  const { t } = ctx
  return (topic.exercises ?? []).map((ex) => {
    const drawing = ctx.drawings[ex.drawing]
    if (!drawing) {
      throw new HandoutError(
        `The exercise "${ex.name}" needs the drawing "${ex.drawing}", which the app does not have.`,
      )
    }
    return {
      unbreakable: true,
      margin: [0, t.gap * 0.6, 0, t.gap * 0.6],
      table: {
        widths: [t.drawingWidth, '*'],
        body: [
          [
            { svg: drawing, width: t.drawingWidth, margin: [0, 2, 0, 0] },
            {
              stack: [
                {
                  text: printable(ex.name),
                  bold: true,
                  fontSize: t.h3,
                  color: COLORS.ink,
                  margin: [0, 0, 0, t.gap * 0.4],
                },
                {
                  ol: ex.steps.map((s) => ({ text: printable(s), margin: [0, 0, 0, t.gap * 0.25] })),
                  markerColor: COLORS.accent,
                },
                {
                  margin: [0, t.gap * 0.6, 0, 0],
                  text: [{ text: 'How often: ', bold: true, color: COLORS.accent }, printable(ex.counts)],
                },
              ],
            },
          ],
        ],
      },
      layout: {
        hLineWidth: (i: number, node: ContentTable) => (i === node.table.body.length ? 0.6 : 0),
        vLineWidth: () => 0,
        hLineColor: () => COLORS.rule,
        paddingLeft: (i: number) => (i === 0 ? 0 : t.gap * 2),
        paddingRight: () => 0,
        paddingTop: () => t.gap * 0.8,
        paddingBottom: () => t.gap * 1.2,
      },
    } as Pdf
  })
}

function topicOrCause(id: HandoutSectionId, ctx: Ctx): Topic | Cause {
  const topic = ctx.content.topics.find((x) => x.id === id)
  if (topic) return topic
  const cause = ctx.content.causes.find((x) => x.id === id)
  if (cause) return cause
  throw new HandoutError(
    `The reference content has nothing for the section "${HANDOUT_SECTION_LABELS[id]}" (no topic or cause "${id}").`,
    'sections',
  )
}

function generalSection(id: HandoutSectionId, ctx: Ctx, medicines: MedicineLines): Pdf[] {
  if (id === 'medicines') {
    return [
      h2(HANDOUT_SECTION_LABELS.medicines, 'section-medicines'),
      ...medicinesSection(ctx.spec.medicines, medicines, ctx.content, ctx.t),
    ]
  }
  const item = topicOrCause(id, ctx)
  if ('title' in item) {
    const body = topicSections(item, ctx)
    const used = new Set(item.sections.flatMap((s) => s.sources))
    if (id === 'exercises') {
      for (const ex of item.exercises ?? []) ex.sources.forEach((s) => used.add(s))
      return [
        h2(item.title, `section-${id}`),
        ...body,
        { text: 'Exercises to try', style: 'h3', headlineLevel: 2 } as Pdf,
        ...exerciseCards(item, ctx),
        ...sources(used, ctx),
      ]
    }
    if (id === ALWAYS_INCLUDED) {
      return [
        panel(
          {
            text: printable(item.title),
            style: 'h2',
            color: COLORS.warn,
            margin: [0, 0, 0, ctx.t.gap * 0.6],
          } as Pdf,
          [...body, ...sources(used, ctx)],
          COLORS.warnSoft,
          COLORS.warn,
          ctx.t,
          { id: `section-${id}` },
        ),
      ]
    }
    return [h2(item.title, `section-${id}`), ...body, ...sources(used, ctx)]
  }
  // A life-stage cause (pregnancy) used as a general section: its patient-facing parts only.
  return [h2(HANDOUT_SECTION_LABELS[id], `section-${id}`), ...causeBlock(item, ctx).slice(1)]
}

/** Walks the definition's text and throws if anything (content included) has characters the font lacks. */
function assertDocPrintable(node: unknown, where: string): void {
  const seen: string[] = []
  const walk = (n: unknown): void => {
    if (typeof n === 'string') {
      for (const ch of unsupportedChars(n)) if (!seen.includes(ch)) seen.push(ch)
    } else if (Array.isArray(n)) n.forEach(walk)
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n)) if (k !== 'svg' && k !== 'image' && k !== 'id') walk(v)
    }
  }
  walk(node)
  if (seen.length) {
    throw new HandoutError(
      `The handout font cannot print ${seen.map(describeChar).join(', ')} in ${where}.`,
      where,
    )
  }
}

/** For a foot at risk: the guideline foot-care advice, boxed, near the top (handouts/safety.ts). */
function footCareBlock(plan: SafetyPlan, ctx: Ctx): Pdf[] {
  const topic = plan.footCare
  if (!topic) return []
  const used = new Set(topic.sections.flatMap((s) => s.sources))
  return [
    panel(
      { text: printable(topic.title), style: 'h2', margin: [0, 0, 0, ctx.t.gap * 0.6] } as Pdf,
      [...topicSections(topic, ctx), ...sources(used, ctx)],
      COLORS.accentSoft,
      COLORS.accent,
      ctx.t,
      { id: 'foot-care' },
    ),
  ]
}

export function buildHandout(
  spec: HandoutSpec,
  given: Content,
  options: BuildOptions = {},
): TDocumentDefinitions {
  assertPrintable(spec)
  // A foot at risk: warned-against self-care left out, unchecked advice marked "ask first".
  const plan = planSafety({ causes: spec.causes, footRisk: spec.footRisk }, given)
  const content = applySafety(given, plan)
  const t = spec.options.largePrint ? LARGE : NORMAL
  const ctx: Ctx = { spec, content, t, drawings: options.drawings ?? DRAWINGS }
  const medicines: MedicineLines = spec.sections.includes('medicines')
    ? medicineLines(spec.medicines, content)
    : { lines: [], unknown: [] }

  const general = spec.sections.filter((s) => s !== ALWAYS_INCLUDED)
  const body: Pdf[] = keepHeadings([
    ...titleBlock(ctx),
    ...personalNote(ctx),
    ...footCareBlock(plan, ctx),
    ...causesSection(ctx),
    ...general.flatMap((id) => generalSection(id, ctx, medicines)),
    ...generalSection(ALWAYS_INCLUDED, ctx, medicines),
  ])
  assertDocPrintable(body, 'the reference content')

  const head = header(ctx)
  const foot = footer(ctx)
  const creationDate = new Date(`${spec.date}T12:00:00Z`)
  const title = `${HANDOUT_TITLE} - ${printable(spec.patient.name)}`

  return {
    pageSize: spec.options.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [MARGIN_X, Math.ceil(head.height + HEADER_GAP), MARGIN_X, Math.ceil(foot.height + 4)],
    header: head.render,
    footer: foot.render,
    content: body,
    styles: styles(t),
    defaultStyle: { font: 'Roboto', fontSize: t.body, lineHeight: t.lineHeight, color: COLORS.ink },
    info: {
      title,
      author: printable(spec.clinic.name) || PRODUCER,
      subject: `Patient handout, content version ${spec.contentVersion}`,
      creator: PRODUCER,
      producer: PRODUCER,
      creationDate,
      modDate: creationDate,
    },
    compress: true,
  } as TDocumentDefinitions
}
