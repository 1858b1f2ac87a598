import { fromBase64Url, toBase64Url } from '../security/bytes'
import { TamperedDataError } from '../security/errors'
import { decryptValue, encryptValue } from '../security/fieldCrypto'

/**
 * The copy of unsaved typing a window leaves in localStorage when it closes. A closing page
 * cannot wait for WebCrypto, so the editor keeps this sealed form ready in memory as the text
 * changes and only writes the finished string at page hide; localStorage never sees clear text.
 *
 * Stored form: `{"sealed":2,"c":"<base64url of fieldCrypto's AES-GCM ciphertext>"}`. The
 * localStorage key (record kind, id and window) is bound as additional data, so a copy moved
 * under another key, or made with another clinic's key, does not open.
 */
export interface PageHideStash {
  baseRev: string
  fields: Record<string, unknown>
  at: string
}

const FORMAT = 2
const CONTEXT = (key: string) => ({ type: 'page-hide-copy', id: key, field: 'stash' })
const WHAT = 'A copy of unsaved typing left by a closed window'

export async function sealPageHideCopy(
  fieldKey: CryptoKey,
  key: string,
  stash: PageHideStash,
): Promise<string> {
  const sealed = await encryptValue(fieldKey, stash, CONTEXT(key))
  return JSON.stringify({ sealed: FORMAT, c: toBase64Url(sealed) })
}

/** What a stored copy is: sealed (this format), clear (before this format), or not a copy at all. */
export type StoredCopy =
  | { form: 'sealed'; ciphertext: Uint8Array<ArrayBuffer> }
  | { form: 'clear'; value: Record<string, unknown> }
  | { form: 'junk' }

export function readStoredCopy(raw: string | null): StoredCopy {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw ?? '')
  } catch {
    return { form: 'junk' }
  }
  if (!parsed || typeof parsed !== 'object') return { form: 'junk' }
  const o = parsed as Record<string, unknown>
  if (o['sealed'] === FORMAT && typeof o['c'] === 'string') {
    try {
      return { form: 'sealed', ciphertext: fromBase64Url(o['c']) }
    } catch {
      // Not base64url: damaged, but a sealed copy all the same, and it must not open.
      return { form: 'sealed', ciphertext: new Uint8Array(0) }
    }
  }
  return { form: 'clear', value: o }
}

/** The stash sealed under `key`, or TamperedDataError (another clinic's key, changed, damaged). */
export async function openPageHideCopy(
  fieldKey: CryptoKey,
  key: string,
  ciphertext: Uint8Array,
): Promise<Record<string, unknown>> {
  const value = await decryptValue<unknown>(fieldKey, ciphertext, CONTEXT(key), WHAT)
  if (!value || typeof value !== 'object') throw new TamperedDataError(WHAT)
  return value as Record<string, unknown>
}
