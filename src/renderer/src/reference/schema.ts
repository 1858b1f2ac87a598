/**
 * The shape of the clinical reference content (resources/content/**.yaml).
 *
 * This file is the contract between the content editors and the app: the build, the tests,
 * the search index, the cause finder and the handout builder all read content through it.
 * Pure TypeScript + zod: no Vue, no DOM, no Node, so it runs everywhere.
 */
import { z } from 'zod'

/** Short ids for the four source articles; resolved to files in content.yaml. */
export const SourceIdSchema = z.enum(['src000', 'src001', 'src002', 'src003'])
export type SourceId = z.infer<typeof SourceIdSchema>

const nonEmpty = z.string().trim().min(1, 'must not be empty')
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case-slug')

/** A block of text with the sources it rests on. At least one of text or points. */
export const SectionSchema = z
  .object({
    text: nonEmpty.optional(),
    points: z.array(nonEmpty).min(1).optional(),
    sources: z.array(SourceIdSchema).min(1, 'every section must name at least one source'),
  })
  .strict()
  .refine((s) => s.text !== undefined || s.points !== undefined, {
    message: 'a section needs text or points',
  })
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
     * Cause-finder weights: finding id (from finder.yaml) -> weight 1..5.
     * Higher means the finding points more strongly to this cause.
     */
    finder: z.record(z.string(), z.number().int().min(1).max(5)).default({}),
    /** Related cause or topic ids, shown as links. */
    related: z.array(slug).default([]),
  })
  .strict()
export type Cause = z.infer<typeof CauseSchema>

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
    /** Topic text is patient-facing throughout: plain words, grade 7 or below. */
    sections: z.array(SectionSchema.safeExtend({ heading: nonEmpty.optional() })).min(1),
    exercises: z.array(ExerciseSchema).optional(),
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
] as const

export const RedFlagSchema = z
  .object({
    id: slug,
    /** Clinician wording. */
    text: nonEmpty,
    /** Patient wording for the handout. */
    patientText: nonEmpty,
    /** What to do about it: referral advice shown in the red-flag banner. */
    action: nonEmpty,
    sources: z.array(SourceIdSchema).min(1),
  })
  .strict()
export type RedFlag = z.infer<typeof RedFlagSchema>

export const FindingSchema = z
  .object({
    id: slug,
    label: nonEmpty,
    /** Extra words that help a clinician recognise the finding. */
    hint: nonEmpty.optional(),
    /** Ticking it raises the red-flag banner with these red flags. */
    redFlags: z.array(slug).optional(),
  })
  .strict()
export type Finding = z.infer<typeof FindingSchema>

export const FinderSchema = z
  .object({
    groups: z
      .array(z.object({ id: slug, label: nonEmpty, findings: z.array(FindingSchema).min(1) }).strict())
      .min(1),
    /** Weight added to a cause (by id) for each medicine matched by the medication check. */
    medicineCause: slug,
  })
  .strict()
export type Finder = z.infer<typeof FinderSchema>

/**
 * The drug-name table. Entries with `named: true` are drugs or classes the sources name;
 * the rest are lookup only (brand names, other members of a named class): they map a name the
 * clinician types onto what the sources say, and add no clinical claim of their own.
 */
export const DrugSchema = z
  .object({
    id: slug,
    /** Generic name, or class name for a class entry. */
    name: nonEmpty,
    kind: z.enum(['drug', 'class']),
    /** Class ids this drug belongs to. */
    classes: z.array(slug).default([]),
    brands: z.array(nonEmpty).default([]),
    aliases: z.array(nonEmpty).default([]),
    named: z.boolean(),
    /** What the sources say (for named entries), in our words. Lookup entries inherit from their class. */
    note: nonEmpty.optional(),
    sources: z.array(SourceIdSchema).default([]),
    /** Cause ids this medicine links to (always includes the medicines cause). */
    causes: z.array(slug).default([]),
    /** True for a medicine the sources mention as a possible help rather than a cause. */
    mayHelp: z.boolean().default(false),
    /**
     * False where what the sources say of the class does not fit this member (a potassium-sparing
     * diuretic does not drain potassium): its class's cause links are then not applied to it.
     */
    classCauses: z.boolean().default(true),
  })
  .strict()
  .refine((d) => !d.named || (d.note !== undefined && d.sources.length > 0), {
    message: 'a named drug needs a note and its sources',
  })
export type Drug = z.infer<typeof DrugSchema>

export const SourceInfoSchema = z
  .object({
    id: SourceIdSchema,
    file: nonEmpty,
    title: nonEmpty,
    publisher: nonEmpty,
    date: nonEmpty,
  })
  .strict()
export type SourceInfo = z.infer<typeof SourceInfoSchema>

export const MetaSchema = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.1'),
    lastReviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-21'),
    disclaimer: nonEmpty,
    sources: z.array(SourceInfoSchema).length(4),
  })
  .strict()
export type Meta = z.infer<typeof MetaSchema>

/** Everything, after loading and cross-checking. */
export interface Content {
  meta: Meta
  causes: Cause[]
  topics: Topic[]
  redFlags: RedFlag[]
  finder: Finder
  drugs: Drug[]
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
  })
  .strict()
