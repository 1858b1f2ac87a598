/**
 * How much of an exercise to do: the line printed under it on the handout. The clinician sets it
 * per exercise; it starts from the figures a source gives (content `dose`) and says "as shown in
 * clinic" where none does, never a vague "do a few".
 */
import { z } from 'zod'
import type { Exercise, SourceId } from '../reference/schema'

const whole = (max: number) => z.number().int().min(1).max(max)

export const ExerciseDoseSchema = z
  .object({
    sets: whole(20).optional(),
    reps: whole(200).optional(),
    holdSeconds: whole(600).optional(),
    timesPerDay: whole(24).optional(),
    minutesPerDay: whole(600).optional(),
  })
  .strict()
export type ExerciseDose = z.infer<typeof ExerciseDoseSchema>

export const DOSE_FIELDS = ['sets', 'reps', 'holdSeconds', 'timesPerDay', 'minutesPerDay'] as const
export type DoseField = (typeof DOSE_FIELDS)[number]

export const DOSE_LABELS: Record<DoseField, string> = {
  sets: 'Sets',
  reps: 'Reps',
  holdSeconds: 'Hold (secs)',
  timesPerDay: 'Times a day',
  minutesPerDay: 'Minutes a day',
}

/** One exercise chosen for the handout and how much of it to do. */
export const ExerciseChoiceSchema = z
  .object({
    id: z.string().min(1),
    dose: ExerciseDoseSchema.default({}),
  })
  .strict()
export type ExerciseChoice = z.output<typeof ExerciseChoiceSchema>

export const AS_SHOWN = 'As shown in clinic'

const times = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`)
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** "2 sets of 10, hold 5 seconds, 3 times a day"; "As shown in clinic" when nothing is set. */
export function doseLine(d: ExerciseDose): string {
  const parts: string[] = []
  if (d.sets && d.reps) parts.push(`${plural(d.sets, 'set')} of ${d.reps}`)
  else if (d.sets) parts.push(plural(d.sets, 'set'))
  else if (d.reps) parts.push(`${d.reps} ${d.reps === 1 ? 'time' : 'times'}`)
  if (d.holdSeconds) parts.push(`hold ${plural(d.holdSeconds, 'second')}`)
  if (d.timesPerDay) parts.push(`${times(d.timesPerDay)} a day`)
  // With a number of times, the minutes are the day's total.
  if (d.minutesPerDay)
    parts.push(`${plural(d.minutesPerDay, 'minute')} a day${d.timesPerDay ? ' in all' : ''}`)
  if (!parts.length) return AS_SHOWN
  const line = parts.join(', ')
  return line.charAt(0).toUpperCase() + line.slice(1)
}

/** The content's own figures for an exercise, where a source gives them. */
export function contentDose(ex: Exercise): ExerciseDose {
  const d = ex.dose
  const out: ExerciseDose = {}
  if (!d) return out
  for (const f of DOSE_FIELDS) {
    const v = d[f]
    // Only whole figures carry over; the clinician can type any other.
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) out[f] = v
  }
  return out
}

/** The sources of the content's figures, when the dose printed is exactly the content's. */
export function doseSources(ex: Exercise, dose: ExerciseDose): SourceId[] {
  const d = ex.dose
  if (!d?.sources.length) return []
  const own = contentDose(ex)
  const same = DOSE_FIELDS.every((f) => own[f] === dose[f])
  return same && Object.keys(own).length ? d.sources : []
}

export function sameDose(a: ExerciseDose, b: ExerciseDose): boolean {
  return DOSE_FIELDS.every((f) => a[f] === b[f])
}

/**
 * The exercises a new handout starts with: those a source gives figures for, at those figures.
 * The clinician adds others (with their own dose) in the editor.
 */
export function defaultExercises(exercises: readonly Exercise[]): ExerciseChoice[] {
  return exercises
    .filter((e) => Object.keys(contentDose(e)).length > 0)
    .map((e) => ({ id: e.id, dose: contentDose(e) }))
}
