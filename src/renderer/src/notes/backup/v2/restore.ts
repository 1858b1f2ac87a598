import Dexie from 'dexie'
import { deriveKeyRing } from '../../../security/keyring'
import { NotesDB } from '../../db'
import { BackupError } from '../format'
import type { BackupHeader } from './header'
import { unwrapKeys, type Unlock } from './keys'
import { readChunks, type ByteSource, type OpenedHeader } from './read'
import { verifyRestored } from './verify'

/**
 * How far a restore has got: reading the file (bytes), then checking what was written (audit
 * entries, signatures, addenda and staff records; at a million entries this takes minutes).
 */
export interface RestoreProgress {
  phase: 'read' | 'check'
  done: number
  total: number
}

export interface RestoreV2Options {
  /** The name of the new database to restore into; it must not exist yet. */
  dbName: string
  signal?: AbortSignal
  onProgress?: (p: RestoreProgress) => void
  /** Our own schema version: a backup from a newer one is refused. */
  currentSchema?: number
}

export interface RestoreV2Result {
  dbName: string
  header: BackupHeader
  counts: Record<string, number>
  dataKey: CryptoKey
}

/**
 * Restores a version 2 backup into a NEW database, never the one in use: read, authenticate and
 * write chunk by chunk, then upgrade it to this app's schema and verify it. Any failure, a wrong
 * key or a cancel deletes the new database (a partial copy, never anyone's only data) and leaves
 * the current one exactly as it was. Switching to the new database is the caller's step.
 */
export async function restoreBackupV2(
  src: ByteSource,
  opened: OpenedHeader,
  unlock: Unlock,
  o: RestoreV2Options,
): Promise<RestoreV2Result> {
  const { header } = opened
  const ours = o.currentSchema ?? new NotesDB('cramp-clinic-schema-probe').verno
  if (header.schemaVersion > ours) {
    throw new BackupError(
      'newer-version',
      'This backup was made by a newer version of Cramp Clinic. Update the app, then restore it. Nothing was changed.',
    )
  }
  const keys = await unwrapKeys(header, unlock)
  if (await Dexie.exists(o.dbName)) throw new Error(`database ${o.dbName} already exists`)
  // The new database at the backup's own schema version, so rows go in exactly as stored;
  // opening it below with this app's schema runs any upgrade the rows need.
  const fresh = new Dexie(o.dbName)
  NotesDB.declareVersions(fresh, header.schemaVersion)
  const counts: Record<string, number> = {}
  try {
    await fresh.open()
    const names = new Set(fresh.tables.map((t) => t.name))
    for await (const chunk of readChunks(src, opened, keys, {
      signal: o.signal,
      onBytes: (bytes) => o.onProgress?.({ phase: 'read', done: bytes, total: src.size }),
    })) {
      if (!names.has(chunk.t)) {
        throw new BackupError(
          'malformed',
          `This backup holds a kind of record (“${chunk.t}”) this version of Cramp Clinic does not know. Nothing was changed.`,
        )
      }
      await fresh.table(chunk.t).bulkPut(chunk.r)
      counts[chunk.t] = (counts[chunk.t] ?? 0) + chunk.r.length
    }
    fresh.close()
    const ring = await deriveKeyRing(keys.dataKey)
    const upgraded = new NotesDB(o.dbName)
    // Rows sealed at rest open with the backup's own data key while they are checked.
    upgraded.keySource = () => ring
    try {
      await upgraded.open()
      await verifyRestored(upgraded, keys.dataKey, {
        signal: o.signal,
        onProgress: (done, total) => o.onProgress?.({ phase: 'check', done, total }),
      })
    } finally {
      upgraded.close()
    }
    if (o.signal?.aborted)
      throw new BackupError('cancelled', 'The restore was cancelled. Nothing was changed.')
    return { dbName: o.dbName, header, counts, dataKey: keys.dataKey }
  } catch (e) {
    fresh.close()
    await Dexie.delete(o.dbName).catch(() => undefined)
    if (e instanceof BackupError && e.code === 'cancelled') {
      throw new BackupError('cancelled', 'The restore was cancelled. Nothing was changed.')
    }
    throw e
  }
}
