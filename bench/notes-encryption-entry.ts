/**
 * Entry of the bundle notes-encryption.bench.ts runs inside Chromium: the same repository calls
 * on two databases seeded alike, one encrypted at rest (the app's row codec with a key ring) and
 * one not (the codec with no keys), so each figure has its unencrypted baseline from this run.
 */
import './zod-jitless'
import { patientId, seedBatches, visitId } from '../scripts/seed-data'
import { NotesDB } from '../src/renderer/src/notes/db'
import { NotesRepository } from '../src/renderer/src/notes/repository'
import { toPatientRow, toVisitRow } from '../src/renderer/src/notes/rows'
import { noteIndexFor } from '../src/renderer/src/notes/searchIndex'
import { createDataKey, deriveKeyRing, type KeyRing } from '../src/renderer/src/security/keyring'
import {
  unwrapWithPassphrase,
  wrapWithPassphrase,
  type PassphraseWrap,
} from '../src/renderer/src/security/wrap'

const PASSPHRASE = 'amber kettle violin harbour'
let ring: KeyRing | null = null
let wrap: PassphraseWrap | null = null
const dbs: Record<'sealed' | 'clear', NotesDB> = {
  sealed: new NotesDB('bench-sealed'),
  clear: new NotesDB('bench-clear'),
}

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
  async seed(which: 'sealed' | 'clear', patients: number, visits: number): Promise<number> {
    if (!ring) {
      const dataKey = await createDataKey()
      wrap = await wrapWithPassphrase(dataKey, PASSPHRASE, 'owner')
      ring = await deriveKeyRing(dataKey)
    }
    const db = dbs[which]
    const r = ring
    db.keySource = which === 'sealed' ? () => r : null
    const t = performance.now()
    for (const batch of seedBatches({ patients, visits, batch: 500 })) {
      await db.transaction('rw', db.patients, db.visits, async () => {
        await db.patients.bulkPut(batch.patients.map(toPatientRow))
        await db.visits.bulkPut(batch.visits.map(toVisitRow))
      })
    }
    return performance.now() - t
  },

  async measure(which: 'sealed' | 'clear', patients: number, visits: number, queries: string[]) {
    const pick = (i: number, n: number): number => Math.abs((i * 7919 + 13) % n)
    const db = dbs[which]
    // Sign-in to usable: the passphrase unwraps the data key (Argon2id), the keys are derived,
    // and the first screen's reads (the patient list's first page, a visit) are served.
    const unlock = await times(5, async (i) => {
      const dataKey = await unwrapWithPassphrase(wrap!, PASSPHRASE, 'owner')
      const r = await deriveKeyRing(dataKey)
      db.keySource = which === 'sealed' ? () => r : null
      const repo = new NotesRepository(db)
      await repo.listPatients(0, 50)
      await repo.openVisit(visitId(pick(i, visits)))
    })
    const repo = new NotesRepository(db)
    const openVisit = await times(40, (i) => repo.openVisit(visitId(pick(i, visits))))
    const visitsOfPatient = await times(20, (i) => repo.visitsOf(patientId(pick(i, patients))))
    const findPatient = await times(20, (i) =>
      repo.findPatients(['smi', 'müller', 'C00123', '1950-03-07'][Math.abs(i) % 4]!),
    )
    const id = visitId(pick(3, visits))
    let rev = (await repo.getVisit(id))!.rev
    const save = await times(30, async (i) => {
      rev = (await repo.update('visit', id, rev, { note: `Edited note number ${i}: calf stretch reviewed.` }))
        .rev
    })
    const index = noteIndexFor(db)
    index.reset()
    const t0 = performance.now()
    await index.ready()
    const indexBuild = performance.now() - t0
    const search: number[] = []
    for (const q of queries) search.push(...(await times(10, () => repo.searchNotes(q, 20))))
    return { unlock, openVisit, visitsOfPatient, findPatient, save, indexBuild, search }
  },
}

;(window as unknown as { __encBench: typeof bench }).__encBench = bench
export type EncryptionBench = typeof bench
