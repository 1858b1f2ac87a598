import { z } from 'zod'
import { fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes'
import { WrongPassphraseError, WrongRecoveryKeyError } from './errors'
import {
  argon2idParamsSchema,
  deriveWrappingKey,
  newArgon2idParams,
  SIGN_IN_COST,
  type Argon2idCost,
} from './kdf'
import { recoveryWrappingKey, type RecoveryKey } from './recovery'

/**
 * A copy of the data key wrapped (AES-GCM) under a key derived from a passphrase or from the
 * recovery key. Additional data binds each wrap to its holder, so a wrap copied onto another
 * staff record on disk does not open: a reception passphrase can never unlock an owner's entry.
 */
const wrapBody = {
  version: z.literal(1),
  /** 12 random bytes, base64url. */
  iv: z.string().min(16).max(24),
  /** The data key sealed by AES-GCM, base64url. */
  wrapped: z.string().min(40).max(100),
  createdAt: z.iso.datetime({ offset: true }),
}
export const passphraseWrapSchema = z.object({
  kind: z.literal('passphrase'),
  kdf: argon2idParamsSchema,
  ...wrapBody,
})
export const recoveryWrapSchema = z.object({
  kind: z.literal('recovery'),
  /** HKDF salt, base64url. */
  salt: z.string().min(16).max(64),
  ...wrapBody,
})
export type PassphraseWrap = z.infer<typeof passphraseWrapSchema>
export type RecoveryWrap = z.infer<typeof recoveryWrapSchema>

function aad(kind: 'passphrase' | 'recovery', holder: string): Uint8Array<ArrayBuffer> {
  return utf8(`cramp-clinic/v1/key-wrap/${kind}/${holder}`)
}

async function seal(
  dataKey: CryptoKey,
  kek: CryptoKey,
  ad: Uint8Array<ArrayBuffer>,
): Promise<{ iv: string; wrapped: string }> {
  const iv = randomBytes(12)
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: ad,
  })
  return { iv: toBase64Url(iv), wrapped: toBase64Url(wrapped) }
}

/** Unwraps, or returns null when the key or the additional data do not fit (GCM tag fails). */
async function open(
  wrap: { iv: string; wrapped: string },
  kek: CryptoKey,
  ad: Uint8Array<ArrayBuffer>,
): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      fromBase64Url(wrap.wrapped),
      kek,
      { name: 'AES-GCM', iv: fromBase64Url(wrap.iv), additionalData: ad },
      { name: 'AES-GCM', length: 256 },
      true,
      ['encrypt', 'decrypt'],
    )
  } catch {
    return null
  }
}

/**
 * Wraps the data key under a passphrase for `holder` (a staff id, or a backup's id), with a new
 * salt every time. Changing a passphrase is a new wrap of the same key: nothing is re-encrypted.
 */
export async function wrapWithPassphrase(
  dataKey: CryptoKey,
  passphrase: string,
  holder: string,
  cost: Argon2idCost = SIGN_IN_COST,
  now: Date = new Date(),
): Promise<PassphraseWrap> {
  const kdf = newArgon2idParams(cost)
  const kek = await deriveWrappingKey(passphrase, kdf)
  const sealed = await seal(dataKey, kek, aad('passphrase', holder))
  return { kind: 'passphrase', kdf, version: 1, ...sealed, createdAt: now.toISOString() }
}

/** The data key, or WrongPassphraseError (a damaged or moved wrap reads the same way). */
export async function unwrapWithPassphrase(
  wrap: PassphraseWrap,
  passphrase: string,
  holder: string,
): Promise<CryptoKey> {
  const checked = passphraseWrapSchema.safeParse(wrap)
  if (!checked.success) throw new WrongPassphraseError()
  const kek = await deriveWrappingKey(passphrase, checked.data.kdf)
  const key = await open(checked.data, kek, aad('passphrase', holder))
  if (!key) throw new WrongPassphraseError()
  return key
}

export async function wrapWithRecoveryKey(
  dataKey: CryptoKey,
  recovery: RecoveryKey,
  holder: string,
  now: Date = new Date(),
): Promise<RecoveryWrap> {
  const salt = randomBytes(16)
  const kek = await recoveryWrappingKey(recovery, salt)
  const sealed = await seal(dataKey, kek, aad('recovery', holder))
  return { kind: 'recovery', salt: toBase64Url(salt), version: 1, ...sealed, createdAt: now.toISOString() }
}

export async function unwrapWithRecoveryKey(
  wrap: RecoveryWrap,
  recovery: RecoveryKey,
  holder: string,
): Promise<CryptoKey> {
  const checked = recoveryWrapSchema.safeParse(wrap)
  if (!checked.success) throw new WrongRecoveryKeyError()
  const kek = await recoveryWrappingKey(recovery, fromBase64Url(checked.data.salt))
  const key = await open(checked.data, kek, aad('recovery', holder))
  if (!key) throw new WrongRecoveryKeyError()
  return key
}
