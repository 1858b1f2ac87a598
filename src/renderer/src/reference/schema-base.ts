/**
 * The building blocks every content schema shares: source ids and kinds, reviews, and the
 * small string rules. Pure zod, like the rest of the content contract (schema.ts).
 */
import { z } from 'zod'

export const nonEmpty = z.string().trim().min(1, 'must not be empty')
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case-slug')
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-21')
export const contentVersion = z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'must look like 2026.11.1')

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
    date: isoDate,
    by: nonEmpty,
  })
  .strict()
export type Review = z.infer<typeof ReviewSchema>
