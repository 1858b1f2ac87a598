/**
 * Canonical JSON: object keys sorted, no whitespace, undefined members left out. Two equal values
 * always give the same text, so a checksum over it survives parsing and re-serialising.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      return 'null'
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null'
    if (typeof value === 'bigint') throw new TypeError('BigInt cannot be written to a backup')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => canonicalJson(v)).join(',')}]`
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  const record = value as Record<string, unknown>
  const parts: string[] = []
  for (const key of Object.keys(record).sort()) {
    const v = record[key]
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`)
  }
  return `{${parts.join(',')}}`
}

/** One SHA-256 for every side (src/shared/bytes.ts); re-exported for the notes' callers. */
export { sha256Hex, toHex } from '../../../shared/bytes'
