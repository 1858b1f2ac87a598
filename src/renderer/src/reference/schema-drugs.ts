/**
 * The drug-name table in the reference content (drugs.yaml); part of the content contract in
 * schema.ts.
 */
import { z } from 'zod'
import { nonEmpty, slug, SourceIdSchema } from './schema-base'

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
     * What a patient who takes it must know, in plain words (grade 7 or below), printed under it
     * on the handout; it rests on the entry's `sources`. The clinician `note` never is.
     */
    patientNote: nonEmpty.optional(),
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
