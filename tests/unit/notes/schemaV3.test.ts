import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'

/** Version 3 (issue 12) adds staff, signatures, addenda and the audit trail beside the notes. */
describe('schema version 3', () => {
  it('opens a database written by version 2: every record kept, the new tables empty', async () => {
    const name = `schema-v3-${Math.random()}`
    const v2 = new Dexie(name)
    NotesDB.declareVersions(v2, 2)
    await v2.open()
    const old = new NotesRepository(v2 as NotesDB)
    const patient = await old.createPatient({
      name: 'Written By Two',
      dateOfBirth: '1950-03-07',
      chartNumber: 'V2-1',
      phone: '',
      medicines: ['furosemide'],
      alerts: '',
    } as Parameters<NotesRepository['createPatient']>[0])
    const visit = await old.createVisit(patient.id, { note: 'kept across the upgrade' })
    await old.setSetting('autoLockMinutes', 7)
    v2.close()

    const current = new NotesDB(name)
    await current.open()
    expect(current.verno).toBeGreaterThanOrEqual(3)
    const repo = new NotesRepository(current)
    const opened = (await repo.openVisit(visit.id))!
    expect(opened.visit.note).toBe('kept across the upgrade')
    expect(opened.visit.rev).toBe(visit.rev)
    expect(opened.patient.name).toBe('Written By Two')
    expect(await repo.getSetting('autoLockMinutes')).toBe(7)
    for (const t of [
      'staff',
      'clinicKeys',
      'signInThrottle',
      'signatures',
      'addenda',
      'audit',
      'auditHead',
    ]) {
      expect(await current.table(t).count(), t).toBe(0)
    }
    expect(
      current
        .table('audit')
        .schema.indexes.map((i) => i.name)
        .sort(),
    ).toEqual(['[actorId+seq]', '[kind+seq]', '[patientId+seq]', 'at'])
    current.close()
  })
})
