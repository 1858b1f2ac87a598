/**
 * The "When to get help" box on page 1: the reference's red flags in the patient's words, grouped
 * by how soon to act (now, soon, routine), most urgent first. A flag whose sources give no
 * urgency is never put under a tier no source gives; it comes last, as it must go somewhere, but
 * its lead asks the patient to find out how soon rather than read as the least urgent group.
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
  none: 'Tell a doctor about these too, and ask how soon to be seen',
}
const ORDER: Tier[] = ['now', 'soon', 'routine', 'none']

export function tierOf(flag: RedFlag): Tier {
  return flag.urgency ?? 'none'
}

export function groupFlags(flags: readonly RedFlag[]): { tier: Tier; flags: RedFlag[] }[] {
  return ORDER.map((tier) => ({ tier, flags: flags.filter((f) => tierOf(f) === tier) })).filter(
    (g) => g.flags.length,
  )
}

export const HELP_TITLE = 'When to get help'

export function helpBox(ctx: Ctx): Pdf[] {
  const { t, colors } = ctx
  // Flags marked `handout: false` are the clinician's to judge (or, for a foot at risk, covered
  // by the foot-care block): a patient cannot tell "sudden loss of blood flow" for themselves.
  const groups = groupFlags(ctx.content.redFlags.filter((f) => f.handout))
  // One panel row per sign, the tier's lead in the row of its first sign: rows never split and
  // the box's title repeats on each page it runs onto, while a long tier can still break between
  // signs (pdfmake silently drops an unbreakable block taller than a page, as in large print).
  const rows: Pdf[] = groups.flatMap(({ tier, flags }, gi) => {
    // A tier cites the sources that give its urgency; signs with no tier, the sources naming them.
    const sources = new Set<SourceId>(flags.flatMap((f) => (tier === 'none' ? f.sources : f.urgencySources)))
    const sign = (f: RedFlag): Pdf =>
      ({ ul: [{ text: printable(f.patientText) }], markerColor: colors.warn }) as Pdf
    const lead: Pdf = {
      text: [{ text: `${TIER_LEADS[tier]}:`, bold: true, color: colors.warn }, ...ctx.cite.mark(sources)],
      margin: [0, gi ? t.gap * 0.5 : 0, 0, 1],
    } as Pdf
    return flags.map((f, i) => (i === 0 ? ({ stack: [lead, sign(f)] } as Pdf) : sign(f)))
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
