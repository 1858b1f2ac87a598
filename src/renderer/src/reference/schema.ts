/**
 * The shape of the clinical reference content (resources/content/**.yaml).
 *
 * This file is the contract between the content editors and the app: the build, the tests,
 * the search index, the cause finder and the handout builder all read content through it.
 * Pure TypeScript + zod: no Vue, no DOM, no Node, so it runs everywhere.
 */
import { z } from 'zod'

/**
 * Short ids for the sources: `src000`..`src003` are the four web articles, `g101`..`g108` the
 * guideline source notes, with a letter for each part of a note that has its own publisher
 * (`g104d`). Each id is described in content.yaml and cited in citations.tsv.
 */
export const SourceIdSchema = z
  .string()
  .regex(/^(src00[0-3]|g10[1-8][a-e]?)$/, 'must be a source id such as src001 or g104d')
export type SourceId = z.infer<typeof SourceIdSchema>

/** What kind of text a source is, shown beside every section that rests on it. */
export const SourceKindSchema = z.enum(['guideline', 'review-article', 'web-article', 'journal-letter'])
export type SourceKind = z.infer<typeof SourceKindSchema>
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  guideline: 'Guideline',
  'review-article': 'Review article',
  'web-article': 'Web article',
  'journal-letter': 'Journal letter',
}

/** Who last checked an entry against its sources, and when. */
export const ReviewSchema = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-21'),
    by: z.string().trim().min(1, 'must not be empty'),
  })
  .strict()
export type Review = z.infer<typeof ReviewSchema>

const nonEmpty = z.string().trim().min(1, 'must not be empty')
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case-slug')

/**
 * Self-care a guideline warns against for a foot at risk, or on whose safety no source speaks
 * (safety.yaml). A section declares the hazards its advice carries: `point` (1 = the first
 * point) names one point; without it the whole section carries them.
 */
export const SafetyMarkSchema = z
  .object({
    point: z.number().int().min(1).optional(),
    hazards: z.array(slug).min(1),
  })
  .strict()
export type SafetyMark = z.infer<typeof SafetyMarkSchema>

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

/**
 * How soon to act on a red flag: now = the same day (emergency services if the usual team
 * cannot be reached); soon = within days; routine = a GP appointment. A flag whose sources give
 * no urgency has none, and the app says "see a doctor" without a tier.
 */
export const UrgencySchema = z.enum(['now', 'soon', 'routine'])
export type Urgency = z.infer<typeof UrgencySchema>

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
    urgency: UrgencySchema.optional(),
    /** The sources that give this urgency (required with an urgency). */
    urgencySources: z.array(SourceIdSchema).default([]),
    /**
     * False for a flag that is the clinician's to judge (sudden loss of blood flow) or that the
     * foot-care advice of a foot at risk already covers: it stays out of the handout's help box.
     */
    handout: z.boolean().default(true),
  })
  .strict()
  .refine((r) => r.urgency === undefined || r.urgencySources.length > 0, {
    message: 'an urgency needs the sources that give it (urgencySources)',
    path: ['urgencySources'],
  })
export type RedFlag = z.output<typeof RedFlagSchema>

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

/** Findings that raise red flags only together (diabetes with a foot sore, say). */
export const CombinationSchema = z
  .object({
    all: z.array(slug).min(2),
    redFlags: z.array(slug).min(1),
  })
  .strict()
export type Combination = z.infer<typeof CombinationSchema>

export const FinderSchema = z
  .object({
    groups: z
      .array(z.object({ id: slug, label: nonEmpty, findings: z.array(FindingSchema).min(1) }).strict())
      .min(1),
    combinations: z.array(CombinationSchema).default([]),
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
    /**
     * Lay names that may also mean medicines outside this class ("cholesterol tablets"): a
     * match on one is shown as a name lookup, never as a medicine the sources name.
     */
    lookupAliases: z.array(nonEmpty).default([]),
    named: z.boolean(),
    /** What the sources say (for named entries), in our words. Lookup entries inherit from their class. */
    note: nonEmpty.optional(),
    sources: z.array(SourceIdSchema).default([]),
    /** Cause ids this medicine links to (always includes the medicines cause). */
    causes: z.array(slug).default([]),
    /** True for a medicine the sources mention as a possible help rather than a cause. */
    mayHelp: z.boolean().default(false),
    /** A treatment for cramps with restrictions (quinine): shown to clinicians only. */
    treatment: z.boolean().default(false),
    /**
     * False where what the sources say of the class does not fit this member (a potassium-sparing
     * diuretic does not drain potassium): its class's cause links are then not applied to it.
     */
    classCauses: z.boolean().default(true),
    /** Class cause links that do not fit this member (a thiazide and low calcium). */
    notClassCauses: z.array(slug).default([]),
    /** False where the class's note does not fit this member: only its own note is shown. */
    classNote: z.boolean().default(true),
  })
  .strict()
  .refine((d) => !d.named || (d.note !== undefined && d.sources.length > 0), {
    message: 'a named drug needs a note and its sources',
  })
export type Drug = z.infer<typeof DrugSchema>

/** How a source is described in content.yaml: our words; the citation is in citations.tsv. */
export const SourceEntrySchema = z
  .object({
    id: SourceIdSchema,
    kind: SourceKindSchema,
    /** Where it stands below a national source: "local NHS pathway, draft", "trade press". */
    tier: nonEmpty.optional(),
  })
  .strict()
export type SourceEntry = z.infer<typeof SourceEntrySchema>

/** A source as the app shows it: the content.yaml entry joined with its citation. */
export const SourceInfoSchema = z
  .object({
    id: SourceIdSchema,
    file: nonEmpty,
    title: nonEmpty,
    publisher: nonEmpty,
    date: nonEmpty,
    url: z.string().optional(),
    // Handouts stored before sources had kinds cite only the four web articles.
    kind: SourceKindSchema.default('web-article'),
    tier: nonEmpty.optional(),
  })
  .strict()
export type SourceInfo = z.output<typeof SourceInfoSchema>

/** One release of the content: its version, date and what changed, in plain words. */
export const ChangeSchema = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.1'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-21'),
    changes: z.array(nonEmpty).min(1),
  })
  .strict()
export type Change = z.infer<typeof ChangeSchema>

const metaFields = {
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.1'),
  lastReviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-21'),
  disclaimer: nonEmpty,
  /** Newest first. */
  changes: z.array(ChangeSchema).default([]),
}

/** content.yaml as written. */
export const MetaFileSchema = z.object({ ...metaFields, sources: z.array(SourceEntrySchema).min(1) }).strict()

export const MetaSchema = z.object({ ...metaFields, sources: z.array(SourceInfoSchema).min(1) }).strict()
export type Meta = z.output<typeof MetaSchema>

/**
 * Feet at risk (safety.yaml): what marks a foot as at risk, and each hazard a self-care item
 * may carry. `warned`: a guideline warns against it for a foot at risk, so it is left out;
 * `unspoken`: no source speaks to its safety there, so it prints as "ask your podiatrist first".
 */
export const HazardSchema = z
  .object({
    id: slug,
    /** Clinician words, shown in the handout editor. */
    name: nonEmpty,
    level: z.enum(['warned', 'unspoken']),
    /** Clinician words: what the guideline says, or that no source speaks to it. */
    why: nonEmpty,
    /** The guideline sources that warn (warned); may be empty for unspoken. */
    sources: z.array(SourceIdSchema),
  })
  .strict()
  .refine((h) => h.level === 'unspoken' || h.sources.length > 0, {
    message: 'a warned hazard needs the guideline sources that warn against it',
    path: ['sources'],
  })
export type Hazard = z.infer<typeof HazardSchema>

export const SafetySchema = z
  .object({
    atRisk: z
      .object({
        /** Causes on a handout that mean the foot is at risk. */
        causes: z.array(slug),
        /** Finder findings on the visit that mean it. */
        findings: z.array(slug),
        /** Words in the patient's alerts that mean it (matched as whole words, any case). */
        alertWords: z.array(nonEmpty),
        sources: z.array(SourceIdSchema).min(1),
      })
      .strict(),
    hazards: z.array(HazardSchema).min(1),
    /** The topic printed near the top of a handout for a foot at risk. */
    footCareTopic: slug,
  })
  .strict()
export type Safety = z.infer<typeof SafetySchema>

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
