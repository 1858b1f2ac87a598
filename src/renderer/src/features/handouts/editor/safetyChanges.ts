/**
 * What the feet-at-risk plan changes on this handout, for the editor to show: only the items the
 * handout would print (its sections, its causes in full, its chosen exercises).
 */
import type { SafetyChange, SafetyPlan } from '@renderer/handouts/safety'
import type { Draft } from '../useHandoutDraft'

export function changesOnHandout(plan: SafetyPlan, draft: Draft): SafetyChange[] {
  const sections = new Set<string>(draft.sections)
  const inFull = new Set([...draft.moreDetail.filter((c) => draft.causes.includes(c)), ...draft.sections])
  const exercises = new Set(draft.exercises.filter((e) => e.on).map((e) => e.id))
  return plan.changes.filter((c) => {
    const item = c.item
    if (item.kind === 'topic-section') return sections.has(item.topicId)
    if (item.kind === 'cause-section') return inFull.has(item.causeId)
    return sections.has('exercises') && exercises.has(item.exerciseId)
  })
}

/** The change the plan makes to one exercise, if any (for the exercise list). */
export function exerciseChange(plan: SafetyPlan, id: string): SafetyChange | undefined {
  return plan.changes.find((c) => c.item.kind === 'exercise' && c.item.exerciseId === id)
}
