import type { ChainProblem } from './chain'

const n = (x: number): string => x.toLocaleString('en-GB')

/** The verify result in words for the owner. */
export function describeProblem(p: ChainProblem): string {
  switch (p.kind) {
    case 'altered':
      return `Entry ${n(p.seq)} was changed after it was written. The entries before it are as they were written.`
    case 'removed':
      return p.missing > 1
        ? `Entries ${n(p.seq)} to ${n(p.seq + p.missing - 1)} are missing: they were deleted.`
        : p.missing === 1
          ? `Entry ${n(p.seq)} is missing: it was deleted.`
          : `Entries from number ${n(p.seq)} on were deleted or renumbered.`
    case 'inserted':
      return `Entry ${n(p.seq)} was not written by Cramp Clinic: it was put in afterwards.`
  }
}

/** A decrypted detail as one line: "fields: note, plan; file: backup.json". */
export function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return ''
  if (typeof detail !== 'object') return String(detail)
  if (Array.isArray(detail)) return detail.map(describeDetail).join(', ')
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? describeDetail(v) : String(v)}`)
    .join('; ')
}
