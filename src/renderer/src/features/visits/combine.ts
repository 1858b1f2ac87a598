import type { PatientInput, VisitInput } from '@renderer/notes/model'

/** How each field of a record is put together when the user keeps both versions. */
export interface CombineSpec<D> {
  /** Free texts: both, one after the other, under a line saying where the second came from. */
  texts: (keyof D)[]
  /** One-line texts: both, joined by " / ". */
  lines: (keyof D)[]
  /** Sets: everything in either. */
  sets: (keyof D)[]
  /** Fields holding one value (a date): `mine` is used; the other stays in the history. */
  singles: (keyof D)[]
  /** How a field is named and shown to the user, for the note on single values. */
  label(field: keyof D): string
  show(field: keyof D, value: unknown): string
}

export const MARK = '--- From this window ---'

/**
 * Both versions in one: nothing typed in either is missing from the result, except where a
 * field can hold one value only; those are listed in `chosen`, in words for the user, and the
 * other value stays findable in the history.
 */
export function combineBoth<D extends object>(
  spec: CombineSpec<D>,
  theirs: D,
  mine: D,
  names: { mine: string; theirs: string } = { mine: "this window's", theirs: "the other window's" },
): { draft: D; chosen: string[] } {
  const draft = { ...mine }
  const chosen: string[] = []
  const text = (v: unknown): string => (typeof v === 'string' ? v : '')
  for (const f of spec.texts) {
    const [t, m] = [text(theirs[f]), text(mine[f])]
    draft[f] = (t === m || t.includes(m) ? t : m.includes(t) ? m : `${t}\n\n${MARK}\n${m}`) as D[keyof D]
  }
  for (const f of spec.lines) {
    const [t, m] = [text(theirs[f]).trim(), text(mine[f]).trim()]
    draft[f] = (!t || t === m ? m : !m ? t : `${t} / ${m}`) as D[keyof D]
  }
  for (const f of spec.sets) {
    const t = (theirs[f] ?? []) as unknown[]
    const m = (mine[f] ?? []) as unknown[]
    draft[f] = [...new Set([...t, ...m])] as D[keyof D]
  }
  for (const f of spec.singles) {
    if (JSON.stringify(theirs[f]) === JSON.stringify(mine[f])) continue
    if (!mine[f] && theirs[f]) {
      draft[f] = theirs[f]
      continue
    }
    chosen.push(
      `${spec.label(f)}: ${names.mine} (${spec.show(f, mine[f]) || 'empty'}) is kept; ${names.theirs} (${spec.show(f, theirs[f]) || 'empty'}) is in the history.`,
    )
  }
  return { draft, chosen }
}

export function visitCombineSpec(
  label: (f: keyof VisitInput) => string,
  show: (f: keyof VisitInput, v: unknown) => string,
): CombineSpec<VisitInput> {
  return {
    texts: ['note', 'plan'],
    lines: ['reason'],
    sets: ['causeIds', 'findings'],
    singles: ['dateTime', 'followUpDate'],
    label,
    show,
  }
}

export function patientCombineSpec(
  label: (f: keyof PatientInput) => string,
  show: (f: keyof PatientInput, v: unknown) => string,
): CombineSpec<PatientInput> {
  return {
    texts: ['alerts'],
    lines: [],
    sets: ['medicines'],
    // Feet at risk is a single too: a tick in either version is kept, the safe side.
    singles: ['name', 'dateOfBirth', 'chartNumber', 'phone', 'feetAtRisk'],
    label,
    show,
  }
}
