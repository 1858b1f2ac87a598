/**
 * The editor's exercise list: every exercise of the reference, ticked or not, with its dose as
 * typed. Kept as typed (text) so a wrong figure stays on screen with a message, never lost.
 */
import type { Content } from '@renderer/reference/schema'
import {
  contentDose,
  defaultExercises,
  DOSE_FIELDS,
  DOSE_LABELS,
  ExerciseDoseSchema,
  type DoseField,
  type ExerciseChoice,
  type ExerciseDose,
} from '@renderer/handouts/dose'

export interface ExerciseRow {
  id: string
  name: string
  on: boolean
  dose: Record<DoseField, string>
  /** The figures a source gives, shown as the starting point. */
  sourced: ExerciseDose
}

const asText = (d: ExerciseDose): Record<DoseField, string> =>
  Object.fromEntries(DOSE_FIELDS.map((f) => [f, d[f] === undefined ? '' : String(d[f])])) as Record<
    DoseField,
    string
  >

export function exerciseRows(content: Content, chosen?: readonly ExerciseChoice[]): ExerciseRow[] {
  const all = content.topics.find((t) => t.id === 'exercises')?.exercises ?? []
  const picked = chosen ?? defaultExercises(all)
  return all.map((e) => {
    const c = picked.find((x) => x.id === e.id)
    return {
      id: e.id,
      name: e.name,
      on: Boolean(c),
      dose: asText(c?.dose ?? contentDose(e)),
      sourced: contentDose(e),
    }
  })
}

const MAX: Record<DoseField, number> = {
  sets: 20,
  reps: 200,
  holdSeconds: 600,
  timesPerDay: 24,
  minutesPerDay: 600,
}

/** A message for a figure that cannot be printed as typed; '' when it is fine (or blank). */
export function doseProblem(field: DoseField, text: string): string {
  const t = text.trim()
  if (!t) return ''
  const n = Number(t)
  if (!/^\d+$/.test(t) || n < 1 || n > MAX[field])
    return `${DOSE_LABELS[field]}: a whole number from 1 to ${MAX[field]}, or leave it blank.`
  return ''
}

/** A row's dose as numbers; null while any figure has a problem. */
export function rowDose(r: ExerciseRow): ExerciseDose | null {
  const dose: ExerciseDose = {}
  for (const f of DOSE_FIELDS) {
    if (doseProblem(f, r.dose[f])) return null
    if (r.dose[f].trim()) dose[f] = Number(r.dose[f].trim())
  }
  return dose
}

/** The ticked exercises as spec choices, or the first problem, naming the exercise. */
export function readDoses(rows: readonly ExerciseRow[]): { choices: ExerciseChoice[] } | { error: string } {
  const choices: ExerciseChoice[] = []
  for (const r of rows) {
    if (!r.on) continue
    const dose = rowDose(r)
    if (!dose) {
      const problem = DOSE_FIELDS.map((f) => doseProblem(f, r.dose[f])).find(Boolean)
      return { error: `${r.name}: ${problem}` }
    }
    choices.push({ id: r.id, dose: ExerciseDoseSchema.parse(dose) })
  }
  return { choices }
}

/** Applies saved choices (a template) to the rows: ticks and doses, others unticked. */
export function applyChoices(rows: ExerciseRow[], chosen: readonly ExerciseChoice[]): void {
  for (const r of rows) {
    const c = chosen.find((x) => x.id === r.id)
    r.on = Boolean(c)
    if (c) r.dose = asText(c.dose)
  }
}
