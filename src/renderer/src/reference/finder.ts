/**
 * Cause finder: ranks causes from what the clinician ticked, using the weights written in each
 * cause file (`finder:`), so the reasoning is visible and editable in the content. Each ranked
 * cause carries the findings that support it. Red flags come from finder.yaml: ticking a finding
 * that carries one raises it at once, whatever the ranking says. Decision support, not diagnosis.
 */
import { checkMedicines, type MedicineMatch, type MedicineResult } from './medcheck'
import type { Cause, Content, Finding, RedFlag } from './schema'

/** Weight a matched medicine adds to each cause it points at (the cause weights run 1..5). */
export const MEDICINE_WEIGHT = 4

export interface Reason {
  kind: 'finding' | 'medicine'
  label: string
  weight: number
  /** Finding id, or the drug id for a medicine. */
  ref: string
}

export interface RankedCause {
  cause: Cause
  score: number
  /** Score relative to the top cause, 0..1, for a bar. */
  strength: number
  /** Strongest first. */
  reasons: Reason[]
}

export interface RaisedRedFlag {
  flag: RedFlag
  /** Labels of the ticked findings that raised it. */
  raisedBy: string[]
}

export interface FinderInput {
  findings: readonly string[]
  medicines?: string | readonly string[]
}

export interface FinderResult {
  causes: RankedCause[]
  redFlags: RaisedRedFlag[]
  medicines: MedicineResult[]
  /** Ticked ids that finder.yaml does not know (kept from an older content version). */
  unknownFindings: string[]
}

interface Prepared {
  findings: Map<string, Finding>
  flags: Map<string, RedFlag>
  flagOrder: Map<string, number>
  causes: Map<string, Cause>
  /** finding id -> [cause, weight] */
  weights: Map<string, [Cause, number][]>
  totals: Map<string, number>
}

const cache = new WeakMap<Content, Prepared>()

function prepare(content: Content): Prepared {
  const hit = cache.get(content)
  if (hit) return hit
  const weights = new Map<string, [Cause, number][]>()
  const totals = new Map<string, number>()
  for (const cause of content.causes) {
    let total = 0
    for (const [finding, w] of Object.entries(cause.finder)) {
      const list = weights.get(finding) ?? []
      list.push([cause, w])
      weights.set(finding, list)
      total += w
    }
    totals.set(cause.id, total)
  }
  const p: Prepared = {
    findings: new Map(content.finder.groups.flatMap((g) => g.findings.map((f) => [f.id, f] as const))),
    flags: new Map(content.redFlags.map((r) => [r.id, r])),
    flagOrder: new Map(content.redFlags.map((r, i) => [r.id, i])),
    causes: new Map(content.causes.map((c) => [c.id, c])),
    weights,
    totals,
  }
  cache.set(content, p)
  return p
}

export function runFinder(content: Content, input: FinderInput): FinderResult {
  const p = prepare(content)
  const scores = new Map<string, { score: number; reasons: Reason[] }>()
  const add = (cause: Cause, reason: Reason): void => {
    const s = scores.get(cause.id) ?? { score: 0, reasons: [] }
    s.score += reason.weight
    s.reasons.push(reason)
    scores.set(cause.id, s)
  }

  const ticked = [...new Set(input.findings)]
  const unknownFindings: string[] = []
  const raised = new Map<string, RaisedRedFlag>()
  for (const id of ticked) {
    const finding = p.findings.get(id)
    if (!finding) {
      unknownFindings.push(id)
      continue
    }
    for (const [cause, weight] of p.weights.get(id) ?? [])
      add(cause, { kind: 'finding', label: finding.label, weight, ref: id })
    for (const flagId of finding.redFlags ?? []) {
      const flag = p.flags.get(flagId)
      if (!flag) continue
      const r = raised.get(flagId) ?? { flag, raisedBy: [] }
      r.raisedBy.push(finding.label)
      raised.set(flagId, r)
    }
  }

  const medicines = input.medicines && input.medicines.length ? checkMedicines(input.medicines, content) : []
  for (const m of medicines) {
    // A medicine the sources say may help is listed by the medication check, not counted as a cause.
    if (m.status !== 'matched' || m.mayHelp) continue
    for (const causeId of m.causeIds) {
      const cause = p.causes.get(causeId)
      if (cause)
        add(cause, { kind: 'medicine', label: medicineLabel(m), weight: MEDICINE_WEIGHT, ref: m.drug.id })
    }
  }

  const ranked = [...scores.entries()]
    .map(([id, s]) => ({
      cause: p.causes.get(id)!,
      score: s.score,
      reasons: s.reasons.sort((a, b) => b.weight - a.weight),
    }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.reasons.length - a.reasons.length ||
        // Of two equal scores, the cause whose own findings are better covered comes first.
        b.score / (p.totals.get(b.cause.id) || 1) - a.score / (p.totals.get(a.cause.id) || 1) ||
        a.cause.name.localeCompare(b.cause.name),
    )
  const top = ranked[0]?.score ?? 1
  return {
    causes: ranked.map((r) => ({ ...r, strength: r.score / top })),
    // In content order, which puts the most urgent first (red-flags.yaml), not in tick order.
    redFlags: [...raised.values()].sort((a, b) => p.flagOrder.get(a.flag.id)! - p.flagOrder.get(b.flag.id)!),
    medicines,
    unknownFindings,
  }
}

function medicineLabel(m: MedicineMatch): string {
  const typed = m.input
  if (m.lookup) {
    const cls = m.classes.map((c) => c.name).join(', ')
    return `Takes ${typed} (${m.drug.name}; name lookup: member of ${cls})`
  }
  return typed.toLowerCase() === m.drug.name.toLowerCase()
    ? `Takes ${m.drug.name}`
    : `Takes ${typed} (${m.drug.name})`
}
