/**
 * The patient's medicines: those the medication check links to cramps or to relief, each group
 * with one plain sentence, and the rest listed plainly under "talk to your prescriber".
 */
import type { Content as Pdf } from 'pdfmake/interfaces'
import { printable } from '../glyphs'
import type { MedicineLine, MedicineLines } from '../medicines'
import { HANDOUT_SECTION_LABELS } from '../spec'
import type { Ctx } from './context'
import { heading } from './page-one'

export function medicinesSection(meds: MedicineLines, ctx: Ctx): Pdf[] {
  const { t, colors, spec } = ctx
  const name = (l: MedicineLine): Pdf =>
    ({
      text: [
        { text: printable(l.given), bold: true },
        ...(l.matched.toLowerCase() !== l.given.toLowerCase()
          ? [{ text: ` (${printable(l.matched)})`, color: colors.muted }]
          : []),
      ],
      margin: [0, 0, 0, 1],
    }) as Pdf
  // A restricted medicine (quinine) carries its safety points for the patient under its name.
  const item = (l: MedicineLine): Pdf =>
    l.patientNote
      ? ({ stack: [name(l), { text: printable(l.patientNote), margin: [0, 0, 0, 2] }] } as Pdf)
      : name(l)
  const group = (lead: string, items: Pdf[], after: Pdf[] = []): Pdf[] => [
    {
      text: lead,
      bold: true,
      color: colors.ink,
      margin: [0, t.gap * 0.3, 0, t.gap * 0.2],
      headlineLevel: 3,
    } as Pdf,
    { ul: items, markerColor: colors.accent, margin: [0, 0, 0, t.gap * 0.3] } as Pdf,
    ...after,
  ]
  const cause = meds.lines.filter((l) => !l.mayHelp)
  const help = meds.lines.filter((l) => l.mayHelp)
  const out: Pdf[] = [
    heading(HANDOUT_SECTION_LABELS.medicines, 'section-medicines', ctx),
    {
      text: 'Some medicines can make cramps more likely. Never stop or change a medicine on your own. Talk it over first with the doctor, nurse or pharmacist who prescribes it.',
      margin: [0, 0, 0, t.gap * 0.5],
    } as Pdf,
  ]
  if (cause.length) {
    out.push(
      ...group('Medicines of yours that can sometimes lead to cramps', cause.map(item), [
        {
          text: [
            cause.length === 1
              ? 'Ask your prescriber if it could be playing a part.'
              : 'Ask your prescriber if they could be playing a part.',
            ...ctx.cite.mark(cause.flatMap((l) => l.sources)),
          ],
          margin: [0, 0, 0, t.gap * 0.5],
        } as Pdf,
      ]),
    )
  }
  if (help.length) {
    out.push(
      ...group('Medicines that may ease cramps for some people', help.map(item), [
        {
          text: [
            help.length === 1
              ? 'Only your prescriber can say if it is right for you.'
              : 'Only your prescriber can say if they are right for you.',
            ...ctx.cite.mark(help.flatMap((l) => l.sources)),
          ],
          margin: [0, 0, 0, t.gap * 0.5],
        } as Pdf,
      ]),
    )
  }
  if (meds.unknown.length) {
    out.push(
      ...group(
        'Talk to your prescriber about',
        meds.unknown.map((u) => ({ text: printable(u), bold: true, margin: [0, 0, 0, 1] }) as Pdf),
      ),
    )
  }
  if (spec.medicines.length === 0) {
    out.push({
      text: 'Bring a list of all the medicines you take, including ones you buy yourself, to your next visit.',
      margin: [0, 0, 0, t.gap * 0.5],
    } as Pdf)
  }
  return out
}
