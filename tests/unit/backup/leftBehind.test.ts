import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { listSetAside } from '../../../src/renderer/src/notes/backup/setAside'
import { DatabaseRegistry } from '../../../src/renderer/src/notes/backup/databaseRegistry'
import { snapshotDatabaseName } from '../../../src/renderer/src/notes/searchSnapshot'
import { noteIndexFor } from '../../../src/renderer/src/notes/searchIndex'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { RecoveryKey } from '../../../src/renderer/src/security/recovery'
import { clinicWithRecords, exportToBytes, freshProfile, restore, type Clinic } from './v2helpers'

const words = (c: Clinic) => ({ recovery: RecoveryKey.fromWords(c.words) })

async function entry(name: string) {
  const registry = new DatabaseRegistry()
  try {
    return await registry.databases.get(name)
  } finally {
    registry.close()
  }
}

describe('what a restore leaves of the database it replaced', () => {
  it('a clinic replaced by its backup is set aside and listed; its search snapshot is deleted', async () => {
    const c = await clinicWithRecords()
    const index = noteIndexFor(c.db, { saveDelayMs: 3_600_000 })
    await new NotesRepository(c.db).searchNotes('marigold', 5)
    expect(await index.saveSnapshot()).toBe(true)
    expect(await Dexie.exists(snapshotDatabaseName(c.db.name))).toBe(true)
    const bytes = await exportToBytes(c)
    c.db.close()

    const { dbName } = await restore(bytes, words(c), { current: c.db.name, actor: c.owner })

    expect(await Dexie.exists(c.db.name), 'the records from before are kept').toBe(true)
    expect((await listSetAside()).map((d) => d.name)).toContain(c.db.name)
    expect(await Dexie.exists(snapshotDatabaseName(c.db.name)), 'the old snapshot is gone').toBe(false)
    expect(await Dexie.exists(dbName)).toBe(true)
  })

  it('an empty fresh install replaced by a restore is deleted, not listed for the owner', async () => {
    const c = await clinicWithRecords()
    const bytes = await exportToBytes(c)
    const fresh = await freshProfile()

    const { dbName } = await restore(bytes, words(c), { current: fresh })

    expect(await Dexie.exists(fresh)).toBe(false)
    expect((await listSetAside()).map((d) => d.name)).not.toContain(fresh)
    expect(await entry(fresh)).toMatchObject({
      setAsideAt: expect.any(String),
      removedAt: expect.any(String),
    })
    expect(await entry(dbName)).toMatchObject({ completedAt: expect.any(String) })
  })

  it('a database with records but no clinic (from before sign-in existed) is set aside, not deleted', async () => {
    const c = await clinicWithRecords()
    const bytes = await exportToBytes(c)
    const legacy = await freshProfile()
    const db = new Dexie(legacy)
    await db.open()
    await db.table('trash').put({ id: 't1', kind: 'visit', deletedAt: '2026-01-01T00:00:00.000Z' })
    db.close()

    await restore(bytes, words(c), { current: legacy })

    expect(await Dexie.exists(legacy)).toBe(true)
    expect((await listSetAside()).map((d) => d.name)).toContain(legacy)
  })
})
