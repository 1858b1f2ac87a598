import { fromBase64Url, randomBytes, toBase64Url, utf8 } from '../../../security/bytes'
import type { ClinicKeys } from '../../../security/authStore'
import { RECOVERY_HOLDER } from '../../../security/clinicSetup'
import { deriveWrappingKey, newArgon2idParams, SIGN_IN_COST, type Argon2idCost } from '../../../security/kdf'
import type { RecoveryKey } from '../../../security/recovery'
import { unwrapWithRecoveryKey } from '../../../security/wrap'
import { BackupError } from '../format'
import type { BackupHeader } from './header'

/**
 * The keys of a version 2 backup. Each file has its own random content key (AES-GCM 256). It is
 * wrapped in the header (a) for the recovery key: the header carries the clinic's own recovery
 * wrap of the data key, and the content key wrapped under a key derived (HKDF) from the data key,
 * so the written-down words open it without being needed at export; (b) for a passphrase chosen
 * at export, stretched with Argon2id. The data key itself travels wrapped under the content key.
 * Every wrap's additional data names the backup and the wrap's purpose, so no wrap can be moved.
 */
type Sealed = { iv: string; wrapped: string }
const HKDF_INFO = 'cramp-clinic/v1/backup-content-wrap'
const DATA_KEY_PARAMS = { name: 'AES-GCM', length: 256 } as const

function ad(backupId: string, purpose: 'recovery' | 'passphrase' | 'data-key'): Uint8Array<ArrayBuffer> {
  return utf8(`cramp-clinic/backup/v2/${purpose}/${backupId}`)
}

export async function newContentKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey(DATA_KEY_PARAMS, true, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'])
}

async function seal(key: CryptoKey, kek: CryptoKey, aad: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = randomBytes(12)
  const wrapped = await crypto.subtle.wrapKey('raw', key, kek, { name: 'AES-GCM', iv, additionalData: aad })
  return { iv: toBase64Url(iv), wrapped: toBase64Url(wrapped) }
}

async function open(
  s: Sealed,
  kek: CryptoKey,
  aad: Uint8Array<ArrayBuffer>,
  usages: KeyUsage[],
): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      fromBase64Url(s.wrapped),
      kek,
      { name: 'AES-GCM', iv: fromBase64Url(s.iv), additionalData: aad },
      DATA_KEY_PARAMS,
      true,
      usages,
    )
  } catch {
    return null
  }
}

/** The key that wraps a backup's content key for the recovery route, from the clinic data key. */
async function recoveryRouteKey(dataKey: CryptoKey, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', dataKey))
  try {
    const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey'])
    return await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt, info: utf8(HKDF_INFO) },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['wrapKey', 'unwrapKey'],
    )
  } finally {
    raw.fill(0)
  }
}

export interface WrapChoice {
  /** The clinic's keys record (its recovery wrap); undefined leaves the recovery route out. */
  clinic?: ClinicKeys
  /** A passphrase chosen at export (already strength-checked by the caller). */
  passphrase?: string
  kdfCost?: Argon2idCost
}

export async function wrapKeys(
  backupId: string,
  contentKey: CryptoKey,
  dataKey: CryptoKey,
  choice: WrapChoice,
): Promise<BackupHeader['keys']> {
  if (!choice.clinic && !choice.passphrase) {
    throw new BackupError(
      'not-allowed',
      'Choose how the backup will be opened: the recovery key, a passphrase, or both.',
    )
  }
  const keys: BackupHeader['keys'] = { dataKey: await seal(dataKey, contentKey, ad(backupId, 'data-key')) }
  if (choice.clinic) {
    const salt = randomBytes(16)
    const kek = await recoveryRouteKey(dataKey, salt)
    keys.recovery = {
      clinicWrap: choice.clinic.recoveryWrap,
      salt: toBase64Url(salt),
      ...(await seal(contentKey, kek, ad(backupId, 'recovery'))),
    }
  }
  if (choice.passphrase) {
    const kdf = newArgon2idParams(choice.kdfCost ?? SIGN_IN_COST)
    const kek = await deriveWrappingKey(choice.passphrase, kdf)
    keys.passphrase = { kdf, ...(await seal(contentKey, kek, ad(backupId, 'passphrase'))) }
  }
  return keys
}

export type Unlock = { recovery: RecoveryKey } | { passphrase: string }

export interface OpenedKeys {
  contentKey: CryptoKey
  dataKey: CryptoKey
}

/** Opens the content and data keys, or a BackupError in plain words (nothing else is touched). */
export async function unwrapKeys(header: BackupHeader, unlock: Unlock): Promise<OpenedKeys> {
  const id = header.backupId
  let contentKey: CryptoKey | null = null
  if ('recovery' in unlock) {
    const r = header.keys.recovery
    if (!r) {
      throw new BackupError(
        'wrong-key',
        'This backup was made to open with its own passphrase, not the recovery key. Type the backup passphrase.',
      )
    }
    let dataKey: CryptoKey
    try {
      dataKey = await unwrapWithRecoveryKey(r.clinicWrap, unlock.recovery, RECOVERY_HOLDER)
    } catch {
      throw new BackupError(
        'wrong-key',
        'These recovery words do not open this backup. Check them against the recovery sheet of the clinic that made it. Nothing was changed.',
      )
    }
    contentKey = await open(r, await recoveryRouteKey(dataKey, fromBase64Url(r.salt)), ad(id, 'recovery'), [
      'encrypt',
      'decrypt',
      'wrapKey',
      'unwrapKey',
    ])
  } else {
    const p = header.keys.passphrase
    if (!p) {
      throw new BackupError(
        'wrong-key',
        'This backup was made to open with the clinic’s recovery key, not a passphrase. Type the recovery words.',
      )
    }
    const kek = await deriveWrappingKey(unlock.passphrase, p.kdf)
    contentKey = await open(p, kek, ad(id, 'passphrase'), ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'])
    if (!contentKey) {
      throw new BackupError(
        'wrong-key',
        'That passphrase does not open this backup. Check it and try again. Nothing was changed.',
      )
    }
  }
  if (!contentKey) throw tampered()
  const dataKey = await open(header.keys.dataKey, contentKey, ad(id, 'data-key'), ['encrypt', 'decrypt'])
  if (!dataKey) throw tampered()
  return { contentKey, dataKey }
}

export function tampered(): BackupError {
  return new BackupError(
    'tampered',
    'This backup file has been changed or damaged since it was made, so it cannot be trusted. Nothing was changed. Try another copy of the backup.',
  )
}
