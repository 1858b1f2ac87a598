/**
 * The part of the reference content a handout was built from. Stored with the handout on the
 * visit, it lets Reissue rebuild the very same PDF months later, after the reference has moved on.
 * Only what the builder reads is kept, so a stored handout stays small.
 */
import type { Content } from '../reference/schema'
import type { HandoutSpec } from './spec'

/** The topic the handout opens with, whatever sections are chosen. */
const INTRO_TOPIC = 'what-is-a-cramp'

export function contentSnapshot(spec: HandoutSpec, content: Content): Content {
  const sections = new Set<string>(spec.sections)
  const causes = new Set<string>([...spec.causes, ...spec.sections])
  return {
    meta: content.meta,
    finder: content.finder,
    redFlags: content.redFlags,
    causes: content.causes.filter((c) => causes.has(c.id)),
    topics: content.topics.filter((t) => t.id === INTRO_TOPIC || sections.has(t.id)),
    drugs: sections.has('medicines') ? content.drugs : [],
  }
}
