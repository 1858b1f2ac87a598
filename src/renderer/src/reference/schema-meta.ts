/**
 * The reference's own facts: its version, review, disclaimer, what changed, and its sources
 * (content.yaml joined with the verbatim citations in citations.tsv).
 */
import { z } from 'zod'
import { contentVersion, isoDate, nonEmpty, SourceIdSchema, SourceKindSchema } from './schema-base'

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
    version: contentVersion,
    date: isoDate,
    changes: z.array(nonEmpty).min(1),
  })
  .strict()
export type Change = z.infer<typeof ChangeSchema>

const metaFields = {
  version: contentVersion,
  lastReviewed: isoDate,
  disclaimer: nonEmpty,
  /** Newest first. */
  changes: z.array(ChangeSchema).default([]),
}

/** content.yaml as written. */
export const MetaFileSchema = z.object({ ...metaFields, sources: z.array(SourceEntrySchema).min(1) }).strict()

export const MetaSchema = z.object({ ...metaFields, sources: z.array(SourceInfoSchema).min(1) }).strict()
export type Meta = z.output<typeof MetaSchema>
