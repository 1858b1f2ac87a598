import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { ConflictError, MissingRecordError, ValidationError } from '../../../src/renderer/src/notes/errors'
import { parseTypedDate } from '../../../src/renderer/src/notes/dates'
import { emptyPatientInput, isValidDateOfBirth } from '../../../src/renderer/src/notes/model'
import { exportBackup, restoreBackup } from '../../../src/renderer/src/notes/backup'
import { freshRepo } from './helpers'

const ann = { ...emptyPatientInput(), name: 'Ann Müller', dateOfBirth: '1950-03-07', chartNumber: 'AB-12' }

describe('patients', () => {
  it('creates, reads and lists by last visit, newest first', async () => {
    const { repo } = freshRepo()
    const a = await repo.createPatient(ann)
    const b = await repo.createPatient({ ...emptyPatientInput(), name: 'Bob Stone' })
    const c = await repo.createPatient({ ...emptyPatientInput(), name: 'Cy Oak' })
    await repo.createVisit(a.id, { dateTime: '2026-11-20T10:00:00.000Z' })
    await repo.createVisit(b.id, { dateTime: '2025-01-01T10:00:00.000Z' })
    const page = await repo.listPatients(0, 10)
    expect(await repo.countPatients()).toBe(3)
    // c has no visit: it sorts by its creation time (today), above the older visits.
    expect(page.patients.map((p) => p.name)).toEqual(['Cy Oak', 'Ann Müller', 'Bob Stone'])
    expect((await repo.getPatient(a.id))?.lastVisitAt).toBe('2026-11-20T10:00:00.000Z')
    expect(c.lastVisitAt).toBeNull()
    const second = await repo.listPatients(1, 1)
    expect(second.patients.map((p) => p.name)).toEqual(['Ann Müller'])
  })

  it('requires a name and a real past date of birth', async () => {
    const { repo } = freshRepo()
    await expect(repo.createPatient({ ...ann, name: '   ' })).rejects.toBeInstanceOf(ValidationError)
    await expect(repo.createPatient({ ...ann, dateOfBirth: '1950-02-30' })).rejects.toThrow(/real date/)
    await expect(repo.createPatient({ ...ann, dateOfBirth: '2999-01-01' })).rejects.toThrow(/past/)
    expect(isValidDateOfBirth('2000-02-29')).toBe(true)
    expect(isValidDateOfBirth('1900-02-29')).toBe(false)
    expect(isValidDateOfBirth('')).toBe(false)
    const ok = await repo.createPatient({ ...ann, dateOfBirth: '' })
    expect(ok.dateOfBirth).toBe('')
  })

  it('finds patients by any name word, chart number or date of birth', async () => {
    const { repo } = freshRepo()
    const a = await repo.createPatient(ann)
    await repo.createPatient({ ...emptyPatientInput(), name: 'Muller Jones', chartNumber: 'zz-1' })
    const names = async (q: string): Promise<string[]> =>
      (await repo.findPatients(q)).map((p) => p.name).sort()
    expect(await names('mull')).toEqual(['Ann Müller', 'Muller Jones'])
    expect(await names('ann mü')).toEqual(['Ann Müller'])
    expect(await names('ab-1')).toEqual(['Ann Müller'])
    expect(await names('ZZ')).toEqual(['Muller Jones'])
    expect(await names('1950-03-07')).toEqual(['Ann Müller'])
    expect(await names('7/3/1950')).toEqual(['Ann Müller'])
    expect(await names('nobody')).toEqual([])
    // A date that does not exist is not read as one (date-fns, strict): it only matches as text.
    expect(parseTypedDate('31/02/1950')).toBeUndefined()
    expect(parseTypedDate('29/02/2000')).toBe('2000-02-29')
    expect(parseTypedDate('7.3.1950')).toBe('1950-03-07')
    expect(parseTypedDate('1950-3-7')).toBe('1950-03-07')
    expect(await names('31/02/1950')).toEqual([])
    expect((await repo.findPatients(''))[0]?.id).toBeDefined()
    expect(a.chartNumber).toBe('AB-12')
  })

  it('detects a conflicting patient edit and keeps the revision for derived changes', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient(ann)
    const edited = await repo.update('patient', p.id, p.rev, { phone: '0123' })
    expect(edited.revision).toBe(2)
    // A visit added elsewhere changes lastVisitAt, not the version: no false conflict.
    await repo.createVisit(p.id)
    const again = await repo.update('patient', p.id, edited.rev, { alerts: 'Allergic to latex' })
    expect(again.lastVisitAt).not.toBeNull()
    await expect(repo.update('patient', p.id, edited.rev, { phone: 'stale' })).rejects.toBeInstanceOf(
      ConflictError,
    )
    expect((await repo.getPatient(p.id))?.phone).toBe('0123')
  })
})

describe('visits', () => {
  it('creates visits, lists them newest first and opens one with its patient', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient(ann)
    const v1 = await repo.createVisit(p.id, { dateTime: '2026-01-01T09:00:00.000Z' })
    const v2 = await repo.createVisit(p.id, { dateTime: '2026-06-01T09:00:00.000Z' })
    expect((await repo.visitsOf(p.id)).map((v) => v.id)).toEqual([v2.id, v1.id])
    const opened = await repo.openVisit(v1.id)
    expect(opened?.patient.name).toBe('Ann Müller')
    expect(opened?.visit.revision).toBe(1)
    await expect(repo.createVisit('missing')).rejects.toBeInstanceOf(MissingRecordError)
  })

  it('saves edits with optimistic concurrency: a stale revision is a conflict', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id)
    // Two windows opened revision 1. Window A saves first.
    const a = await repo.update('visit', v.id, v.rev, { note: 'from window A' })
    expect(a.revision).toBe(2)
    expect(a.updatedAt > v.updatedAt).toBe(true)
    // Window B still thinks it is at revision 1.
    const err = await repo.update('visit', v.id, v.rev, { note: 'from window B' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ConflictError)
    expect((err as ConflictError<{ note: string }>).current.note).toBe('from window A')
    expect((await repo.getVisit(v.id))?.note).toBe('from window A')
    // "Keep mine": B saves on top of what it has now seen.
    const b = await repo.update('visit', v.id, a.rev, { note: 'from window B' })
    expect(b.revision).toBe(3)
  })

  it('moves the patient in the list when a visit date changes', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id, { dateTime: '2026-01-01T09:00:00.000Z' })
    await repo.update('visit', v.id, v.rev, { dateTime: '2026-03-01T09:00:00.000Z' })
    expect((await repo.getPatient(p.id))?.lastVisitAt).toBe('2026-03-01T09:00:00.000Z')
  })

  it('rejects invalid fields and keeps the stored visit', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id, { note: 'kept' })
    await expect(repo.update('visit', v.id, v.rev, { followUpDate: '2026-13-01' })).rejects.toThrow(
      /Follow-up/,
    )
    expect((await repo.getVisit(v.id))?.note).toBe('kept')
  })

  it('says in plain words which field is too long to save', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id)
    await expect(repo.update('visit', v.id, v.rev, { reason: 'x'.repeat(2001) })).rejects.toThrow(
      'Reason for visit is too long to save: at most 2,000 characters.',
    )
    await expect(repo.update('patient', p.id, p.rev, { medicines: ['y'.repeat(501)] })).rejects.toThrow(
      'Current medicines (one line of it) is too long to save: at most 500 characters.',
    )
    await expect(repo.update('patient', p.id, p.rev, { chartNumber: 'z'.repeat(101) })).rejects.toThrow(
      /^Chart number is too long/,
    )
  })

  it.each([
    ['a 1 MB note', 'x'.repeat(1024 * 1024 - 7) + ' ending'],
    ['emoji', 'Foot 🦶 cramp 😖 at night 🌙, family 👨‍👩‍👧'],
    ['accents', 'Señora Ñúñez, crampe nocturne, Fußkrampf, Ærøskøbing'],
    ['right-to-left text', 'تقلص عضلي في القدم ליל כאבים בכף הרגל'],
    ['HTML and script', '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; </textarea>'],
    ['control characters and lone surrogates', 'tab\there\r\nnull\u0000 lone\ud800 end'],
  ])('stores %s exactly', async (_label, text) => {
    const { repo } = freshRepo()
    const p = await repo.createPatient({ ...ann, name: text.slice(0, 400) || 'x', alerts: text })
    const v = await repo.createVisit(p.id)
    await repo.update('visit', v.id, v.rev, { note: text, reason: text.slice(0, 1000), plan: text })
    const back = await repo.openVisit(v.id)
    expect(back?.visit.note).toBe(text)
    expect(back?.visit.plan).toBe(text)
    expect(back?.patient.alerts).toBe(text)
    expect(back?.patient.name).toBe(text.slice(0, 400))
  })
})

describe('trash', () => {
  it('moves a patient with all visits to the trash and restores them', async () => {
    const { repo, db } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id, { note: 'kept in trash' })
    await repo.createVisit(p.id)
    const entry = await repo.trashPatient(p.id)
    expect(await repo.getPatient(p.id)).toBeUndefined()
    expect(await db.visits.count()).toBe(0)
    expect((await repo.listTrash()).map((e) => e.kind)).toEqual(['patient'])
    await repo.restoreFromTrash(entry.id)
    expect((await repo.getVisit(v.id))?.note).toBe('kept in trash')
    expect(await repo.visitsOf(p.id)).toHaveLength(2)
    expect(await repo.listTrash()).toEqual([])
  })

  it('trashes a single visit, updates the last visit, restores it', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient(ann)
    await repo.createVisit(p.id, { dateTime: '2026-01-01T09:00:00.000Z' })
    const v2 = await repo.createVisit(p.id, { dateTime: '2026-05-01T09:00:00.000Z' })
    const entry = await repo.trashVisit(v2.id)
    expect((await repo.getPatient(p.id))?.lastVisitAt).toBe('2026-01-01T09:00:00.000Z')
    expect(entry.kind === 'visit' && entry.patientName).toBe('Ann Müller')
    await repo.restoreFromTrash(entry.id)
    expect((await repo.getPatient(p.id))?.lastVisitAt).toBe('2026-05-01T09:00:00.000Z')
  })

  it('will not restore a visit whose patient is in the trash, and says why', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id)
    const visitEntry = await repo.trashVisit(v.id)
    await repo.trashPatient(p.id)
    await expect(repo.restoreFromTrash(visitEntry.id)).rejects.toThrow(/Restore the patient first/)
    expect(await repo.listTrash()).toHaveLength(2)
  })

  it('a trashed copy never overwrites a newer copy of the same record outside the trash', async () => {
    const { repo, db } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id, { note: 'first words' })
    const visitEntry = await repo.trashVisit(v.id)
    // A backup holding the deletion (in its trash), merged after the visit came back here and was
    // written on: the visit is live here and its older copy is in the trash again.
    const withDeletion = await exportBackup(db, { appVersion: 'test' })
    await repo.restoreFromTrash(visitEntry.id)
    const live = (await repo.getVisit(v.id))!
    await repo.update('visit', v.id, live.rev, { note: 'first words, then the newer note' })
    await restoreBackup(repo.ctx, withDeletion.bytes, 'merge')
    expect(await repo.listTrash()).toHaveLength(1)
    await repo.restoreFromTrash(visitEntry.id)
    expect((await repo.getVisit(v.id))?.note).toBe('first words, then the newer note')
    expect(await repo.listTrash()).toEqual([])

    // The same for a whole patient: newer live details and notes stay; a missing visit comes back.
    const other = await repo.createVisit(p.id, { note: 'second visit' })
    const patientEntry = await repo.trashPatient(p.id)
    const withPatientDeletion = await exportBackup(db, { appVersion: 'test' })
    await repo.restoreFromTrash(patientEntry.id)
    const livePatient = (await repo.getPatient(p.id))!
    await repo.update('patient', p.id, livePatient.rev, { phone: '555 0101' })
    const liveVisit = (await repo.getVisit(v.id))!
    await repo.update('visit', v.id, liveVisit.rev, { note: 'newest note' })
    await repo.trashVisit(other.id)
    await restoreBackup(repo.ctx, withPatientDeletion.bytes, 'merge')
    await repo.restoreFromTrash(patientEntry.id)
    expect((await repo.getPatient(p.id))?.phone).toBe('555 0101')
    expect((await repo.getVisit(v.id))?.note).toBe('newest note')
    expect((await repo.getVisit(other.id))?.note).toBe('second visit')
  })

  it('a trashed copy newer than the live one is restored, and a stale editor gets a conflict', async () => {
    const { repo, db } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id, { note: 'old' })
    const before = await exportBackup(db, { appVersion: 'test' })
    const saved = await repo.update('visit', v.id, v.rev, { note: 'edited before deleting' })
    await repo.update('visit', v.id, saved.rev, { note: 'edited twice before deleting' })
    const entry = await repo.trashVisit(v.id)
    const after = await exportBackup(db, { appVersion: 'test' })
    // Another computer: the old copy is live, then the backup with the newer copy in its trash.
    const other = freshRepo()
    await restoreBackup(other.repo.ctx, before.bytes, 'replace')
    await restoreBackup(other.repo.ctx, after.bytes, 'merge')
    expect((await other.repo.getVisit(v.id))?.note).toBe('old')
    await other.repo.restoreFromTrash(entry.id)
    const back = (await other.repo.getVisit(v.id))!
    expect(back.note).toBe('edited twice before deleting')
    // An editor still holding the old copy must get a conflict, not overwrite.
    await expect(other.repo.update('visit', v.id, v.rev, { note: 'stale' })).rejects.toBeInstanceOf(
      ConflictError,
    )
  })

  it('empties the trash', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient(ann)
    await repo.trashPatient(p.id)
    expect(await repo.emptyTrash()).toBe(1)
    expect(await repo.listTrash()).toEqual([])
    await expect(repo.restoreFromTrash('nope')).rejects.toBeInstanceOf(MissingRecordError)
  })
})

describe('settings', () => {
  it('gets and sets values', async () => {
    const { repo } = freshRepo()
    expect(await repo.getSetting('x')).toBeUndefined()
    await repo.setSetting('x', { a: 1 })
    expect(await repo.getSetting('x')).toEqual({ a: 1 })
  })
})
