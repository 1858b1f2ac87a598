import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { guardRepository, METHOD_ACTIONS, type Actor } from '../../../src/renderer/src/notes/guard'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { LockedError } from '../../../src/renderer/src/security/errors'
import { PermissionError } from '../../../src/renderer/src/security/policy'

/** The repository as the app hands it out: every call asks the policy for the signed-in role. */
let raw: NotesRepository
let actor: Actor | null
let repo: NotesRepository
let patientId: string
let visitId: string

const reception: Actor = { id: 'rae', role: 'reception' }
const clinician: Actor = { id: 'cal', role: 'clinician' }
const owner: Actor = { id: 'olive', role: 'owner' }

beforeEach(async () => {
  raw = new NotesRepository(new NotesDB(`guard-${Math.random()}`))
  actor = null
  repo = guardRepository(raw, () => actor)
  const p = await raw.createPatient({
    ...emptyPatientInput(),
    name: 'Margaret Quill',
    phone: '01632 960002',
    medicines: ['furosemide'],
    alerts: 'diabetic foot',
  })
  patientId = p.id
  visitId = (await raw.createVisit(p.id, { note: 'secret clinical note' })).id
})

describe('the guarded notes repository', () => {
  it('refuses everything but settings while nobody is signed in', async () => {
    await expect(repo.listPatients()).rejects.toBeInstanceOf(LockedError)
    await expect(repo.getPatient(patientId)).rejects.toBeInstanceOf(LockedError)
    await expect(repo.openVisit(visitId)).rejects.toBeInstanceOf(LockedError)
    await expect(repo.createPatient({ ...emptyPatientInput(), name: 'X' })).rejects.toBeInstanceOf(
      LockedError,
    )
    expect(await repo.getSetting('nothing')).toBeUndefined()
  })

  it('refuses reception every visit note, finding and plan, by each route', async () => {
    actor = reception
    const refusals: [string, () => Promise<unknown>][] = [
      ['openVisit', () => repo.openVisit(visitId)],
      ['getVisit', () => repo.getVisit(visitId)],
      ['visitsOf', () => repo.visitsOf(patientId)],
      ['searchNotes', () => repo.searchNotes('secret')],
      ['prepareSearch', () => repo.prepareSearch()],
      ['historyOf', () => repo.historyOf(visitId)],
      ['historyVersion', () => repo.historyVersion(visitId, 'x')],
      ['createVisit', () => repo.createVisit(patientId)],
      ['update visit', () => repo.update('visit', visitId, 'x', { note: 'changed' })],
      ['keepAside visit', () => repo.keepAside('visit', visitId, { note: 'x' }, 'x', 'n')],
      ['writeCrashCopy visit', () => repo.writeCrashCopy('visit', visitId, 'x', { note: 'x' })],
      ['addCause', () => repo.addCause(visitId, 'dehydration')],
      ['trashVisit', () => repo.trashVisit(visitId)],
      ['trashPatient', () => repo.trashPatient(patientId)],
      ['listTrash', () => repo.listTrash()],
      ['restoreFromTrash', () => repo.restoreFromTrash('x')],
      ['emptyTrash', () => repo.emptyTrash()],
      ['orphanVisits', () => repo.orphanVisits()],
      ['repair', () => repo.repair()],
      ['setSetting', () => repo.setSetting('clinic', {})],
    ]
    for (const [name, call] of refusals) {
      await expect(call(), name).rejects.toBeInstanceOf(PermissionError)
    }
    // Nothing was changed by any of them.
    expect((await raw.getVisit(visitId))?.note).toBe('secret clinical note')
    expect(await raw.visitsOf(patientId)).toHaveLength(1)
  })

  it('gives reception names and contact details without medicines or alerts', async () => {
    actor = reception
    const p = (await repo.getPatient(patientId))!
    expect(p.name).toBe('Margaret Quill')
    expect(p.phone).toBe('01632 960002')
    expect(p.medicines).toEqual([])
    expect(p.alerts).toBe('')
    const page = await repo.listPatients()
    expect(page.patients[0]?.medicines).toEqual([])
    expect((await repo.findPatients('marg'))[0]?.alerts).toBe('')
  })

  it('lets reception change contact details only: the clinical fields stay as stored', async () => {
    actor = reception
    const p = (await repo.getPatient(patientId))!
    await repo.update('patient', patientId, p.rev, { phone: '01632 960099', medicines: [], alerts: '' })
    const stored = (await raw.getPatient(patientId))!
    expect(stored.phone).toBe('01632 960099')
    expect(stored.medicines).toEqual(['furosemide'])
    expect(stored.alerts).toBe('diabetic foot')
    expect(stored.savedBy.authorId).toBeNull()
  })

  it('lets a clinician do clinical work but not the owner’s', async () => {
    actor = clinician
    expect((await repo.openVisit(visitId))?.visit.note).toBe('secret clinical note')
    expect((await repo.getPatient(patientId))?.medicines).toEqual(['furosemide'])
    await expect(repo.emptyTrash()).rejects.toBeInstanceOf(PermissionError)
    await expect(repo.setSetting('clinic', {})).rejects.toBeInstanceOf(PermissionError)
    actor = owner
    await repo.setSetting('autoLockMinutes', 3)
    expect(await repo.getSetting('autoLockMinutes')).toBe(3)
  })

  it('lets anyone signed in record a fact about this machine, never a clinic setting', async () => {
    await expect(repo.setSetting('storage.persistRequested', { granted: true })).rejects.toBeInstanceOf(
      LockedError,
    )
    actor = reception
    await repo.setSetting('storage.persistRequested', { granted: true })
    expect(await repo.getSetting('storage.persistRequested')).toEqual({ granted: true })
    await expect(repo.setSetting('clinic', {})).rejects.toBeInstanceOf(PermissionError)
  })

  it('closes a method nobody has given a rule', async () => {
    const withExtra = Object.assign(Object.create(raw) as NotesRepository, {
      brandNew: () => 'opened',
    })
    const guarded = guardRepository(withExtra, () => owner) as unknown as { brandNew: () => Promise<string> }
    await expect(guarded.brandNew()).rejects.toThrow(/no role rule/)
    expect(Object.keys(METHOD_ACTIONS).length).toBeGreaterThan(30)
  })
})
