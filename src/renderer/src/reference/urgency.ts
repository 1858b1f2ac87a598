/**
 * Urgency tiers of the red flags, in words for the clinician and for the patient, and their
 * order. A flag without a tier is "see a doctor": its sources say to see one but not how soon.
 */
import type { RedFlag, Urgency } from './schema'

export type Tier = Urgency | 'unspecified'

/** Most urgent first. */
export const TIERS: readonly Tier[] = ['now', 'soon', 'routine', 'unspecified']

/**
 * `label` and `action` are the clinician's words; `heading` is the patient's, and is the heading
 * of that tier's list in the "When to get help" topic (a content test holds the two together).
 */
export const TIER_WORDS: Record<Tier, { label: string; action: string; heading: string }> = {
  now: {
    label: 'Now',
    action: 'Act the same day; emergency services if the usual team cannot be reached.',
    heading: 'Get help today',
  },
  soon: {
    label: 'Soon',
    action: 'Arrange to be seen within days.',
    heading: 'See your doctor within a few days',
  },
  routine: {
    label: 'Routine',
    action: 'Book a GP appointment.',
    heading: 'Book a visit with your GP',
  },
  unspecified: {
    label: 'See a doctor',
    action: 'See a doctor; the sources give no urgency.',
    heading: 'Talk to your doctor or podiatrist',
  },
}

export function tierOf(flag: Pick<RedFlag, 'urgency'>): Tier {
  return flag.urgency ?? 'unspecified'
}

export function tierRank(t: Tier): number {
  return TIERS.indexOf(t)
}

/** The most urgent tier among the flags (unspecified when there are none). */
export function highestTier(flags: readonly Pick<RedFlag, 'urgency'>[]): Tier {
  return flags.map(tierOf).sort((a, b) => tierRank(a) - tierRank(b))[0] ?? 'unspecified'
}

/** The flags grouped by tier, most urgent first, empty tiers left out. */
export function byTier<T extends Pick<RedFlag, 'urgency'>>(
  flags: readonly T[],
): { tier: Tier; flags: T[] }[] {
  return TIERS.map((tier) => ({ tier, flags: flags.filter((f) => tierOf(f) === tier) })).filter(
    (g) => g.flags.length > 0,
  )
}
