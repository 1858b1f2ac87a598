/**
 * Exercises as a compact grid: each with its drawing, name, steps and the dose line the clinician
 * set ("2 sets of 10, twice a day", or "As shown in clinic" where nothing is set).
 */
import type { Content as Pdf } from 'pdfmake/interfaces'
import type { Exercise, SourceId, Topic } from '../../reference/schema'
import { defaultExercises, doseLine, doseSources, type ExerciseDose } from '../dose'
import { printable } from '../glyphs'
import { HandoutError } from '../spec'
import type { Ctx } from './context'
import { heading, leadBlock } from './page-one'

export interface ChosenExercise {
  exercise: Exercise
  dose: ExerciseDose
}

/** The spec's exercises in the content's order; absent, the ones a new handout starts with. */
export function chosenExercises(topic: Topic, ctx: Ctx): ChosenExercise[] {
  const all = topic.exercises ?? []
  const chosen = ctx.spec.exercises ?? defaultExercises(all)
  // An exercise left out for a foot at risk is not in `all` any more: skipped, not unknown.
  const omitted = new Set(
    ctx.plan.changes.flatMap((c) =>
      c.item.kind === 'exercise' && c.action === 'omit' ? [c.item.exerciseId] : [],
    ),
  )
  chosen.forEach((c, i) => {
    if (!all.some((e) => e.id === c.id) && !omitted.has(c.id))
      throw new HandoutError(
        `Unknown exercise "${c.id}": it is not in the reference content.`,
        `exercises.${i}`,
      )
  })
  return all.flatMap((exercise) => {
    const c = chosen.find((x) => x.id === exercise.id)
    return c ? [{ exercise, dose: c.dose }] : []
  })
}

function card({ exercise: ex, dose }: ChosenExercise, ctx: Ctx): Pdf {
  const { t, colors } = ctx
  const drawing = ctx.drawings[ex.drawing]
  if (!drawing)
    throw new HandoutError(
      `The exercise "${ex.name}" needs the drawing "${ex.drawing}", which the app does not have.`,
    )
  const sources = new Set<SourceId>([...ex.sources, ...doseSources(ex, dose)])
  return {
    columns: [
      { svg: drawing, width: t.drawingWidth, margin: [0, 2, 0, 0] },
      {
        width: '*',
        stack: [
          {
            text: [{ text: printable(ex.name), bold: true }, ...ctx.cite.mark(sources)],
            margin: [0, 0, 0, 2],
          },
          {
            ol: ex.steps.map((s) => ({ text: printable(s), margin: [0, 0, 0, 1] })),
            markerColor: colors.accent,
          },
          {
            text: [
              { text: 'How much: ', bold: true, color: colors.accent },
              { text: doseLine(dose), bold: true },
            ],
            margin: [0, t.gap * 0.4, 0, 0],
          },
        ],
      },
    ],
    columnGap: t.gap * 1.6,
  } as Pdf
}

/**
 * Intro paragraphs of the exercises topic the two-page handout prints only for some causes (none
 * listed: never). The builder picks whole paragraphs and never rewrites them; a paragraph not named
 * here is printed, so a new or renamed one costs length, never a patient's advice.
 * - "How good is the proof?" grades the evidence for the clinician; the sources are listed anyway.
 * - "If cramps do not get better" only points to "When to get help", which page 1 always carries.
 * - "For poor blood flow in the legs" is for patients whose doctor found poor blood flow.
 */
export const INTRO_ONLY_FOR: Readonly<Record<string, readonly string[]>> = {
  'How good is the proof?': [],
  'If cramps do not get better': [],
  'For poor blood flow in the legs': ['peripheral-artery-disease'],
}

/** The intro paragraphs this handout prints, in the content's order. */
export function introSections(topic: Topic, ctx: Ctx): Topic['sections'] {
  return topic.sections.filter((s) => {
    const only = s.heading ? INTRO_ONLY_FOR[s.heading.trim()] : undefined
    return !only || only.some((id) => ctx.spec.causes.includes(id))
  })
}

/** Characters a card prints: its name, steps and dose line. */
function cardChars({ exercise, dose }: ChosenExercise): number {
  return [exercise.name, ...exercise.steps, doseLine(dose)].reduce((a, s) => a + s.length + 12, 0)
}

/**
 * Two cards side by side share the row by how much text each holds (within 40 to 60%): a long
 * card no longer runs many lines below a short one, and the row is as short as it can be. Only
 * for a grid of one row: rows of different splits would leave the grid ragged.
 */
export function cardWidths(row: readonly ChosenExercise[], rows: number): (string | number)[] {
  if (row.length !== 2 || rows > 1) return row.map(() => '*')
  const [a, b] = row.map(cardChars) as [number, number]
  const share = Math.min(60, Math.max(40, Math.round((100 * a) / (a + b))))
  return [`${share}%`, '*']
}

export function exercisesSection(ctx: Ctx): Pdf[] {
  const topic = ctx.content.topics.find((x) => x.id === 'exercises')
  if (!topic) throw new HandoutError('The reference content has no exercises topic.', 'sections')
  const chosen = chosenExercises(topic, ctx)
  const { t, colors } = ctx
  const perRow = ctx.spec.options.largePrint ? 1 : 2
  const rows: Pdf[] = []
  for (let i = 0; i < chosen.length; i += perRow) {
    // A card alone in its row takes the whole width: its steps wrap less.
    const row = chosen.slice(i, i + perRow)
    const cells = row.map((c) => card(c, ctx))
    rows.push({
      table: { widths: cardWidths(row, Math.ceil(chosen.length / perRow)), body: [cells] },
      layout: {
        hLineWidth: (j: number) => (j === 1 ? 0.6 : 0),
        vLineWidth: () => 0,
        hLineColor: () => colors.rule,
        paddingLeft: (j: number) => (j === 0 ? 0 : t.gap * 1.6),
        paddingRight: () => 0,
        paddingTop: () => t.gap * 0.8,
        paddingBottom: () => t.gap * 0.8,
      },
      unbreakable: true,
    } as Pdf)
  }
  return [
    heading(topic.title, 'section-exercises', ctx),
    ...introSections(topic, ctx).flatMap((s) => leadBlock(s, ctx)),
    ...rows,
  ]
}
