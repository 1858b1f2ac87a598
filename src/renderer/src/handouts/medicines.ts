/** The "Medicines to talk over with your prescriber" part of the handout. */
import type { Content as Pdf } from 'pdfmake/interfaces'
import { checkMedicines } from '../reference/medcheck'
import type { Content, SourceId } from '../reference/schema'
import { printable } from './glyphs'
import { COLORS, type TypeScale } from './layout'
import { sourceLine } from './text-utils'

/** One of the patient's medicines that the medication check links to cramps (or to relief). */
export interface MedicineLine {
  /** As the clinician typed it, e.g. "Lasix". */
  given: string
  /** The generic or class name it matched, e.g. "furosemide". */
  matched: string
  mayHelp: boolean
  sources: SourceId[]
}

export interface MedicineLines {
  lines: MedicineLine[]
  /** Medicines the sources say nothing about: named on the handout, never silently left out. */
  unknown: string[]
}

/** Runs the medication check over the spec's medicines. */
export function medicineLines(given: readonly string[], content: Content): MedicineLines {
  const lines: MedicineLine[] = []
  const unknown: string[] = []
  for (const r of checkMedicines(given, content)) {
    if (r.status === 'unknown') {
      unknown.push(r.input)
      continue
    }
    // Sources of the most specific note: the drug's own if the sources name it, else its class's.
    const first = r.notes[0]
    const sources = new Set<SourceId>(first?.sources.map((s) => s.id) ?? [])
    lines.push({
      given: r.input,
      matched: r.drug.name,
      mayHelp: r.mayHelp,
      sources: [...sources],
    })
  }
  return { lines, unknown }
}

export function medicinesSection(
  given: string[],
  meds: MedicineLines,
  content: Content,
  t: TypeScale,
): Pdf[] {
  const { lines, unknown } = meds
  const out: Pdf[] = [
    {
      text: printable(
        'Some medicines can make cramps more likely. Never stop or change a medicine on your own. Talk it over first with the doctor, nurse or pharmacist who prescribes it.',
      ),
      style: 'p',
    },
  ]
  const cause = lines.filter((l) => !l.mayHelp)
  const help = lines.filter((l) => l.mayHelp)
  const item = (l: MedicineLine): Pdf =>
    ({
      text: [
        { text: printable(l.given), bold: true },
        ...(l.matched.toLowerCase() !== l.given.toLowerCase()
          ? [{ text: ` (${printable(l.matched)})`, color: COLORS.muted }]
          : []),
      ],
      margin: [0, 0, 0, t.gap * 0.25],
    }) as Pdf
  const list = (ls: MedicineLine[]): Pdf =>
    ({ ul: ls.map(item), markerColor: COLORS.accent, margin: [0, 0, 0, t.gap * 0.5] }) as Pdf
  // The medication check's notes are written for clinicians ("one source says..."); the patient
  // gets the same finding in plain words, once under each list, with the sources line below.
  if (cause.length) {
    const one = cause.length === 1
    out.push({ text: 'Medicines of yours to ask about', style: 'label', headlineLevel: 3 })
    out.push(list(cause))
    out.push({
      text: one
        ? 'Our sources say this kind of medicine can sometimes lead to cramps. Ask your prescriber if it could be playing a part, and talk to them before you make any change.'
        : 'Our sources say these kinds of medicine can sometimes lead to cramps. Ask your prescriber if they could be playing a part, and talk to them before you make any change.',
      style: 'p',
    } as Pdf)
  }
  if (help.length) {
    const one = help.length === 1
    out.push({ text: 'Medicines that may help', style: 'label', headlineLevel: 3 })
    out.push(list(help))
    out.push({
      text: one
        ? 'Our sources mention this medicine as one that may ease cramps for some people. Only your prescriber can say if it is right for you.'
        : 'Our sources mention these medicines as ones that may ease cramps for some people. Only your prescriber can say if they are right for you.',
      style: 'p',
    } as Pdf)
  }
  if (unknown.length) {
    out.push({ text: 'Other medicines on your list', style: 'label', headlineLevel: 3 })
    // A list, not one paragraph: pdfmake dropped a paragraph of many names taller than a page.
    out.push({
      ul: unknown.map((u) => ({ text: printable(u), bold: true, margin: [0, 0, 0, t.gap * 0.25] })),
      markerColor: COLORS.accent,
      margin: [0, 0, 0, t.gap * 0.5],
    } as Pdf)
    out.push({
      text:
        unknown.length === 1
          ? 'Our sources say nothing about this one. That does not tell you it is safe or unsafe, so ask your prescriber if you are unsure.'
          : 'Our sources say nothing about these. That does not tell you they are safe or unsafe, so ask your prescriber if you are unsure.',
      style: 'p',
    } as Pdf)
  }
  if (given.length === 0) {
    out.push({
      text: 'Bring a list of all the medicines you take, including ones you buy yourself, to your next visit.',
      style: 'p',
    })
  }
  const used = new Set(lines.flatMap((l) => l.sources))
  const line = sourceLine(used, content)
  if (line) out.push({ text: line, style: 'source' })
  return out
}
