/**
 * A safety plan (safety.ts) applied to the content: the self-care items it leaves out are gone,
 * those it marks start with ASK_FIRST, and no heading is left standing empty. Pure.
 */
import type { Cause, Content, Exercise, Section, Topic } from '../reference/schema'
import { ASK_FIRST, type ItemRef, type SafetyChange, type SafetyPlan } from './safety'

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
