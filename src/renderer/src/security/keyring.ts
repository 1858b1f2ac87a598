import { utf8 } from './bytes'

/**
 * The clinic's data key and the keys derived from it.
 *
 * The data key is 256 random bits made once at clinic setup. It is the only secret that is
 * wrapped (per staff passphrase, by the recovery key); everything else is derived from it with
 * HKDF-SHA-256 under its own label, so no key serves two algorithms and a new purpose never
 * needs a new wrap.
 */
export interface KeyRing {
  /** AES-GCM 256: the sensitive fields of records, audit details. */
  readonly fieldKey: CryptoKey
  /** HMAC-SHA-256: index tokens (name prefixes, chart number, birth date). */
  readonly indexKey: CryptoKey
  /** HMAC-SHA-256: the audit chain, so nobody without the key can rebuild it after an edit. */
  readonly auditKey: CryptoKey
  /** HMAC-SHA-256: seals of staff records, signatures and addenda. */
  readonly sealKey: CryptoKey
}

/** HKDF labels, one per purpose. Never change one: records written under it would not open. */
export const KEY_LABELS = {
  fieldKey: 'cramp-clinic/v1/field-encryption',
  indexKey: 'cramp-clinic/v1/index-tokens',
  auditKey: 'cramp-clinic/v1/audit-chain',
  sealKey: 'cramp-clinic/v1/record-seals',
} as const

/**
 * A new data key. Extractable, because passphrase changes and new staff need new wraps of it
 * (WebCrypto wraps only extractable keys); it lives in memory only while the app is unlocked.
 */
export async function createDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt'])
}

export async function deriveKeyRing(dataKey: CryptoKey): Promise<KeyRing> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', dataKey))
  let base: CryptoKey
  try {
    base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey'])
  } finally {
    raw.fill(0)
  }
  const params = (label: string): HkdfParams => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(32),
    info: utf8(label),
  })
  const hmac = { name: 'HMAC', hash: 'SHA-256', length: 256 } as const
  const [fieldKey, indexKey, auditKey, sealKey] = await Promise.all([
    crypto.subtle.deriveKey(params(KEY_LABELS.fieldKey), base, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
    crypto.subtle.deriveKey(params(KEY_LABELS.indexKey), base, hmac, false, ['sign']),
    crypto.subtle.deriveKey(params(KEY_LABELS.auditKey), base, hmac, false, ['sign', 'verify']),
    crypto.subtle.deriveKey(params(KEY_LABELS.sealKey), base, hmac, false, ['sign', 'verify']),
  ])
  return { fieldKey, indexKey, auditKey, sealKey }
}
