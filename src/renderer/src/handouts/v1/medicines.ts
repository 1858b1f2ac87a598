/** The medicines part of a format-1 handout. Frozen, like the rest of v1/. */
import type { Content as Pdf } from 'pdfmake/interfaces'
import type { Content } from '../../reference/schema'
import { printable } from '../glyphs'
import { COLORS, type TypeScale } from '../layout'
import type { MedicineLine, MedicineLines } from '../medicines'
import { sourceLine } from '../text-utils'

export function medicinesSectionV1(
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
