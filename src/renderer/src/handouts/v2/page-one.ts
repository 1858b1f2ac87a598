/**
 * The top of page 1: who the handout is for and from, the likely causes in a line or two each,
 * and what to do when a cramp strikes. The help box (help.ts) follows them on the same page.
 */
import type { Content as Pdf } from 'pdfmake/interfaces'
import type { Cause, SourceId } from '../../reference/schema'
import { printable } from '../glyphs'
import { lineCount, textWidth } from '../measure'
import { panel, rowPieces } from '../pagination'
import { HandoutError } from '../spec'
import { longDate } from '../text-utils'
import type { Ctx } from './context'

export const HANDOUT_TITLE = 'Foot and ankle cramps: your care plan'

/** A section heading: accent text and a short bar, kept with what follows it. */
export function heading(text: string, id: string, ctx: Ctx, sources: Iterable<SourceId> = []): Pdf {
  const { t, colors } = ctx
  return {
    id,
    headlineLevel: 1,
    stack: [
      {
        text: [{ text: printable(text), style: 'h2' }, ...ctx.cite.mark(sources)],
        margin: [0, t.gap * 1.5, 0, 1],
      },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: 28, y2: 0, lineWidth: 2, lineColor: colors.accent }],
        margin: [0, 0, 0, t.gap * 0.6],
      },
    ],
  } as Pdf
}

/**
 * "For ... Date ... From ...": one line when all three fit, else one line each. A name or a date
 * never wraps: one too long for a line on its own is printed smaller until it fits.
 */
function metaRow(ctx: Ctx): Pdf {
  const { spec, t, colors, width } = ctx
  const items: [string, string, boolean][] = [
    ['For', printable(spec.patient.name), true],
    ['Date', longDate(spec.date, spec.clinic.dateOrder), false],
  ]
  if (spec.clinician) items.push(['From', printable(spec.clinician), false])
  const gap = t.gap * 4
  const itemWidth = ([label, value]: [string, string, boolean]): number =>
    textWidth(`${label}  `, t.body) + textWidth(value, t.body)
  const node = (item: [string, string, boolean], fontSize = t.body): Pdf =>
    ({
      text: [
        { text: `${item[0]}  `, color: colors.muted },
        { text: item[1], bold: item[2] },
      ],
      fontSize,
      noWrap: true,
    }) as Pdf
  const oneLine = items.reduce((a, i) => a + itemWidth(i), 0) + gap * (items.length - 1) <= width
  if (oneLine) {
    return {
      columns: items.map((i) => ({ ...(node(i) as object), width: 'auto', margin: [0, 0, gap, 0] })),
      margin: [0, 0, 0, t.gap * 0.4],
    } as Pdf
  }
  return {
    stack: items.map((i) => {
      const w = itemWidth(i)
      // Rounded down to a tenth of a point so the shrunk line is sure to fit.
      return node(i, w <= width ? t.body : Math.floor((t.body * width * 10) / w) / 10)
    }),
    margin: [0, 0, 0, t.gap * 0.4],
  } as Pdf
}

export function titleBlock(ctx: Ctx): Pdf[] {
  return [{ text: HANDOUT_TITLE, style: 'title', margin: [0, 0, 0, ctx.t.gap * 0.6] }, metaRow(ctx)]
}

/** The clinician's note in a soft panel; long notes are cut into rows that each fit a page. */
export function personalNote(ctx: Ctx): Pdf[] {
  const { spec, t, colors } = ctx
  const note = spec.personalNote.trim()
  if (!note) return []
  const from = spec.clinician ? `A note from ${printable(spec.clinician)}` : 'A note from your clinician'
  return [
    panel(
      { text: from, bold: true, color: colors.accent, margin: [0, 0, 0, t.gap * 0.4] } as Pdf,
      note.split(/\n\s*\n/).flatMap((p) => {
        const pieces = rowPieces(p.replace(/\s*\n\s*/g, ' ').trim(), ctx.width - 4 * t.gap, t)
        return pieces.map(
          (piece, i) =>
            ({ text: piece, margin: [0, 0, 0, i === pieces.length - 1 ? t.gap * 0.6 : 0] }) as Pdf,
        )
      }),
      colors.accentSoft,
      undefined,
      t,
      { id: 'personal-note', margin: [0, t.gap * 0.6, 0, t.gap * 0.6] },
    ),
  ]
}

export function chosenCauses(ctx: Ctx): Cause[] {
  return ctx.spec.causes.map((id, i) => {
    const c = ctx.content.causes.find((x) => x.id === id)
    if (!c)
      throw new HandoutError(`Unknown cause "${id}": it is not in the reference content.`, `causes.${i}`)
    return c
  })
}

/** Each cause by name with its one- or two-sentence summary for the patient. */
export function causesSummary(ctx: Ctx): Pdf[] {
  const causes = chosenCauses(ctx)
  if (!causes.length) return []
  const { t, colors } = ctx
  return [
    heading('What may be causing your cramps', 'causes', ctx),
    {
      ul: causes.map((c) => ({
        text: [
          { text: `${printable(c.name)}. `, bold: true },
          printable(c.patientSummary.trim()),
          ...ctx.cite.mark(c.sections.why.sources),
        ],
        margin: [0, 0, 0, t.gap * 0.35],
      })),
      markerColor: colors.accent,
    } as Pdf,
  ]
}

/** Lines of the longest paragraph kept whole on one page. */
const SHORT_LINES = 3

/** A topic section as one paragraph with its heading as a bold lead-in, or a lead and a list. */
export function leadBlock(
  s: { heading?: string; text?: string; points?: string[]; sources: SourceId[] },
  ctx: Ctx,
): Pdf[] {
  const { t, colors } = ctx
  // "Why water matters." but "How good is the proof?" (no full stop after a question).
  const stop = (h: string): string => (/[.?!:]$/.test(h) ? ' ' : '. ')
  const lead = s.heading
    ? [{ text: `${printable(s.heading)}${stop(s.heading.trim())}`, bold: true, color: colors.ink }]
    : []
  const out: Pdf[] = []
  if (s.text) {
    const para = {
      text: [...lead, printable(s.text.trim()), ...(s.points ? [] : ctx.cite.mark(s.sources))],
      margin: [0, 0, 0, t.gap * 0.55],
    } as Pdf
    // A short paragraph moves whole to the next page rather than leave one line on either side.
    const lines = lineCount(`${s.heading ?? ''} ${s.text.trim()} [99]`, t.body, ctx.width)
    out.push(lines <= SHORT_LINES ? ({ stack: [para], unbreakable: true } as Pdf) : para)
  } else if (lead.length) {
    out.push({ text: lead, margin: [0, 0, 0, t.gap * 0.3], headlineLevel: 3 } as Pdf)
  }
  if (s.points) {
    const last = s.points.length - 1
    out.push({
      ul: s.points.map((p, i) => ({
        text: [printable(p), ...(i === last ? ctx.cite.mark(s.sources) : [])],
        margin: [0, 0, 0, t.gap * 0.25],
      })),
      markerColor: colors.accent,
      margin: [0, 0, 0, t.gap * 0.7],
    } as Pdf)
  }
  return out
}
