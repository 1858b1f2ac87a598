/**
 * Feet at risk: which self-care advice a handout must leave out, or print as "ask your podiatrist
 * first", for a patient whose foot is at risk (footRisk.ts says whether it is), and the foot-care
 * advice to print near the top instead. Pure: the plan comes from the declarations in the
 * content (safety.yaml and the `safety:` / `hazards:` marks on self-care items); safetyApply.ts
 * applies it to the content a handout prints.
 */
import type { Content, Hazard, Section, SourceId, Topic } from '../reference/schema'
import { footRiskReasons, type RiskReason, type SafetyInput } from './footRisk'

/** Where a self-care item sits in the content. `point` counts from 1, as in the YAML. */
export type ItemRef =
  | { kind: 'topic-section'; topicId: string; section: number; point?: number }
  | { kind: 'cause-section'; causeId: string; section: 'selfCare' | 'prevention'; point?: number }
  | { kind: 'exercise'; topicId: string; exerciseId: string }

export interface SafetyChange {
  item: ItemRef
  /** Where it would have printed: "What to do during a cramp" or "Cold exposure". */
  where: string
  /** The advice itself, as the content words it (a heading, a point, an exercise name). */
  text: string
  /** omit: a guideline warns against it; ask-first: no source speaks to its safety. */
  action: 'omit' | 'ask-first'
  hazards: Hazard[]
}

export interface SafetyPlan {
  atRisk: boolean
  reasons: RiskReason[]
  changes: SafetyChange[]
  /** The foot-care topic to print near the top; undefined when not at risk. */
  footCare?: Topic
  /** The guideline sources behind the plan: what makes a foot at risk, and each warning. */
  sources: SourceId[]
}

/** The words that go before advice no source has checked for a foot at risk. */
export const ASK_FIRST = 'Ask your podiatrist first.'

interface Declared {
  item: ItemRef
  where: string
  text: string
  hazardIds: string[]
}

function sectionItems(
  s: Section & { heading?: string },
  where: string,
  at: (point?: number) => ItemRef,
): Declared[] {
  return (s.safety ?? []).map((mark) => ({
    item: at(mark.point),
    where,
    text: mark.point
      ? (s.points?.[mark.point - 1] ?? '')
      : (s.heading ?? s.text ?? s.points?.join(' ') ?? ''),
    hazardIds: mark.hazards,
  }))
}

/** Every self-care item in the content that declares a hazard. */
function declaredItems(content: Content): Declared[] {
  const out: Declared[] = []
  for (const t of content.topics) {
    t.sections.forEach((s, section) =>
      out.push(
        ...sectionItems(s, t.title, (point) => ({ kind: 'topic-section', topicId: t.id, section, point })),
      ),
    )
    for (const e of t.exercises ?? [])
      if (e.hazards?.length)
        out.push({
          item: { kind: 'exercise', topicId: t.id, exerciseId: e.id },
          where: t.title,
          text: e.name,
          hazardIds: e.hazards,
        })
  }
  for (const c of content.causes)
    for (const key of ['selfCare', 'prevention'] as const) {
      const s = c.sections[key]
      if (s)
        out.push(
          ...sectionItems(s, c.name, (point) => ({
            kind: 'cause-section',
            causeId: c.id,
            section: key,
            point,
          })),
        )
    }
  return out
}

export function planSafety(input: SafetyInput, content: Content): SafetyPlan {
  const reasons = footRiskReasons(input, content)
  const s = content.safety
  if (!reasons.length || !s) return { atRisk: reasons.length > 0, reasons, changes: [], sources: [] }
  const hazards = new Map(s.hazards.map((h) => [h.id, h]))
  const changes: SafetyChange[] = declaredItems(content).map((d) => {
    const hs = d.hazardIds.map((id) => hazards.get(id)).filter((h): h is Hazard => !!h)
    // One warned hazard is enough to leave the item out.
    const action = hs.some((h) => h.level === 'warned') ? 'omit' : 'ask-first'
    return { item: d.item, where: d.where, text: d.text, action, hazards: hs }
  })
  const sources = new Set<SourceId>(s.atRisk.sources)
  for (const c of changes) for (const h of c.hazards) h.sources.forEach((x) => sources.add(x))
  const footCare = content.topics.find((t) => t.id === s.footCareTopic)
  return { atRisk: true, reasons, changes, ...(footCare ? { footCare } : {}), sources: [...sources] }
}

/** The plan's changes to what this handout prints: its causes and its chosen sections. */
export function changesOnHandout(
  plan: SafetyPlan,
  causes: readonly string[],
  sections: readonly string[],
): SafetyChange[] {
  const printed = new Set([...causes, ...sections])
  return plan.changes.filter((c) =>
    c.item.kind === 'cause-section' ? printed.has(c.item.causeId) : printed.has(c.item.topicId),
  )
}

export interface HazardGroup {
  hazard: Hazard
  action: SafetyChange['action']
  changes: SafetyChange[]
}

/** Changes grouped by hazard, left out first: one reason shown once for all its items. */
export function byHazard(changes: readonly SafetyChange[]): HazardGroup[] {
  const groups = new Map<string, HazardGroup>()
  for (const c of changes) {
    // An item carrying several hazards is listed under the one that decided what happened to it.
    const hazard = c.hazards.find((h) => (c.action === 'omit' ? h.level === 'warned' : true)) ?? c.hazards[0]
    if (!hazard) continue
    const g = groups.get(hazard.id) ?? { hazard, action: c.action, changes: [] }
    g.changes.push(c)
    groups.set(hazard.id, g)
  }
  return [...groups.values()].sort((a, b) => Number(a.action !== 'omit') - Number(b.action !== 'omit'))
}
