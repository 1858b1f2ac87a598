/**
 * The handout spec: everything a handout PDF is made from, apart from the content itself.
 * It is stored on the visit (StoredHandout) so the same PDF can be rebuilt byte for byte; it
 * is also the file format of the command line tool (docs/handout-spec.md).
 */
import { z } from 'zod'
import { ContentSchema } from '../reference/schema'
import { ClinicSettingsSchema } from './clinic'
import { ExerciseChoiceSchema } from './dose'
import { FootRiskSchema, NO_FOOT_RISK } from './footRisk'

/**
 * 1: the first layout (every cause in full, help at the end); kept so handouts given with it
 * reissue as the same file. 2: the two-page handout (help box on page 1, exercise doses).
 */
export const CURRENT_FORMAT = 2

/** General sections, in the order they appear on the handout. */
export const HANDOUT_SECTION_IDS = [
  'during-a-cramp',
  'hydration',
  'footwear',
  'diet',
  'exercises',
  'night-cramps',
  'pregnancy',
  'medicines',
  'when-to-seek-help',
] as const
export const HandoutSectionIdSchema = z.enum(HANDOUT_SECTION_IDS)
export type HandoutSectionId = z.infer<typeof HandoutSectionIdSchema>

/** Always on the handout; the editor shows it locked on. */
export const ALWAYS_INCLUDED: HandoutSectionId = 'when-to-seek-help'

export const HANDOUT_SECTION_LABELS: Record<HandoutSectionId, string> = {
  'during-a-cramp': 'What to do during a cramp',
  hydration: 'Drinking enough',
  footwear: 'Footwear',
  diet: 'Food and minerals',
  exercises: 'Stretches and exercises',
  'night-cramps': 'Cramps at night',
  pregnancy: 'Cramps in pregnancy',
  medicines: 'Medicines to talk over with your prescriber',
  'when-to-seek-help': 'When to get help',
}

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-21')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'is not a real calendar date',
    },
  )

export const HandoutOptionsSchema = z
  .object({
    largePrint: z.boolean().default(false),
    pageSize: z.enum(['A4', 'LETTER']).default('A4'),
  })
  .strict()
export type HandoutOptions = z.infer<typeof HandoutOptionsSchema>

export const HandoutSpecSchema = z
  .object({
    format: z.union([z.literal(1), z.literal(2)]),
    patient: z
      .object({
        name: z.string().trim().min(1, 'the patient name must not be empty').max(120),
        dateOfBirth: date.optional(),
      })
      .strict(),
    visitId: z.string().min(1).optional(),
    date,
    causes: z.array(z.string().min(1)).max(20).default([]),
    sections: z
      .array(HandoutSectionIdSchema)
      .default([])
      // Order and duplicates are normalised so two specs that mean the same give the same PDF.
      .transform((s) => HANDOUT_SECTION_IDS.filter((id) => id === ALWAYS_INCLUDED || s.includes(id))),
    /** Format 2: causes printed with their self-care and prevention, not only a line or two. */
    moreDetail: z.array(z.string().min(1)).max(20).optional(),
    /**
     * Format 2: the exercises chosen and how much of each. Absent: every exercise, with the
     * figures the content gives.
     */
    exercises: z.array(ExerciseChoiceSchema).max(50).optional(),
    medicines: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
    personalNote: z.string().max(2000).default(''),
    clinician: z.string().trim().max(120).default(''),
    options: HandoutOptionsSchema.default({ largePrint: false, pageSize: 'A4' }),
    /** content.yaml `version` the handout was made with. */
    contentVersion: z.string().min(1),
    /** What marks the patient's feet at risk (handouts/safety.ts): changes the self-care printed. */
    footRisk: FootRiskSchema.default(NO_FOOT_RISK),
    /** Snapshot of the clinic settings when the handout was made. */
    clinic: ClinicSettingsSchema,
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>()
    s.causes.forEach((c, i) => {
      if (seen.has(c))
        ctx.addIssue({ code: 'custom', message: `cause "${c}" is listed twice`, path: ['causes', i] })
      seen.add(c)
    })
    if (s.format === 1) {
      for (const key of ['moreDetail', 'exercises'] as const)
        if (s[key] !== undefined)
          ctx.addIssue({ code: 'custom', message: 'is only part of format 2', path: [key] })
    }
    s.moreDetail?.forEach((c, i) => {
      if (!seen.has(c))
        ctx.addIssue({
          code: 'custom',
          message: `cause "${c}" has more detail but is not one of the causes`,
          path: ['moreDetail', i],
        })
    })
    const ex = new Set<string>()
    s.exercises?.forEach((e, i) => {
      if (ex.has(e.id))
        ctx.addIssue({
          code: 'custom',
          message: `exercise "${e.id}" is listed twice`,
          path: ['exercises', i],
        })
      ex.add(e.id)
    })
  })
export type HandoutSpec = z.output<typeof HandoutSpecSchema>
export type HandoutSpecInput = z.input<typeof HandoutSpecSchema>

export const StoredHandoutSchema = z
  .object({
    id: z.string().min(1),
    spec: HandoutSpecSchema,
    /** ISO timestamp. */
    createdAt: z.string().min(1),
    fileName: z.string().optional(),
    /**
     * The reference content it was built from (handouts/snapshot.ts), so Reissue can rebuild the
     * same bytes after the reference is updated. Absent on handouts stored before it was kept.
     */
    content: ContentSchema.optional(),
    /** Hex SHA-256 of the PDF bytes as first given: lets Reissue prove it made the same file. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict()
export type StoredHandout = z.output<typeof StoredHandoutSchema>

/** A named set of causes and sections to start a handout from ("Night cramps - runner"). */
export const HandoutTemplateSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().trim().min(1).max(80),
    causes: z.array(z.string().min(1)).default([]),
    sections: z.array(HandoutSectionIdSchema).default([]),
    /** Absent on templates saved before they kept these. */
    moreDetail: z.array(z.string().min(1)).optional(),
    exercises: z.array(ExerciseChoiceSchema).optional(),
    createdAt: z.string().min(1),
    updatedAt: z.string().min(1),
  })
  .strict()
export type HandoutTemplate = z.output<typeof HandoutTemplateSchema>

export class HandoutError extends Error {
  constructor(
    message: string,
    /** Dotted path of the spec field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'HandoutError'
  }
}

/** Validates unknown input (a stored record, a file) into a spec, or throws a HandoutError. */
export function parseHandoutSpec(input: unknown): HandoutSpec {
  const r = HandoutSpecSchema.safeParse(input)
  if (!r.success) {
    const issue = r.error.issues[0]!
    const field = issue.path.map(String).join('.')
    throw new HandoutError(`${field ? `${field}: ` : ''}${issue.message}`, field || undefined)
  }
  return r.data
}

// One SHA-256 for every side (src/shared/bytes.ts); handout fingerprints use it from here.
export { sha256Hex } from '../../../shared/bytes'

export function suggestedFileName(spec: Pick<HandoutSpec, 'patient' | 'date'>): string {
  // Characters that are not allowed in file names on Windows or macOS.
  const name = spec.patient.name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return `Handout - ${name || 'patient'} - ${spec.date}.pdf`
}
