import { fromUtf8, randomBytes, utf8 } from './bytes'
import { TamperedDataError } from './errors'

/**
 * AES-GCM encryption of single values (a field of a record, an audit detail).
 *
 * Stored form: one byte array, [format 1][12-byte IV][ciphertext and 16-byte tag]. IndexedDB
 * keeps it as bytes; a backup writes it as base64. The IV is random for every encryption (2^32
 * encryptions per key keep the IV collision risk below 2^-32, far beyond a clinic's lifetime of
 * saves). The record type, its id and the field name are bound as additional data, so a
 * ciphertext copied into another record or another field fails to decrypt instead of showing
 * one patient's text in another patient's chart.
 */
export type Sealed = Uint8Array<ArrayBuffer>

const FORMAT = 1
const IV_BYTES = 12

export interface FieldContext {
  /** "patient", "visit", "audit"... */
  type: string
  id: string
  field: string
}

function additionalData(ctx: FieldContext): Uint8Array<ArrayBuffer> {
  // JSON keeps the three parts apart whatever characters an id holds.
  return utf8(JSON.stringify(['cramp-clinic/v1/field', ctx.type, ctx.id, ctx.field]))
}

/** Encrypts any JSON value. */
export async function encryptValue(key: CryptoKey, value: unknown, ctx: FieldContext): Promise<Sealed> {
  return encryptBytes(key, utf8(JSON.stringify(value)), ctx)
}

/**
 * Encrypts raw bytes in the same format and context binding as encryptValue: for large binary
 * values (the note search index's snapshot) that JSON would make slow and twice as big.
 */
export async function encryptBytes(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  ctx: FieldContext,
): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES)
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(ctx) },
    key,
    plain,
  )
  const out = new Uint8Array(1 + IV_BYTES + ct.byteLength)
  out[0] = FORMAT
  out.set(iv, 1)
  out.set(new Uint8Array(ct), 1 + IV_BYTES)
  return out
}

/** The value encrypted by encryptValue under the same context, or TamperedDataError. */
export async function decryptValue<T = unknown>(
  key: CryptoKey,
  sealed: Uint8Array,
  ctx: FieldContext,
  what?: string,
): Promise<T> {
  const plain = await decryptBytes(key, sealed, ctx, what)
  try {
    return JSON.parse(fromUtf8(plain)) as T
  } catch {
    throw new TamperedDataError(what)
  }
}

/** The bytes encrypted by encryptBytes under the same context, or TamperedDataError. */
export async function decryptBytes(
  key: CryptoKey,
  sealed: Uint8Array,
  ctx: FieldContext,
  what?: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!(sealed instanceof Uint8Array) || sealed.length < 1 + IV_BYTES + 16 || sealed[0] !== FORMAT) {
    throw new TamperedDataError(what)
  }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(1, 1 + IV_BYTES), additionalData: additionalData(ctx) },
      key,
      sealed.slice(1 + IV_BYTES),
    )
    return new Uint8Array(plain)
  } catch {
    throw new TamperedDataError(what)
  }
}
