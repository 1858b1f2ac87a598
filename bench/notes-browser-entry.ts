/**
 * Entry of the bundle notes.bench.ts runs inside Chromium on the app's origin: the real
 * repository, search and backup code against real IndexedDB, timed with performance.now().
 */
import './zod-jitless'
import { seedBatches } from '../scripts/seed-data'
import { applyBackup, exportBackup, readBackup } from '../src/renderer/src/notes/backup'
import { NotesDB } from '../src/renderer/src/notes/db'
import { NotesRepository } from '../src/renderer/src/notes/repository'
import { toPatientRow, toVisitRow } from '../src/renderer/src/notes/rows'
import { searchNotes } from '../src/renderer/src/notes/search'
import { noteIndexFor } from '../src/renderer/src/notes/searchIndex'
import { patientId, visitId } from '../scripts/seed-data'

const db = new NotesDB()
const repo = new NotesRepository(db)
let exported: Uint8Array | null = null

async function times(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  await fn(-1)
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    out.push(performance.now() - t)
  }
  return out
}

const bench = {
  async seed(patients: number, visits: number): Promise<{ ms: number; patients: number; visits: number }> {
    const t = performance.now()
    for (const batch of seedBatches({ patients, visits, batch: 500 })) {
      await db.transaction('rw', db.patients, db.visits, async () => {
        await db.patients.bulkPut(batch.patients.map(toPatientRow))
        await db.visits.bulkPut(batch.visits.map(toVisitRow))
      })
    }
    return { ms: performance.now() - t, patients: await db.patients.count(), visits: await db.visits.count() }
  },

  async measure(patients: number, visits: number, queries: string[]) {
    const pick = (i: number, n: number): number => Math.abs((i * 7919 + 13) % n)
    const listFirstPage = await times(20, () => repo.listPatients(0, 50))
    const findPatient = await times(20, (i) =>
      repo.findPatients(['smi', 'müller', 'C00123', '1950-03-07'][Math.abs(i) % 4]!),
    )
    const openVisit = await times(40, (i) => repo.openVisit(visitId(pick(i, visits))))
    const visitsOfPatient = await times(20, (i) => repo.visitsOf(patientId(pick(i, patients))))
    const t0 = performance.now()
    await noteIndexFor(db).ready()
    const indexBuild = performance.now() - t0
    const search = []
    for (const q of queries) {
      let total = 0
      const ms = await times(10, async () => {
        total = (await searchNotes(db, q, 20)).total
      })
      search.push({ q, ms, total })
    }
    const id = visitId(pick(3, visits))
    let rev = (await repo.getVisit(id))!.rev
    const save = await times(30, async (i) => {
      const v = await repo.update('visit', id, rev, {
        note: `Edited note number ${i}: calf stretch reviewed.`,
      })
      rev = v.rev
    })
    return { listFirstPage, findPatient, openVisit, visitsOfPatient, indexBuild, search, save }
  },

  async exportAll(): Promise<{ ms: number; bytes: number; heapMB: number | null }> {
    const t = performance.now()
    const b = await exportBackup(db, { appVersion: 'bench' })
    const ms = performance.now() - t
    exported = b.bytes
    const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
    return { ms, bytes: b.bytes.length, heapMB: mem ? mem.usedJSHeapSize / 1048576 : null }
  },

  async restoreAll(): Promise<{ readMs: number; applyMs: number; visits: number }> {
    if (!exported) throw new Error('export first')
    const t = performance.now()
    const parsed = await readBackup(exported)
    const readMs = performance.now() - t
    const t2 = performance.now()
    await applyBackup(repo.ctx, parsed, 'replace')
    const applyMs = performance.now() - t2
    exported = null
    return { readMs, applyMs, visits: await db.visits.count() }
  },
}

;(window as unknown as { __notesBench: typeof bench }).__notesBench = bench
export type NotesBench = typeof bench
