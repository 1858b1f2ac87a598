import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { encryptInPlace, ENCRYPTION_STATE_KEY } from '../../../src/renderer/src/notes/encryptInPlace'
import { firstVersion } from '../../../src/renderer/src/notes/version'
import { testRing } from './helpers'

const AT = '2026-01-10T09:00:00.000Z'
const by = { device: 'd', window: 'w', authorId: null }
const CLEAR_INDEXES = ['nameWords', 'chartKey', 'dateOfBirth']

/** A patient row exactly as schema version 3 stored it: every field and index key in clear. */
function legacyPatient(i: number) {
  return {
    id: `p${i}`,
    name: `Rowena Quillfeather${i}`,
    dateOfBirth: `1951-03-1${i}`,
    chartNumber: `CH-${i}`,
    phone: '',
    medicines: [],
    alerts: '',
    feetAtRisk: false,
    lastVisitAt: AT,
    createdAt: AT,
    updatedAt: AT,
    ...firstVersion(by, AT),
    nameWords: ['rowena', `quillfeather${i}`],
    chartKey: `ch-${i}`,
    listOrder: AT,
  }
}

/** The indexes IndexedDB itself holds on the patients store (not what Dexie was told). */
function rawIndexes(name: string): Promise<{ version: number; indexes: string[] }> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name)
    req.onerror = () => reject(req.error)
    req.onsuccess = () => {
      const idb = req.result
      const store = idb.transaction('patients', 'readonly').objectStore('patients')
      const out = { version: idb.version / 10, indexes: [...store.indexNames].sort() }
      idb.close()
      resolve(out)
    }
  })
}

/** A database as schema version 3 left it, with five patients in clear. */
async function legacyDatabase(name: string): Promise<void> {
  const v3 = new Dexie(name)
  NotesDB.declareVersions(v3, 3)
  await v3.open()
  await v3.table('patients').bulkAdd([1, 2, 3, 4, 5].map(legacyPatient))
  v3.close()
}

async function openSealed(name: string): Promise<NotesDB> {
  const db = new NotesDB(name)
  db.keySource = () => testRing
  await db.open()
  return db
}

async function expectAllFound(db: NotesDB): Promise<void> {
  const repo = new NotesRepository(db)
  for (const i of [1, 2, 3, 4, 5]) {
    const ids = async (q: string) => (await repo.findPatients(q)).map((p) => p.id)
    expect(await ids(`quillfeather${i}`), `name ${i}`).toEqual([`p${i}`])
    expect(await ids(`CH-${i}`), `chart ${i}`).toEqual([`p${i}`])
    expect(await ids(`1${i}/03/1951`), `birth date ${i}`).toEqual([`p${i}`])
  }
  expect(await new NotesRepository(db).findPatients('rowena')).toHaveLength(5)
}

/** Version 5 (issue 13): the clear indexes go, but only once every row is sealed. */
describe('schema version 5', () => {
  it('a version 3 database stays at 4 until sealed, then drops the clear indexes and finds everyone', async () => {
    const name = `schema-v5-${Math.random()}`
    await legacyDatabase(name)

    // Opened with rows in clear: version 4, clear indexes kept, and found through them.
    let db = await openSealed(name)
    expect(db.verno).toBe(4)
    await expectAllFound(db)
    // Half sealed, then the app closes: the next start still may not drop the indexes.
    let batches = 0
    await encryptInPlace(db, { batch: 2, shouldStop: () => batches++ >= 1 })
    db.close()
    db = await openSealed(name)
    expect(db.verno).toBe(4)
    expect((await rawIndexes(name)).indexes).toEqual(expect.arrayContaining(CLEAR_INDEXES))
    await expectAllFound(db)
    expect((await encryptInPlace(db)).finished).toBe(true)
    await expectAllFound(db)
    db.close()

    // The start after the encryption finished upgrades.
    db = await openSealed(name)
    expect(db.verno).toBe(5)
    const raw = await rawIndexes(name)
    expect(raw.version).toBe(5)
    for (const index of CLEAR_INDEXES) expect(raw.indexes).not.toContain(index)
    expect(raw.indexes).toEqual(['chartTokens', 'dobToken', 'listOrder', 'nameTokens', 'updatedAt'])
    await expectAllFound(db)
    db.close()
  })

  it('a copy carrying another database’s "done" stays at 4 (a restore of a version 4 backup)', async () => {
    const name = `schema-v5-copy-${Math.random()}`
    const v4 = new Dexie(name)
    NotesDB.declareVersions(v4, 4)
    await v4.open()
    await v4.table('patients').bulkAdd([1, 2, 3, 4, 5].map(legacyPatient))
    await v4.table('settings').put({
      key: ENCRYPTION_STATE_KEY,
      value: { state: 'done', at: AT, db: 'cramp-clinic' },
      updatedAt: AT,
    })
    v4.close()
    const db = await openSealed(name)
    expect(db.verno).toBe(4)
    await expectAllFound(db)
    db.close()
  })

  it('a window still open at 4 while another upgrades to 5 goes on working, at 5', async () => {
    const name = `schema-v5-windows-${Math.random()}`
    await legacyDatabase(name)
    // The first window opens at 4 and finishes the encryption; it stays open.
    const first = await openSealed(name)
    expect(first.verno).toBe(4)
    expect((await encryptInPlace(first)).finished).toBe(true)
    // A second window starts now: it may upgrade, and the first is asked to let go.
    const second = await openSealed(name)
    expect(second.verno).toBe(5)
    // The first window's next read reopens it, at 5, and finds everyone through the tokens.
    await expectAllFound(first)
    expect(first.verno).toBe(5)
    const repo = new NotesRepository(first)
    const written = await repo.createPatient({ ...legacyPatient(9), name: 'Later Person', medicines: [] })
    expect((await new NotesRepository(second).findPatients('later')).map((p) => p.id)).toEqual([written.id])
    first.close()
    second.close()
  })

  it('tables taken before the open keep working after the upgrade to 5', async () => {
    const name = `schema-v5-tables-${Math.random()}`
    const db = new NotesDB(name)
    db.keySource = () => testRing
    const settings = db.settings
    const staff = db.table('staff')
    await settings.put({ key: 'x', value: 1, updatedAt: AT })
    expect(db.verno).toBe(5)
    expect(await settings.get('x')).toMatchObject({ value: 1 })
    expect(await staff.count()).toBe(0)
    expect(db.settings).toBe(settings)
    db.close()
  })
})
