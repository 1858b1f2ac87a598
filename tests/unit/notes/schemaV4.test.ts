import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { encryptInPlace, encryptionState } from '../../../src/renderer/src/notes/encryptInPlace'
import { firstVersion } from '../../../src/renderer/src/notes/version'
import { testRing } from './helpers'

const AT = '2026-01-10T09:00:00.000Z'
const by = { device: 'd', window: 'w', authorId: null }

/** Rows exactly as schema version 3 stored them: every field in clear, clear index keys. */
function legacyPatient(i: number) {
  return {
    id: `p${i}`,
    name: `Legacy Person${i}`,
    dateOfBirth: '1940-02-0' + ((i % 9) + 1),
    chartNumber: `OLD-${i}`,
    phone: '',
    medicines: ['oldmedicine'],
    alerts: '',
    feetAtRisk: false,
    lastVisitAt: AT,
    createdAt: AT,
    updatedAt: AT,
    ...firstVersion(by, AT),
    nameWords: ['legacy', `person${i}`],
    chartKey: `old-${i}`,
    listOrder: AT,
  }
}

function legacyVisit(i: number) {
  return {
    id: `v${i}`,
    patientId: `p${i}`,
    dateTime: AT,
    reason: 'old reason',
    note: `ancientword${i} written before encryption`,
    findings: [],
    causeIds: [],
    plan: '',
    followUpDate: '',
    createdAt: AT,
    updatedAt: AT,
    ...firstVersion(by, AT),
    words: ['old', 'reason', `ancientword${i}`, 'written', 'before', 'encryption'],
  }
}

async function raw(name: string, table: string): Promise<Record<string, unknown>[]> {
  const db = new Dexie(name)
  await db.open()
  const rows = await db.table(table).toArray()
  db.close()
  return rows
}

/** Version 4 (issue 13): records encrypted at rest, patients found by keyed tokens. */
describe('schema version 4', () => {
  it('opens a version 3 database, reads it half encrypted, and the encryption resumes', async () => {
    const name = `schema-v4-${Math.random()}`
    const v3 = new Dexie(name)
    NotesDB.declareVersions(v3, 3)
    await v3.open()
    await v3.table('patients').bulkAdd([1, 2, 3, 4, 5].map(legacyPatient))
    await v3.table('visits').bulkAdd([1, 2, 3, 4, 5].map(legacyVisit))
    v3.close()

    const db = new NotesDB(name)
    db.keySource = () => testRing
    await db.open()
    expect(db.verno).toBe(4)
    expect(await encryptionState(db)).toEqual({ state: 'pending' })
    const repo = new NotesRepository(db)
    // Clear rows read as they are, found through the clear indexes they still have.
    expect((await repo.findPatients('person3')).map((p) => p.id)).toEqual(['p3'])
    expect((await repo.getVisit('v2'))?.note).toBe('ancientword2 written before encryption')

    // A crash (here: a stop) after the first batch of two patients.
    let batches = 0
    const first = await encryptInPlace(db, { batch: 2, shouldStop: () => batches++ >= 1 })
    expect(first.finished).toBe(false)
    const half = await raw(name, 'patients')
    expect(half.filter((r) => r.sealed instanceof Uint8Array).map((r) => r.id)).toEqual(['p1', 'p2'])
    expect(half.filter((r) => 'nameWords' in r).map((r) => r.id)).toEqual(['p3', 'p4', 'p5'])
    // Half way, everything still reads and is found, sealed or not.
    for (const i of [1, 2, 3, 4, 5]) {
      expect((await repo.findPatients(`person${i}`)).map((p) => p.id)).toEqual([`p${i}`])
      expect((await repo.findPatients(`old-${i}`)).map((p) => p.id)).toEqual([`p${i}`])
    }
    expect((await repo.findPatients('legacy')).length).toBe(5)
    expect((await repo.listPatients()).patients.map((p) => p.name).sort()).toEqual(
      [1, 2, 3, 4, 5].map((i) => `Legacy Person${i}`),
    )
    // An edit made meanwhile is sealed at once and not undone by the encryption going on.
    const p4 = (await repo.getPatient('p4'))!
    await repo.update('patient', 'p4', p4.rev, { phone: '0100 4' })
    expect((await encryptionState(db)).state).toBe('pending')

    // The next start goes on from where it stopped.
    const seen: number[] = []
    const rest = await encryptInPlace(db, { batch: 2, onProgress: (p) => seen.push(p.done) })
    expect(rest.finished).toBe(true)
    expect(seen.at(-1)).toBe(rest.total)
    expect((await encryptionState(db)).state).toBe('done')
    for (const table of ['patients', 'visits']) {
      for (const row of await raw(name, table)) {
        expect(row.sealed, `${table} ${String(row.id)}`).toBeInstanceOf(Uint8Array)
        expect(row).not.toHaveProperty('nameWords')
        expect(row).not.toHaveProperty('note')
        expect(row).not.toHaveProperty('words')
      }
    }
    expect((await repo.getPatient('p4'))?.phone).toBe('0100 4')
    expect((await repo.getPatient('p4'))?.rev).not.toBe(p4.rev)
    expect((await repo.findPatients('person5')).map((p) => p.id)).toEqual(['p5'])
    expect((await repo.findPatients('02/02/1940')).map((p) => p.id)).toEqual(['p1'])
    expect((await repo.searchNotes('ancientword4')).hits.map((h) => h.visit.id)).toEqual(['v4'])
    // Done stays done.
    expect((await encryptInPlace(db)).finished).toBe(true)
    // A restore copies this database's settings into one of another name, rows in clear: there
    // the state reads as pending, so its rows get sealed too.
    const copy = new NotesDB(`${name}-restored`)
    copy.keySource = () => testRing
    await copy.settings.put((await db.settings.get('encryptionAtRest'))!)
    expect((await encryptionState(copy)).state).toBe('pending')
    copy.close()
    db.close()
  })
})
