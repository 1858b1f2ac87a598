import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'

/**
 * One test per schema version: data written by a database that only knows the versions up to
 * n - 1 must open with the current class and read back as the current model. With version 1 as
 * the only version, the test covers opening a version-1 database written by an earlier session.
 */
describe('schema versions', () => {
  it('declares version 1 with the indexes the screens rely on', async () => {
    const db = new NotesDB(`schema-${Math.random()}`)
    await db.open()
    expect(db.verno).toBe(1)
    const indexes = (t: string): string[] =>
      db
        .table(t)
        .schema.indexes.map((i) => i.name)
        .sort()
    expect(indexes('patients')).toEqual(['chartKey', 'dateOfBirth', 'listOrder', 'nameWords', 'updatedAt'])
    expect(indexes('visits')).toEqual(['[patientId+dateTime]', 'dateTime', 'patientId', 'updatedAt'])
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'handoutTemplates',
      'patients',
      'settings',
      'trash',
      'visits',
    ])
    db.close()
  })

  it('opens a database written by version 1 and keeps every record', async () => {
    const name = `schema-upgrade-${Math.random()}`
    const v1 = new Dexie(name)
    NotesDB.declareVersions(v1, 1)
    const old = new NotesRepository(v1 as NotesDB)
    const p = await old.createPatient({ ...emptyPatientInput(), name: 'Old Record' })
    const v = await old.createVisit(p.id, { note: 'written by version 1' })
    v1.close()

    const current = new NotesDB(name)
    const repo = new NotesRepository(current)
    expect((await repo.openVisit(v.id))?.visit.note).toBe('written by version 1')
    expect((await repo.findPatients('old'))[0]?.id).toBe(p.id)
    current.close()
  })
})
