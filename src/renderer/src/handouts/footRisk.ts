/**
 * Whether a patient's foot is at risk (diabetes, nerve damage, poor circulation), and why, in
 * words for the clinician: from the handout's causes, the visit's causes and findings, the
 * patient's alerts and the clinician's own mark, against safety.yaml's atRisk lists. Pure.
 */
import { z } from 'zod'
import type { Content } from '../reference/schema'

/** What the handout knows about the patient's feet; stored in the spec, so a reissue agrees. */
export const FootRiskSchema = z
  .object({
    /** The clinician marked the feet at risk: on the patient's record, or in the editor. */
    marked: z.boolean().default(false),
    /** Cause-finder findings recorded on the visit. */
    findings: z.array(z.string().min(1).max(200)).max(500).default([]),
    /** Words in the patient's alerts that mark a foot at risk (see alertMatches). */
    alerts: z.array(z.string().min(1).max(200)).max(50).default([]),
    /**
     * Causes recorded on the visit: they still mark the foot at risk when the clinician leaves
     * them off this handout (diabetes on the visit, a template about night cramps).
     */
    visitCauses: z.array(z.string().min(1).max(200)).max(100).default([]),
  })
  .strict()
export type FootRisk = z.output<typeof FootRiskSchema>
export const NO_FOOT_RISK: FootRisk = { marked: false, findings: [], alerts: [], visitCauses: [] }

export interface SafetyInput {
  causes: readonly string[]
  footRisk?: Partial<FootRisk>
}

/** Why the foot counts as at risk, in words for the clinician. */
export interface RiskReason {
  kind: 'marked' | 'cause' | 'finding' | 'alert'
  ref: string
  label: string
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The at-risk words (safety.yaml alertWords) found in a patient's alerts, as listed there. */
export function alertMatches(alerts: string, content: Content): string[] {
  const words = content.safety?.atRisk.alertWords ?? []
  return words.filter((w) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escape(w)}($|[^\\p{L}\\p{N}])`, 'iu').test(alerts),
  )
}

export function footRiskReasons(input: SafetyInput, content: Content): RiskReason[] {
  const s = content.safety
  if (!s) return input.footRisk?.marked ? [markedReason] : []
  const risk = { ...NO_FOOT_RISK, ...input.footRisk }
  const reasons: RiskReason[] = []
  if (risk.marked) reasons.push(markedReason)
  const causeName = (id: string): string => content.causes.find((c) => c.id === id)?.name ?? id
  for (const id of input.causes)
    if (s.atRisk.causes.includes(id))
      reasons.push({ kind: 'cause', ref: id, label: `${causeName(id)} is among the causes on this handout` })
  for (const id of risk.visitCauses)
    if (s.atRisk.causes.includes(id) && !input.causes.includes(id))
      reasons.push({
        kind: 'cause',
        ref: id,
        label: `The visit records ${causeName(id)} (not on this handout)`,
      })
  const findings = new Map(
    content.finder.groups.flatMap((g) => g.findings.map((f) => [f.id, f.label] as const)),
  )
  for (const id of risk.findings)
    if (s.atRisk.findings.includes(id))
      reasons.push({
        kind: 'finding',
        ref: id,
        label: `The visit's cause finder has “${findings.get(id) ?? id}”`,
      })
  for (const word of risk.alerts)
    reasons.push({ kind: 'alert', ref: word, label: `The patient's alerts mention “${word}”` })
  return reasons
}

const markedReason: RiskReason = {
  kind: 'marked',
  ref: 'marked',
  label: 'The feet are marked at risk on the patient’s record or in this handout',
}
