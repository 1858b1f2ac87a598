/**
 * The "When to get help" box on page 1: the reference's red flags in the patient's words, grouped
 * by how soon to act (now, soon, routine), most urgent first. A flag whose sources give no
 * urgency goes under a plain "see a doctor", never under a tier no source gives.
 */
import type { Content as Pdf } from 'pdfmake/interfaces'
import type { RedFlag, SourceId } from '../../reference/schema'
import { printable } from '../glyphs'
import { panel } from '../pagination'
import type { Ctx } from './context'

export type Tier = 'now' | 'soon' | 'routine' | 'none'

/** The lead of each group, in the words of the urgency it stands for. */
export const TIER_LEADS: Record<Tier, string> = {
  now: 'Get medical help the same day if',
  soon: 'See a doctor within a few days if',
  routine: 'Book a visit with your doctor if',
  none: 'See a doctor if',
}
const ORDER: Tier[] = ['now', 'soon', 'routine', 'none']

interface Graded {
  urgency?: 'now' | 'soon' | 'routine'
  urgencySources?: SourceId[]
}

export function tierOf(flag: RedFlag): Tier {
  return (flag as RedFlag & Graded).urgency ?? 'none'
}

export function groupFlags(flags: readonly RedFlag[]): { tier: Tier; flags: RedFlag[] }[] {
  return ORDER.map((tier) => ({ tier, flags: flags.filter((f) => tierOf(f) === tier) })).filter(
    (g) => g.flags.length,
  )
}

export const HELP_TITLE = 'When to get help'

export function helpBox(ctx: Ctx): Pdf[] {
  const { t, colors } = ctx
  const groups = groupFlags(ctx.content.redFlags)
  const rows: Pdf[] = groups.map(({ tier, flags }, gi) => {
    const sources = new Set<SourceId>()
    for (const f of flags) {
      f.sources.forEach((s) => sources.add(s))
      ;((f as RedFlag & Graded).urgencySources ?? []).forEach((s) => sources.add(s))
    }
    return {
      stack: [
        {
          text: [{ text: `${TIER_LEADS[tier]}:`, bold: true, color: colors.warn }, ...ctx.cite.mark(sources)],
          margin: [0, gi ? t.gap * 0.5 : 0, 0, 1],
        },
        {
          ul: flags.map((f) => ({ text: printable(f.patientText) })),
          markerColor: colors.warn,
        },
      ],
      // Each group stays whole: a tier's lead never sits apart from its signs.
      unbreakable: true,
    } as Pdf
  })
  return [
    panel(
      { text: HELP_TITLE, style: 'h2', color: colors.warn, margin: [0, 0, 0, t.gap * 0.2] } as Pdf,
      rows,
      colors.warnSoft,
      colors.warn,
      t,
      { id: 'section-when-to-seek-help' },
    ),
  ]
}
