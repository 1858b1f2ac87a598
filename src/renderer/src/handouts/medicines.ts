/** The "Medicines to talk over with your prescriber" part of the handout. */
import type { Content as Pdf } from 'pdfmake/interfaces'
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
  note: string
  mayHelp: boolean
  sources: SourceId[]
}

export function medicinesSection(given: string[], lines: MedicineLine[], content: Content, t: TypeScale): Pdf[] {
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
        ...(l.matched.toLowerCase() !== l.given.toLowerCase() ? [{ text: ` (${printable(l.matched)})`, color: COLORS.muted }] : []),
        ': ',
        printable(l.note),
      ],
      margin: [0, 0, 0, t.gap * 0.4],
    }) as Pdf
  if (cause.length) {
    out.push({ text: 'Medicines of yours to ask about', style: 'label' })
    out.push({ ul: cause.map(item), markerColor: COLORS.accent, margin: [0, 0, 0, t.gap * 0.6] } as Pdf)
  }
  if (help.length) {
    out.push({ text: 'Medicines that may help', style: 'label' })
    out.push({ ul: help.map(item), markerColor: COLORS.accent, margin: [0, 0, 0, t.gap * 0.6] } as Pdf)
  }
  if (given.length > 0 && lines.length === 0) {
    out.push({
      text: 'None of the medicines on your list is one our sources link to cramps. Still mention your cramps when your medicines are next reviewed.',
      style: 'p',
    })
  }
  if (given.length === 0) {
    out.push({ text: 'Bring a list of all the medicines you take, including ones you buy yourself, to your next visit.', style: 'p' })
  }
  const used = new Set(lines.flatMap((l) => l.sources))
  const line = sourceLine(used, content)
  if (line) out.push({ text: line, style: 'source' })
  return out
}
