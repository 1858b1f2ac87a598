/**
 * Feet at risk: which self-care advice a handout must leave out, or print as "ask your podiatrist
 * first", for a patient whose foot is at risk (diabetes, nerve damage, poor circulation), and the
 * foot-care advice to print near the top instead. Pure: the plan comes from the handout's causes,
 * the visit's findings, the patient's alerts and the clinician's own mark, and the declarations
 * in the content (safety.yaml and the `safety:` / `hazards:` marks on self-care items).
 */
import { z } from 'zod'
import type { Cause, Content, Exercise, Hazard, Section, SourceId, Topic } from '../reference/schema'

/** What the handout knows about the patient's feet; stored in the spec, so a reissue agrees. */
export const FootRiskSchema = z
  .object({
    /** The clinician marked the feet at risk: on the patient's record, or in the editor. */
    marked: z.boolean().default(false),
    /** Cause-finder findings recorded on the visit. */
    findings: z.array(z.string().min(1).max(200)).max(500).default([]),
    /** Words in the patient's alerts that mark a foot at risk (see alertMatches). */
    alerts: z.array(z.string().min(1).max(200)).max(50).default([]),
    /**
     * Causes recorded on the visit: they still mark the foot at risk when the clinician leaves
     * them off this handout (diabetes on the visit, a template about night cramps).
     */
    visitCauses: z.array(z.string().min(1).max(200)).max(100).default([]),
  })
  .strict()
export type FootRisk = z.output<typeof FootRiskSchema>
export const NO_FOOT_RISK: FootRisk = { marked: false, findings: [], alerts: [], visitCauses: [] }

export interface SafetyInput {
  causes: readonly string[]
  footRisk?: Partial<FootRisk>
}

/** Why the foot counts as at risk, in words for the clinician. */
export interface RiskReason {
  kind: 'marked' | 'cause' | 'finding' | 'alert'
  ref: string
  label: string
}

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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The at-risk words (safety.yaml alertWords) found in a patient's alerts, as listed there. */
export function alertMatches(alerts: string, content: Content): string[] {
  const words = content.safety?.atRisk.alertWords ?? []
  return words.filter((w) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escape(w)}($|[^\\p{L}\\p{N}])`, 'iu').test(alerts),
  )
}

export function footRiskReasons(input: SafetyInput, content: Content): RiskReason[] {
  const s = content.safety
  if (!s) return input.footRisk?.marked ? [markedReason] : []
  const risk = { ...NO_FOOT_RISK, ...input.footRisk }
  const reasons: RiskReason[] = []
  if (risk.marked) reasons.push(markedReason)
  const causeName = (id: string): string => content.causes.find((c) => c.id === id)?.name ?? id
  for (const id of input.causes)
    if (s.atRisk.causes.includes(id))
      reasons.push({ kind: 'cause', ref: id, label: `${causeName(id)} is among the causes on this handout` })
  for (const id of risk.visitCauses)
    if (s.atRisk.causes.includes(id) && !input.causes.includes(id))
      reasons.push({
        kind: 'cause',
        ref: id,
        label: `The visit records ${causeName(id)} (not on this handout)`,
      })
  const findings = new Map(
    content.finder.groups.flatMap((g) => g.findings.map((f) => [f.id, f.label] as const)),
  )
  for (const id of risk.findings)
    if (s.atRisk.findings.includes(id))
      reasons.push({
        kind: 'finding',
        ref: id,
        label: `The visit's cause finder has “${findings.get(id) ?? id}”`,
      })
  for (const word of risk.alerts)
    reasons.push({ kind: 'alert', ref: word, label: `The patient's alerts mention “${word}”` })
  return reasons
}

const markedReason: RiskReason = {
  kind: 'marked',
  ref: 'marked',
  label: 'The feet are marked at risk on the patient’s record or in this handout',
}

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

const sameItem = (a: ItemRef, b: ItemRef): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * A section with its points left out or marked, by point number (1 = first). A section left with
 * nothing to say tells the patient whom to ask instead, so no heading stands empty.
 */
function reviseSection<S extends Section>(
  s: S,
  changes: SafetyChange[],
  pointOf: (r: ItemRef) => number | undefined,
): S | undefined {
  const whole = changes.find((c) => pointOf(c.item) === undefined)
  if (whole?.action === 'omit') return undefined
  let points = s.points?.map((p, i) => {
    const c = changes.find((x) => pointOf(x.item) === i + 1)
    if (!c) return p
    return c.action === 'omit' ? undefined : `${ASK_FIRST} ${p}`
  })
  points = points?.filter((p) => p !== undefined)
  let text = s.text
  if (whole?.action === 'ask-first') {
    if (text) text = `${ASK_FIRST} ${text}`
    else if (points?.length) points = [ASK_FIRST, ...points]
  }
  const next = { ...s, ...(text ? { text } : {}), points: points?.length ? (points as string[]) : undefined }
  if (!next.text && !next.points) return undefined
  return next
}

function pointFor(kind: ItemRef['kind'], id: string, section: string | number) {
  return (r: ItemRef): number | undefined => {
    if (r.kind !== kind) return undefined
    if (r.kind === 'topic-section' && r.topicId === id && r.section === section) return r.point
    if (r.kind === 'cause-section' && r.causeId === id && r.section === section) return r.point
    return undefined
  }
}

function reviseTopic(t: Topic, changes: SafetyChange[]): Topic {
  const mine = changes.filter(
    (c) => c.item.kind !== 'cause-section' && 'topicId' in c.item && c.item.topicId === t.id,
  )
  if (!mine.length) return t
  const sections = t.sections
    .map((s, i) => {
      const here = mine.filter((c) => c.item.kind === 'topic-section' && c.item.section === i)
      return here.length ? reviseSection(s, here, pointFor('topic-section', t.id, i)) : s
    })
    .filter((s): s is Topic['sections'][number] => s !== undefined)
  const exercises = t.exercises
    ?.map((e): Exercise | undefined => {
      const c = mine.find((x) => sameItem(x.item, { kind: 'exercise', topicId: t.id, exerciseId: e.id }))
      if (!c) return e
      if (c.action === 'omit') return undefined
      return { ...e, steps: [`${ASK_FIRST} Ask if this is safe for your feet before you start.`, ...e.steps] }
    })
    .filter((e): e is Exercise => e !== undefined)
  return {
    ...t,
    // A topic is never left without a section: the schema and the builder expect one.
    sections: sections.length
      ? sections
      : [{ text: `${ASK_FIRST} Ask what is safe for your feet.`, sources: t.sections[0]!.sources }],
    ...(exercises ? { exercises } : {}),
  }
}

function reviseCause(c: Cause, changes: SafetyChange[]): Cause {
  const mine = changes.filter((x) => x.item.kind === 'cause-section' && x.item.causeId === c.id)
  if (!mine.length) return c
  const sections = { ...c.sections }
  for (const key of ['selfCare', 'prevention'] as const) {
    const s = sections[key]
    const here = mine.filter((x) => x.item.kind === 'cause-section' && x.item.section === key)
    if (!s || !here.length) continue
    const next = reviseSection(s, here, pointFor('cause-section', c.id, key))
    if (key === 'selfCare')
      sections.selfCare = next ?? {
        points: ['Ask your podiatrist what is safe for your feet.'],
        sources: s.sources,
      }
    else sections.prevention = next
  }
  return { ...c, sections }
}

/** The content as a handout for this patient should print it: the plan's changes applied. */
export function applySafety(content: Content, plan: SafetyPlan): Content {
  if (!plan.atRisk || !plan.changes.length) return content
  return {
    ...content,
    topics: content.topics.map((t) => reviseTopic(t, plan.changes)),
    causes: content.causes.map((c) => reviseCause(c, plan.changes)),
  }
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
