/**
 * The shape of the clinical reference content (resources/content/**.yaml).
 *
 * This file is the contract between the content editors and the app: the build, the tests,
 * the search index, the cause finder and the handout builder all read content through it.
 * Pure TypeScript + zod: no Vue, no DOM, no Node, so it runs everywhere.
 */
import { z } from 'zod'
import { nonEmpty, ReviewSchema, slug, SourceIdSchema, type SourceId } from './schema-base'
import { MetaSchema, type Meta } from './schema-meta'
import { SafetyMarkSchema, SafetySchema, type Safety } from './schema-safety'
import { FinderSchema, RedFlagSchema, type Finder, type RedFlag } from './schema-finder'
import { DrugSchema, type Drug } from './schema-drugs'

export * from './schema-base'
export * from './schema-meta'
export * from './schema-safety'
export * from './schema-finder'
export * from './schema-drugs'

const SectionFields = {
  text: nonEmpty.optional(),
  points: z.array(nonEmpty).min(1).optional(),
  sources: z.array(SourceIdSchema).min(1, 'every section must name at least one source'),
  safety: z.array(SafetyMarkSchema).optional(),
}
const hasBody = (s: { text?: string; points?: string[] }): boolean =>
  s.text !== undefined || s.points !== undefined
const needsBody = { message: 'a section needs text or points' }

/** A block of text with the sources it rests on. At least one of text or points. */
export const SectionSchema = z.object(SectionFields).strict().refine(hasBody, needsBody)
export type Section = z.infer<typeof SectionSchema>

export const CategorySchema = z.enum([
  'lifestyle', // fluids, fatigue, exercise, footwear, posture, cold, alcohol/smoking
  'minerals-vitamins', // electrolytes and vitamins
  'circulation', // PAD, claudication
  'nerves', // neuropathy, tarsal tunnel, radiculopathy, MND
  'medicines',
  'life-stage', // pregnancy, ageing
  'body-mechanics', // muscle imbalance, gait, injury
  'medical-conditions', // anaemia, thyroid, diabetes
])
export type Category = z.infer<typeof CategorySchema>

export const CATEGORY_LABELS: Record<Category, string> = {
  lifestyle: 'Lifestyle and activity',
  'minerals-vitamins': 'Minerals and vitamins',
  circulation: 'Circulation',
  nerves: 'Nerves',
  medicines: 'Medicines',
  'life-stage': 'Life stage',
  'body-mechanics': 'Body mechanics and injury',
  'medical-conditions': 'Medical conditions',
}

/** The named parts of a cause page, in display order. */
export const CAUSE_SECTION_KEYS = [
  'why',
  'guideline',
  'presentation',
  'questions',
  'checks',
  'clinic',
  'selfCare',
  'prevention',
  'referral',
] as const
export type CauseSectionKey = (typeof CAUSE_SECTION_KEYS)[number]

export const CAUSE_SECTION_LABELS: Record<CauseSectionKey, string> = {
  why: 'Why it causes cramps',
  guideline: 'What the guidelines say',
  presentation: 'How it presents',
  questions: 'Questions to ask',
  checks: 'What to check',
  clinic: 'What helps: in clinic',
  selfCare: 'What helps: for the patient',
  prevention: 'Prevention',
  referral: 'When to refer, and to whom',
}

/** Sections written for the patient: plain words, about school grade 7 or below. */
export const PATIENT_FACING_SECTIONS: readonly CauseSectionKey[] = ['selfCare', 'prevention']

const weight = z.number().int().min(1).max(5)
/**
 * One finder weight. Handouts stored before weights were sourced kept a bare number; it still
 * reads, as a weight with no sources (the content tests refuse that in the content files).
 */
export const FinderWeightSchema = z.union([
  weight.transform((w) => ({ weight: w, sources: [] as SourceId[], why: undefined as string | undefined })),
  z
    .object({
      weight,
      /** Clinician words: why this finding points to this cause. */
      why: nonEmpty.optional(),
      sources: z.array(SourceIdSchema),
    })
    .strict(),
])
export type FinderWeight = z.output<typeof FinderWeightSchema>

export const CauseSchema = z
  .object({
    id: slug,
    name: nonEmpty,
    /** Other names for the same thing (shown as "Also called"). */
    aliases: z.array(nonEmpty).default([]),
    /** Search only: lay words and related terms that should find this entry; never shown as names. */
    keywords: z.array(nonEmpty).default([]),
    category: CategorySchema,
    /** One line for lists and search results (clinician-facing). */
    summary: nonEmpty,
    /** One or two plain sentences for the handout: what this is, grade 7 or below. */
    patientSummary: nonEmpty,
    sections: z
      .object({
        why: SectionSchema,
        /**
         * The guideline view, kept apart so a reader sees which is the guideline where it and a
         * web article differ (electrolytes, magnesium, stretching). Guideline sources only.
         */
        guideline: SectionSchema.optional(),
        presentation: SectionSchema,
        questions: SectionSchema.optional(),
        checks: SectionSchema.optional(),
        clinic: SectionSchema.optional(),
        selfCare: SectionSchema,
        prevention: SectionSchema.optional(),
        referral: SectionSchema.extend({ to: nonEmpty.optional() }).strict().optional(),
      })
      .strict(),
    /**
     * Cause-finder weights: finding id (from finder.yaml) -> weight 1..5, why, and the sources
     * that support reading the finding as pointing to this cause.
     */
    finder: z.record(z.string(), FinderWeightSchema).default({}),
    /** Related cause or topic ids, shown as links. */
    related: z.array(slug).default([]),
    /** Absent only in handouts stored before entries carried their own review. */
    reviewed: ReviewSchema.optional(),
  })
  .strict()
export type Cause = z.infer<typeof CauseSchema>

const count = z.number().positive()
export const DoseSchema = z
  .object({
    sets: count.optional(),
    reps: count.optional(),
    holdSeconds: count.optional(),
    timesPerDay: count.optional(),
    minutesPerDay: count.optional(),
    sources: z.array(SourceIdSchema).min(1, 'a dose must name the source that gives its figures'),
  })
  .strict()
export type Dose = z.infer<typeof DoseSchema>

/** A drawing id refers to a vector drawing bundled with the app (handouts/drawings). */
export const ExerciseSchema = z
  .object({
    id: slug,
    name: nonEmpty,
    /** Plain steps for the patient. */
    steps: z.array(nonEmpty).min(1),
    /** Clear counts, for example "10 times, 3 times a day". */
    counts: nonEmpty,
    drawing: slug,
    sources: z.array(SourceIdSchema).min(1),
    /**
     * A dose only where a source gives a figure (the NHS calf stretch); the clinician sets the
     * rest. `sources` name where the figures come from.
     */
    dose: DoseSchema.optional(),
    /** Hazards for a foot at risk (safety.yaml), e.g. barefoot walking. */
    hazards: z.array(slug).optional(),
  })
  .strict()
export type Exercise = z.infer<typeof ExerciseSchema>

export const TopicSchema = z
  .object({
    id: slug,
    title: nonEmpty,
    aliases: z.array(nonEmpty).default([]),
    /** One line for lists and search results. */
    summary: nonEmpty,
    /**
     * Who the topic is written for. A patient topic is plain words throughout (grade 7 or below)
     * and can go on a handout; a clinician topic (quinine, tests) never does.
     */
    audience: z.enum(['patient', 'clinician']).default('patient'),
    /** Patient topics: plain words throughout, grade 7 or below. */
    sections: z
      .array(
        z
          .object({ heading: nonEmpty.optional(), ...SectionFields })
          .strict()
          .refine(hasBody, needsBody),
      )
      .min(1),
    exercises: z.array(ExerciseSchema).optional(),
    /** Absent only in handouts stored before entries carried their own review. */
    reviewed: ReviewSchema.optional(),
  })
  .strict()
export type Topic = z.infer<typeof TopicSchema>

/** Topic ids the app relies on by name (handout sections, the "When to seek help" button). */
export const REQUIRED_TOPIC_IDS = [
  'what-is-a-cramp',
  'during-a-cramp',
  'hydration',
  'footwear',
  'diet',
  'exercises',
  'night-cramps',
  'when-to-seek-help',
  'feet-at-risk',
] as const

/** Everything, after loading and cross-checking. */
export interface Content {
  meta: Meta
  causes: Cause[]
  topics: Topic[]
  redFlags: RedFlag[]
  finder: Finder
  drugs: Drug[]
  /** Absent only in handouts stored before feet at risk were handled. */
  safety?: Safety
}

/** A whole or partial Content as data (a handout keeps the part it was made from). */
export const ContentSchema = z
  .object({
    meta: MetaSchema,
    causes: z.array(CauseSchema),
    topics: z.array(TopicSchema),
    redFlags: z.array(RedFlagSchema),
    finder: FinderSchema,
    drugs: z.array(DrugSchema),
    safety: SafetySchema.optional(),
  })
  .strict()
