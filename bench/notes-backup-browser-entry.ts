/**
 * Entry of the bundle notes-backup.bench.ts runs inside Chromium: the real format 2 export and
 * restore (streamed, encrypted, restored into a new database and verified) against real
 * IndexedDB, each beside a baseline doing the plainest same-size work (raw paged reads with
 * JSON.stringify; raw bulkPut of the same rows).
 */
import './zod-jitless'
import Dexie from 'dexie'
import { seedBatches } from '../scripts/seed-data'
import { NotesDB } from '../src/renderer/src/notes/db'
import { NotesRepository } from '../src/renderer/src/notes/repository'
import { toPatientRow, toVisitRow } from '../src/renderer/src/notes/rows'
import { exportEncrypted } from '../src/renderer/src/notes/backup/v2/service'
import { readHeader, type ByteSource } from '../src/renderer/src/notes/backup/v2/read'
import { restoreBackupV2 } from '../src/renderer/src/notes/backup/v2/restore'
import { backupTables, pagesOf } from '../src/renderer/src/notes/backup/v2/tables'
import { createDataKey, deriveKeyRing } from '../src/renderer/src/security/keyring'
import { RecoveryKey } from '../src/renderer/src/security/recovery'
import { wrapWithRecoveryKey } from '../src/renderer/src/security/wrap'

const SOURCE = 'cramp-clinic-bench-source'
let file: Blob | null = null
let recovery: RecoveryKey | null = null
let dataKey: CryptoKey | null = null

function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  }
}

const bench = {
  /** Sealed rows, as the app stores them since encryption at rest: the backup carries them as they lie. */
  async seed(patients: number, visits: number): Promise<{ ms: number; visits: number }> {
    dataKey = await createDataKey()
    const ring = await deriveKeyRing(dataKey)
    const db = new NotesDB(SOURCE)
    db.keySource = () => ring
    const t = performance.now()
    for (const batch of seedBatches({ patients, visits, batch: 500, history: 0 })) {
      await db.transaction('rw', db.patients, db.visits, db.history, async () => {
        await db.patients.bulkPut(batch.patients.map(toPatientRow))
        await db.visits.bulkPut(batch.visits.map(toVisitRow))
        await db.history.bulkPut(batch.history)
      })
    }
    recovery = RecoveryKey.generate()
    await db.table('clinicKeys').put({
      id: 'clinic',
      clinicName: 'Bench Clinic',
      createdAt: new Date().toISOString(),
      recoveryWrap: await wrapWithRecoveryKey(dataKey, recovery, 'clinic'),
    })
    const n = await db.visits.count()
    db.close()
    return { ms: performance.now() - t, visits: n }
  },

  /**
   * The patient list's first page (50, in list order) through the repository, rows unsealed, as
   * the app opens it; baseline: the same 50 rows read raw by Dexie, still sealed.
   */
  async firstPage(runs: number) {
    const ring = await deriveKeyRing(dataKey!)
    const db = new NotesDB(SOURCE)
    db.keySource = () => ring
    const repo = new NotesRepository(db)
    const raw = new Dexie(SOURCE)
    await raw.open()
    const page: number[] = []
    const rawMs: number[] = []
    let shown = 0
    for (let i = -2; i < runs; i++) {
      let t = performance.now()
      shown = (await repo.listPatients(0, 50)).patients.length
      if (i >= 0) page.push(performance.now() - t)
      t = performance.now()
      await raw.table('patients').orderBy('listOrder').reverse().limit(50).toArray()
      if (i >= 0) rawMs.push(performance.now() - t)
    }
    // The count the list shows after its first page (patientQueries.ts).
    const t = performance.now()
    const total = await repo.countPatients()
    const countMs = performance.now() - t
    db.close()
    raw.close()
    return { page, raw: rawMs, shown, total, countMs }
  },

  async exportV2(): Promise<{ ms: number; bytes: number }> {
    const parts: Blob[] = []
    const t = performance.now()
    const clinic = await (async () => {
      const db = new Dexie(SOURCE)
      await db.open()
      const c = await db.table('clinicKeys').get('clinic')
      db.close()
      return c
    })()
    await exportEncrypted(
      { write: async (d) => void parts.push(new Blob([d as Uint8Array<ArrayBuffer>])) },
      {
        dbName: SOURCE,
        actor: { id: 'bench', role: 'owner' },
        dataKey: dataKey!,
        clinic,
        appVersion: 'bench',
      },
    )
    const ms = performance.now() - t
    file = new Blob(parts)
    return { ms, bytes: file.size }
  },

  /** Baseline: every table read in the same pages and JSON.stringify'd, nothing kept. */
  async exportRaw(): Promise<{ ms: number; bytes: number }> {
    const db = new Dexie(SOURCE)
    await db.open()
    const t = performance.now()
    let bytes = 0
    for (const table of backupTables(db)) {
      for await (const page of pagesOf(table)) bytes += JSON.stringify(page).length
    }
    const ms = performance.now() - t
    db.close()
    return { ms, bytes }
  },

  async restoreV2(): Promise<{ ms: number; visits: number }> {
    const src = blobSource(file!)
    const opened = await readHeader(src)
    const name = `cramp-clinic-bench-restored-${Date.now()}`
    const t = performance.now()
    await restoreBackupV2(src, opened!, { recovery: recovery! }, { dbName: name })
    const ms = performance.now() - t
    const db = new NotesDB(name)
    const visits = await db.visits.count()
    db.close()
    await Dexie.delete(name)
    return { ms, visits }
  },

  /** Baseline: the same rows read in pages and bulkPut into a new database, no crypto, no checks. */
  async restoreRaw(): Promise<{ ms: number }> {
    const from = new Dexie(SOURCE)
    await from.open()
    const name = `cramp-clinic-bench-raw-${Date.now()}`
    const to = new NotesDB(name)
    await to.open()
    const t = performance.now()
    for (const table of backupTables(from)) {
      for await (const page of pagesOf(table)) await to.table(table.name).bulkPut(page)
    }
    const ms = performance.now() - t
    from.close()
    to.close()
    await Dexie.delete(name)
    return { ms }
  },
}

export type NotesBackupBench = typeof bench
;(window as unknown as { __backupBench: NotesBackupBench }).__backupBench = bench
