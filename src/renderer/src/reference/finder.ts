/**
 * Cause finder: ranks causes from what the clinician ticked, using the weights written in each
 * cause file (`finder:`), each with its why and sources, so the reasoning is visible and
 * editable in the content. Red flags come from finder.yaml: ticking a finding that carries one
 * (or every finding of a combination) raises it at once, whatever the ranking says. Decision
 * support, not diagnosis.
 */
import { checkMedicines, type MedicineMatch, type MedicineResult } from './medcheck'
import type { Cause, Content, Finding, FinderWeight, RedFlag, SourceId } from './schema'
import { highestTier, tierOf, tierRank, type Tier } from './urgency'

/** Weight a matched medicine adds to each cause it points at (the cause weights run 1..5). */
export const MEDICINE_WEIGHT = 4

export interface Reason {
  kind: 'finding' | 'medicine'
  label: string
  weight: number
  /** Finding id, or the drug id for a medicine. */
  ref: string
  /** Why the finding points to this cause (clinician words from the content). */
  why?: string
  /** The sources behind the weight (for a medicine, behind what the sources say of it). */
  sources: SourceId[]
  /** A medicine matched only as a member of a class the sources name. */
  lookup?: boolean
}

/** How well the ticked findings fit a cause, in words. */
export type Fit = 'strong' | 'some' | 'weak'
export const FIT_WORDS: Record<Fit, string> = { strong: 'Strong fit', some: 'Some fit', weak: 'Weak fit' }

/**
 * A weight of 5 is a defining finding; two good findings make a strong fit, one a fair one.
 * Absolute, not relative to the top cause: three weak hints never read as a strong fit.
 */
export function fitOf(score: number): Fit {
  if (score >= 7) return 'strong'
  if (score >= 4) return 'some'
  return 'weak'
}

export interface RankedCause {
  cause: Cause
  score: number
  /** Score relative to the top cause, 0..1, for a bar. */
  strength: number
  fit: Fit
  /** Strongest first. */
  reasons: Reason[]
}

export interface RaisedRedFlag {
  flag: RedFlag
  tier: Tier
  /** Labels of the ticked findings that raised it ("Diabetes + Sores that do not heal"). */
  raisedBy: string[]
}

export interface FinderInput {
  findings: readonly string[]
  medicines?: string | readonly string[]
}

export interface FinderResult {
  causes: RankedCause[]
  /** Most urgent first. */
  redFlags: RaisedRedFlag[]
  /** The most urgent tier raised ('unspecified' when none is, or none has a tier). */
  urgency: Tier
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
  weights: Map<string, [Cause, FinderWeight][]>
  totals: Map<string, number>
}

const cache = new WeakMap<Content, Prepared>()

function prepare(content: Content): Prepared {
  const hit = cache.get(content)
  if (hit) return hit
  const weights = new Map<string, [Cause, FinderWeight][]>()
  const totals = new Map<string, number>()
  for (const cause of content.causes) {
    let total = 0
    for (const [finding, w] of Object.entries(cause.finder)) {
      const list = weights.get(finding) ?? []
      list.push([cause, w])
      weights.set(finding, list)
      total += w.weight
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
  const raise = (flagId: string, by: string): void => {
    const flag = p.flags.get(flagId)
    if (!flag) return
    const r = raised.get(flagId) ?? { flag, tier: tierOf(flag), raisedBy: [] }
    if (!r.raisedBy.includes(by)) r.raisedBy.push(by)
    raised.set(flagId, r)
  }
  for (const id of ticked) {
    const finding = p.findings.get(id)
    if (!finding) {
      unknownFindings.push(id)
      continue
    }
    for (const [cause, w] of p.weights.get(id) ?? [])
      add(cause, {
        kind: 'finding',
        label: finding.label,
        weight: w.weight,
        ref: id,
        sources: w.sources,
        ...(w.why ? { why: w.why } : {}),
      })
    for (const flagId of finding.redFlags ?? []) raise(flagId, finding.label)
  }
  const tickedSet = new Set(ticked)
  for (const combo of content.finder.combinations) {
    if (!combo.all.every((f) => tickedSet.has(f))) continue
    const label = combo.all.map((f) => p.findings.get(f)?.label ?? f).join(' + ')
    for (const flagId of combo.redFlags) raise(flagId, label)
  }

  const medicines = input.medicines && input.medicines.length ? checkMedicines(input.medicines, content) : []
  for (const m of medicines) {
    // A medicine the sources say may help is listed by the medication check, not counted as a cause.
    if (m.status !== 'matched' || m.mayHelp) continue
    for (const causeId of m.causeIds) {
      const cause = p.causes.get(causeId)
      if (cause)
        add(cause, {
          kind: 'medicine',
          label: medicineLabel(m),
          weight: MEDICINE_WEIGHT,
          ref: m.drug.id,
          sources: [...new Set(m.notes.flatMap((n) => n.sources.map((s) => s.id)))],
          ...(m.lookup ? { lookup: true } : {}),
        })
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
  // Most urgent tier first, then content order (red-flags.yaml), never tick order.
  const redFlags = [...raised.values()].sort(
    (a, b) =>
      tierRank(a.tier) - tierRank(b.tier) || p.flagOrder.get(a.flag.id)! - p.flagOrder.get(b.flag.id)!,
  )
  return {
    causes: ranked.map((r) => ({ ...r, strength: r.score / top, fit: fitOf(r.score) })),
    redFlags,
    urgency: highestTier(redFlags.map((r) => r.flag)),
    medicines,
    unknownFindings,
  }
}

function medicineLabel(m: MedicineMatch): string {
  const typed = m.input
  if (m.lookup) {
    const cls = m.classes.map((c) => c.name.toLowerCase()).join(', ')
    // Not named by the sources itself: say so in plain words.
    const what = m.drug.kind === 'class' ? `may be one of the ${cls}` : `one of the ${cls}`
    return `Takes ${typed} (${m.drug.kind === 'class' ? what : `${m.drug.name}, ${what}`})`
  }
  return typed.toLowerCase() === m.drug.name.toLowerCase()
    ? `Takes ${m.drug.name}`
    : `Takes ${typed} (${m.drug.name})`
}
