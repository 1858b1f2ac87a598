import { fromBase64Url, toBase64Url } from '../../../security/bytes'

/**
 * Rows go into a backup exactly as stored, so the file does not depend on how fields are
 * encrypted at rest. JSON cannot hold bytes: a Uint8Array (or ArrayBuffer) becomes
 * {"$b": base64url} and comes back as a Uint8Array. An object whose only key is "$b" is
 * therefore reserved; no record the app writes has one.
 */
const TAG = '$b'

export function encodeRows(table: string, rows: readonly unknown[]): string {
  return JSON.stringify({ t: table, r: rows }, function (this: unknown, key, value: unknown) {
    // The replacer sees the original value through `this[key]` (ArrayBuffer views have no toJSON).
    const raw = (this as Record<string, unknown>)[key]
    if (raw instanceof Uint8Array || raw instanceof ArrayBuffer) return { [TAG]: toBase64Url(raw) }
    return value
  })
}

export function decodeRows(text: string): { t: string; r: unknown[] } {
  return JSON.parse(text, (_k, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value)
      const b = (value as Record<string, unknown>)[TAG]
      if (keys.length === 1 && typeof b === 'string') return fromBase64Url(b)
    }
    return value
  }) as { t: string; r: unknown[] }
}
