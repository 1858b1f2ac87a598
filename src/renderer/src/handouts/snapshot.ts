/**
 * The part of the reference content a handout was built from. Stored with the handout on the
 * visit, it lets Reissue rebuild the very same PDF months later, after the reference has moved on.
 * Only what the builder reads is kept, so a stored handout stays small.
 */
import type { Content } from '../reference/schema'
import type { HandoutSpec } from './spec'

/** The topic the handout opens with, whatever sections are chosen. */
const INTRO_TOPIC = 'what-is-a-cramp'

/** Every source id cited anywhere in `value` (under `sources` or `urgencySources`). */
function cited(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) cited(v, out)
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'sources' || k === 'urgencySources') && Array.isArray(v))
        for (const s of v) if (typeof s === 'string') out.add(s)
      cited(v, out)
    }
  return out
}

export function contentSnapshot(spec: HandoutSpec, content: Content): Content {
  const sections = new Set<string>(spec.sections)
  const causes = new Set<string>([...spec.causes, ...spec.sections])
  // The feet-at-risk rules and their foot-care topic: a handout for a foot at risk depends on them.
  const footCare = content.safety?.footCareTopic
  const kept = {
    finder: content.finder,
    // The help box on page 1 is built from the red flags and their urgency.
    redFlags: content.redFlags,
    causes: content.causes.filter((c) => causes.has(c.id)),
    topics: content.topics.filter((t) => t.id === INTRO_TOPIC || t.id === footCare || sections.has(t.id)),
    drugs: sections.has('medicines') ? content.drugs : [],
    ...(content.safety ? { safety: content.safety } : {}),
  }
  const used = cited(kept)
  return {
    // What changed between versions is for the app's screen; only the sources cited are kept.
    meta: { ...content.meta, changes: [], sources: content.meta.sources.filter((s) => used.has(s.id)) },
    ...kept,
  }
}
