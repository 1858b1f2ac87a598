import { canonicalJson } from '../notes/canonical'
import { fromBase64Url, toBase64Url, utf8 } from './bytes'

/**
 * A seal is an HMAC (keyed with the ring's seal key) over a record's canonical JSON. Someone who
 * edits a staff role, a signature or an addendum on disk cannot make a new seal without the
 * data key, so the edit shows when the record is next checked.
 */
function message(kind: string, value: unknown): Uint8Array<ArrayBuffer> {
  return utf8(`cramp-clinic/v1/seal/${kind}\u0000${canonicalJson(value)}`)
}

export async function sealOf(sealKey: CryptoKey, kind: string, value: unknown): Promise<string> {
  return toBase64Url(await crypto.subtle.sign('HMAC', sealKey, message(kind, value)))
}

export async function verifySeal(
  sealKey: CryptoKey,
  kind: string,
  value: unknown,
  seal: string,
): Promise<boolean> {
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = fromBase64Url(seal)
  } catch {
    return false
  }
  // WebCrypto's verify compares in constant time.
  return crypto.subtle.verify('HMAC', sealKey, bytes, message(kind, value))
}
