/**
 * Entry of the bundle notes-encryption.bench.ts runs inside Chromium: the same repository calls
 * on two databases seeded alike, one encrypted at rest (the app's row codec with a key ring) and
 * one not (the codec with no keys), so each figure has its unencrypted baseline from this run.
 * Each has a clinic set up as the app does (encryption-clinic.ts), so unlock is the real sign-in.
 */
import './zod-jitless'
import { patientId, seedBatches, visitId } from '../scripts/seed-data'
import { NotesDB } from '../src/renderer/src/notes/db'
import { toPatientRow, toVisitRow } from '../src/renderer/src/notes/rows'
import { discardSnapshot } from '../src/renderer/src/notes/searchSnapshot'
import { unwrapWithPassphrase } from '../src/renderer/src/security/wrap'
import { PASSPHRASE, setUpClinic, type BenchClinic } from './encryption-clinic'

type Which = 'sealed' | 'clear'
const dbs: Record<Which, NotesDB> = {
  sealed: new NotesDB('bench-sealed'),
  clear: new NotesDB('bench-clear'),
}
const clinics: Partial<Record<Which, BenchClinic>> = {}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Locks, after what the last unlock started in the background has finished (a person works for
 * a while between two unlocks), or after `capMs` of it (a full read of every visit is cut off
 * by the lock); then lets the read under way end before the next unlock is timed.
 */
async function relock(c: BenchClinic, capMs = 20_000): Promise<void> {
  if (capMs > 0) await Promise.race([c.index.ready().catch(() => undefined), pause(capMs)])
  await c.auth.lock()
  await pause(2000)
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
    const db = dbs[which]
    clinics[which] = await setUpClinic(db, which === 'sealed')
    const t = performance.now()
    for (const batch of seedBatches({ patients, visits, batch: 500 })) {
      await db.transaction('rw', db.patients, db.visits, async () => {
        await db.patients.bulkPut(batch.patients.map(toPatientRow))
        await db.visits.bulkPut(batch.visits.map(toVisitRow))
      })
    }
    return performance.now() - t
  },

  async measure(which: Which, patients: number, visits: number, queries: string[]) {
    const pick = (i: number, n: number): number => Math.abs((i * 7919 + 13) % n)
    const c = clinics[which]!
    const { repo, auth, ownerId } = c
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

    // Unlock to the first note search, the index read whole (no snapshot yet, or unencrypted).
    const signIn = () => auth.signIn(ownerId, PASSPHRASE)
    await discardSnapshot(dbs[which].name)
    await relock(c, 0)
    let t0 = performance.now()
    await signIn()
    await repo.searchNotes(queries[0]!, 20)
    const searchAfterFullBuild = performance.now() - t0
    const search: number[] = []
    for (const q of queries) search.push(...(await times(10, () => repo.searchNotes(q, 20))))

    // The same from the sealed snapshot (written a few seconds after a build in the app).
    const searchAfterSnapshot: number[] = []
    const snapshotParts: string[] = []
    if (await c.index.saveSnapshot()) {
      for (let i = 0; i < 5; i++) {
        await relock(c)
        t0 = performance.now()
        await signIn()
        const t1 = performance.now()
        await repo.searchNotes(queries[i % queries.length]!, 20)
        const t2 = performance.now()
        searchAfterSnapshot.push(t2 - t0)
        // The check that follows in the background (searchWarmStart.ts, changedUnseen).
        await c.index.settled()
        const parts = [t1 - t0, t2 - t1, performance.now() - t2].map(Math.round)
        snapshotParts.push(`${parts[0]}+${parts[1]} (checked ${parts[2]} later)`)
        if (c.index.lastStart !== 'snapshot') throw new Error('the index did not start from its snapshot')
      }
    }

    // Unlock as the person waits for it: passphrase submitted -> signed in (Argon2id, keys, staff
    // seal, audit) -> the screen they come back to read (the list's first page and a visit).
    // Whatever the unlock starts in the background runs on while the next screen is used.
    const unlockRun = (eager: boolean) => async (i: number) => {
      c.eager = eager
      // The clear baseline has no snapshot: its background read is cut short rather than awaited.
      await relock(c, which === 'sealed' ? 20_000 : 3000)
      // The screens show and read as soon as the state says unlocked (AuthGate follows it);
      // sign-in's own audit entry is written meanwhile.
      const screen = new Promise<unknown>((resolve) => {
        const off = auth.subscribe((s) => {
          if (s.phase !== 'unlocked') return
          off()
          resolve(Promise.all([repo.listPatients(0, 50), repo.openVisit(visitId(pick(i, visits)))]))
        })
      })
      const t = performance.now()
      const signing = signIn()
      await screen
      const ms = performance.now() - t
      await signing
      // Let the deferred background work start before the next lock.
      await pause(2500)
      return ms
    }
    const unlock: number[] = []
    for (let i = 0; i < 9; i++) unlock.push(await unlockRun(false)(i))
    const unlockEager: number[] = []
    for (let i = 0; i < 3; i++) unlockEager.push(await unlockRun(true)(i))
    c.eager = false
    const member = (await auth.opts.store.staffMember(ownerId))!
    const kdf = await times(5, () => unwrapWithPassphrase(member.wrap!, PASSPHRASE, ownerId))
    return {
      unlock,
      unlockEager,
      kdf,
      openVisit,
      visitsOfPatient,
      findPatient,
      save,
      searchAfterFullBuild,
      searchAfterSnapshot,
      snapshotParts,
      search,
    }
  },
}

;(window as unknown as { __encBench: typeof bench }).__encBench = bench
export type EncryptionBench = typeof bench
