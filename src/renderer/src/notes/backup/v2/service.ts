import Dexie from 'dexie'
import { AuditLog } from '../../../audit/log'
import { SYSTEM_ACTOR } from '../../../audit/model'
import { DexieAuditStore } from '../../../audit/store'
import type { ClinicKeys } from '../../../security/authStore'
import { deriveKeyRing } from '../../../security/keyring'
import { assertCan, type Role } from '../../../security/policy'
import type { Argon2idCost } from '../../../security/kdf'
import {
  abandonRestoreDatabase,
  beginRestoreDatabase,
  newRestoreDatabaseName,
  switchActiveDatabase,
} from '../activeDatabase'
import { deleteDatabase, deleteSearchSnapshot, holdsNothing } from '../leftBehind'
import type { Unlock } from './keys'
import type { ByteSource, OpenedHeader } from './read'
import { restoreBackupV2, type RestoreProgress, type RestoreV2Result } from './restore'
import { writeBackupV2, type ByteSink, type WriteProgress, type WriteResult } from './write'

export interface BackupActor {
  id: string
  role: Role
}

/** A plain connection to a database (rows exactly as stored, whatever the app's own hooks do). */
async function rawConnection(name: string): Promise<Dexie> {
  const raw = new Dexie(name)
  await raw.open()
  return raw
}

export interface ExportRequest {
  dbName: string
  /** Who is signed in: only a clinician or the owner may export (security/policy.ts). */
  actor: BackupActor | null
  dataKey: CryptoKey
  /** The clinic's keys record, for the recovery-key route; leave out for a passphrase only. */
  clinic?: ClinicKeys
  passphrase?: string
  kdfCost?: Argon2idCost
  appVersion: string
  now?: Date
  onProgress?: (p: WriteProgress) => void | Promise<void>
  signal?: AbortSignal
  pageRows?: number
}

/** Exports an encrypted (version 2) backup into `sink`, refusing anyone the policy refuses. */
export async function exportEncrypted(sink: ByteSink, r: ExportRequest): Promise<WriteResult> {
  assertCan(r.actor?.role, 'backup.export')
  const db = await rawConnection(r.dbName)
  try {
    return await writeBackupV2(sink, { ...r, db })
  } finally {
    db.close()
  }
}

export interface RestoreRequest {
  /** The database in use now: left exactly as it is whatever happens. */
  currentDbName: string
  actor: BackupActor | null
  unlock: Unlock
  deviceId: string
  currentSchema?: number
  signal?: AbortSignal
  onProgress?: (p: RestoreProgress) => void
  now?: Date
}

/**
 * Restores a version 2 backup into a new database and, once it is whole and verified, makes it
 * the one the app opens (the caller reloads). Only the owner may replace a clinic's records;
 * on a computer where no clinic is set up yet (a fresh install) there is nobody to sign in and
 * nothing to protect, so the recovery key or the backup's passphrase is the only check.
 * The restore is recorded in the restored audit trail.
 */
export async function restoreEncrypted(
  src: ByteSource,
  opened: OpenedHeader,
  r: RestoreRequest,
): Promise<RestoreV2Result> {
  const current = await rawConnection(r.currentDbName)
  let clinicHere: unknown
  let heldNothing = false
  try {
    clinicHere = current.tables.some((t) => t.name === 'clinicKeys')
      ? await current.table('clinicKeys').get('clinic')
      : undefined
    // Nobody can sign in without a clinic, so nothing is written to it until the switch.
    heldNothing = !clinicHere && (await holdsNothing(current))
  } finally {
    current.close()
  }
  if (clinicHere) assertCan(r.actor?.role, 'backup.restore')
  const dbName = newRestoreDatabaseName(r.now)
  // Listed before the first row is written: a restore cut short is known as never complete.
  await beginRestoreDatabase(dbName, r.now)
  let result: RestoreV2Result
  try {
    result = await restoreBackupV2(src, opened, r.unlock, {
      dbName,
      signal: r.signal,
      onProgress: r.onProgress,
      currentSchema: r.currentSchema,
    })
  } catch (e) {
    await abandonRestoreDatabase(dbName).catch(() => undefined)
    throw e
  }
  const restored = await rawConnection(result.dbName)
  try {
    const ring = await deriveKeyRing(result.dataKey)
    const log = new AuditLog({
      store: new DexieAuditStore(
        restored,
        restored.table('audit'),
        restored.table('auditHead'),
        restored.table('auditPending'),
      ),
      keys: () => ring,
      deviceId: r.deviceId,
    })
    await log.append({
      kind: 'backup.restored',
      actorId: r.actor?.id ?? SYSTEM_ACTOR,
      detail: {
        backupId: opened.header.backupId,
        madeAt: opened.header.createdAt,
        replaced: r.currentDbName,
      },
    })
  } catch (e) {
    restored.close()
    await Dexie.delete(result.dbName).catch(() => undefined)
    await abandonRestoreDatabase(result.dbName).catch(() => undefined)
    throw e
  }
  restored.close()
  await switchActiveDatabase(result.dbName, r.currentDbName, r.now, undefined, heldNothing)
  // Nobody opens the replaced database again: its sealed search snapshot goes, and the database
  // itself too when it held nothing (a fresh install). Either may be blocked by another window
  // for now; that leaves only something harmless behind.
  await deleteSearchSnapshot(r.currentDbName)
  if (heldNothing) await deleteDatabase(r.currentDbName)
  return result
}
