/**
 * Entry of the bundle notes.bench.ts runs inside Chromium on the app's origin: the real
 * repository, search and backup code against real IndexedDB, timed with performance.now(), each
 * figure beside a baseline doing the same work the plainest way on the same data.
 */
import './zod-jitless'
import { seedBatches } from '../scripts/seed-data'
import { applyBackup, exportBackup, readBackup, type BackupData } from '../src/renderer/src/notes/backup'
import { BACKUP_TABLES, NotesDB } from '../src/renderer/src/notes/db'
import { NotesRepository } from '../src/renderer/src/notes/repository'
import { toPatientRow, toVisitRow } from '../src/renderer/src/notes/rows'
import { searchNotes } from '../src/renderer/src/notes/search'
import { noteIndexFor } from '../src/renderer/src/notes/searchIndex'
import { fold, isIndexed, words } from '../src/renderer/src/notes/text'
import { patientId, visitId } from '../scripts/seed-data'

const db = new NotesDB()
const repo = new NotesRepository(db)
let exported: Uint8Array | null = null
let parsedData: BackupData | null = null

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

async function once(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

const bench = {
  async seed(
    patients: number,
    visits: number,
    history: number,
  ): Promise<{ ms: number; patients: number; visits: number; versions: number }> {
    const t = performance.now()
    for (const batch of seedBatches({ patients, visits, batch: 500, history })) {
      await db.transaction('rw', db.patients, db.visits, db.history, async () => {
        await db.patients.bulkPut(batch.patients.map(toPatientRow))
        await db.visits.bulkPut(batch.visits.map(toVisitRow))
        await db.history.bulkPut(batch.history)
      })
    }
    return {
      ms: performance.now() - t,
      patients: await db.patients.count(),
      visits: await db.visits.count(),
      versions: await db.history.count(),
    }
  },

  async measure(patients: number, visits: number, queries: string[]) {
    const pick = (i: number, n: number): number => Math.abs((i * 7919 + 13) % n)
    const listFirstPage = await times(20, () => repo.listPatients(0, 50))
    const findPatient = await times(20, (i) =>
      repo.findPatients(['smi', 'müller', 'C00123', '1950-03-07'][Math.abs(i) % 4]!),
    )
    const openVisit = await times(40, (i) => repo.openVisit(visitId(pick(i, visits))))
    const openVisitRaw = await times(40, async (i) => {
      const v = await db.visits.get(visitId(pick(i, visits)))
      return db.patients.get(v!.patientId)
    })
    const visitsOfPatient = await times(20, (i) => repo.visitsOf(patientId(pick(i, patients))))
    const history = await times(40, (i) => repo.historyOf(visitId(pick(i + 7, visits))))
    const historyRaw = await times(40, (i) =>
      db.history
        .where('[recordId+savedAt]')
        .between([visitId(pick(i + 7, visits)), ''], [visitId(pick(i + 7, visits)), '\uffff'])
        .toArray(),
    )
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
    // Baseline: the plainest search, a scan of every visit in IndexedDB for the same words.
    const scanTerms = words(queries[0]!).filter(isIndexed)
    const searchScan = await times(2, async () => {
      // toArray, not a cursor: the row codec (notes/sealMiddleware.ts) opens rows only that way.
      const hits = (await db.visits.toArray()).filter((v) =>
        scanTerms.every((t) => v.words.some((w) => w.startsWith(fold(t)))),
      )
      return hits.sort((x, y) => (x.dateTime < y.dateTime ? 1 : -1)).slice(0, 20)
    })

    // Saves: within one stretch of typing (coalesced), and each keeping the version it replaces.
    const id = visitId(pick(3, visits))
    let rev = (await repo.getVisit(id))!.rev
    const save = await times(30, async (i) => {
      const v = await repo.update('visit', id, rev, {
        note: `Edited note number ${i}: calf stretch reviewed.`,
      })
      rev = v.rev
    })
    const saveKeeping = await times(30, async (i) => {
      const v = await repo.update(
        'visit',
        id,
        rev,
        { note: `Second stretch ${i}: calf stretch reviewed.` },
        { newRun: true },
      )
      rev = v.rev
    })
    const row = (await db.visits.get(id))!
    const saveRaw = await times(30, (i) =>
      db.transaction('rw', db.visits, () => db.visits.put({ ...row, note: `Raw put ${i}` })),
    )
    return {
      listFirstPage,
      findPatient,
      openVisit,
      openVisitRaw,
      visitsOfPatient,
      history,
      historyRaw,
      indexBuild,
      search,
      searchScan,
      save,
      saveKeeping,
      saveRaw,
    }
  },

  async exportAll(): Promise<{
    ms: number
    verifyMs: number
    rawMs: number
    bytes: number
    heapMB: number | null
  }> {
    const heap = (): number | null => {
      const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
      return mem ? mem.usedJSHeapSize / 1048576 : null
    }
    const ms = await once(async () => {
      exported = (await exportBackup(db, { appVersion: 'bench' })).bytes
    })
    // Right after the checked export, before the baseline below builds its own copy in memory.
    const heapMB = heap()
    // Same export without the restore's own check of the file, to show what the check costs.
    const unchecked = await once(() => exportBackup(db, { appVersion: 'bench', verify: false }))
    // Baseline: every table read and turned into JSON text, nothing else.
    const rawMs = await once(async () => {
      const all: Record<string, unknown[]> = {}
      for (const t of BACKUP_TABLES) all[t] = await db.table(t).toArray()
      new TextEncoder().encode(JSON.stringify(all))
    })
    return { ms, verifyMs: ms - unchecked, rawMs, bytes: exported!.length, heapMB }
  },

  async restoreAll(): Promise<{
    readMs: number
    parseMs: number
    applyMs: number
    rawMs: number
    visits: number
  }> {
    if (!exported) throw new Error('export first')
    // Baseline of the validation: only decoding and parsing the same bytes, checked for nothing.
    const bytes = exported
    const parseMs = await once(async () => void JSON.parse(new TextDecoder().decode(bytes)))
    let parsed!: Awaited<ReturnType<typeof readBackup>>
    const readMs = await once(async () => {
      parsed = await readBackup(exported!)
    })
    parsedData = parsed.data
    const applyMs = await once(() => applyBackup(repo.ctx, parsed, 'replace'))
    exported = null
    return { readMs, parseMs, applyMs, rawMs: await bench.rawRestore(), visits: await db.visits.count() }
  },

  /** Baseline: the same records put back with plain Dexie bulkPut in one transaction. */
  async rawRestore(): Promise<number> {
    const data = parsedData!
    return once(() =>
      db.transaction('rw', [db.patients, db.visits, db.history, db.trash, db.handouts], async () => {
        await Promise.all([db.patients.clear(), db.visits.clear(), db.history.clear()])
        await db.patients.bulkPut(data.patients.map(toPatientRow))
        for (let i = 0; i < data.visits.length; i += 2000) {
          await db.visits.bulkPut(data.visits.slice(i, i + 2000).map(toVisitRow))
        }
        for (let i = 0; i < data.history.length; i += 2000)
          await db.history.bulkPut(data.history.slice(i, i + 2000))
      }),
    )
  },
}

;(window as unknown as { __notesBench: typeof bench }).__notesBench = bench
export type NotesBench = typeof bench
