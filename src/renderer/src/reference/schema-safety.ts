/**
 * Feet at risk, as the content declares them (safety.yaml and the marks on self-care items).
 * The handout's plan from them is handouts/safety.ts.
 */
import { z } from 'zod'
import { slug, nonEmpty, SourceIdSchema } from './schema-base'

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
