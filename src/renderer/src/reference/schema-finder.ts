/**
 * The red flags and the cause finder's findings in the reference content (red-flags.yaml,
 * finder.yaml); part of the content contract in schema.ts.
 */
import { z } from 'zod'
import { nonEmpty, slug, SourceIdSchema } from './schema-base'

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
