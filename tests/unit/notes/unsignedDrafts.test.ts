import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { guardRepository, type Actor } from '../../../src/renderer/src/notes/guard'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { createDataKey, deriveKeyRing } from '../../../src/renderer/src/security/keyring'
import { PermissionError } from '../../../src/renderer/src/security/policy'
import { VisitSigning } from '../../../src/renderer/src/security/signing'

const HOUR = 60 * 60 * 1000
const NOW = new Date('2026-11-21T09:00:00.000Z')

/** A writer (one signed-in person) whose clock is set to a given time before NOW. */
function writer(db: NotesDB, authorId: string, hoursAgo: number): NotesRepository {
  let t = NOW.getTime() - hoursAgo * HOUR
  return new NotesRepository(db, () => new Date((t += 1000)), undefined, {
    device: 'd1',
    window: `w-${authorId}-${hoursAgo}`,
    authorId,
  })
}

describe('unsigned drafts listed for their author after sign-in', () => {
  it('lists the author’s own visits older than a day and not signed, oldest first', async () => {
    const db = new NotesDB(`unsigned-${Math.random()}`)
    const cal = writer(db, 'cal', 80)
    const patient = await cal.createPatient({ ...emptyPatientInput(), name: 'Una Unsigned' })
    const old = await cal.createVisit(patient.id, { note: 'left to finish' })
    const older = await writer(db, 'cal', 72).createVisit(patient.id, { note: 'also left' })
    const signedOne = await writer(db, 'cal', 50).createVisit(patient.id, { note: 'signed' })
    await writer(db, 'cal', 2).createVisit(patient.id, { note: 'started this morning' })
    await writer(db, 'dee', 60).createVisit(patient.id, { note: 'another clinician’s draft' })

    const actor: Actor = { id: 'cal', role: 'clinician' }
    const ring = await deriveKeyRing(await createDataKey())
    const signing = new VisitSigning({
      db,
      actor: () => actor,
      sealKey: () => ring.sealKey,
      audit: async () => {},
    })
    await signing.sign(signedOne.id)

    const repo = guardRepository(new NotesRepository(db), () => actor)
    const found = await repo.unsignedDraftsOf('cal', NOW)
    expect(found.map((d) => d.visit.id)).toEqual([old.id, older.id])
    expect(found.every((d) => d.patientName === 'Una Unsigned')).toBe(true)
    // Each person sees their own: the other clinician's draft is theirs alone.
    expect((await repo.unsignedDraftsOf('dee', NOW)).map((d) => d.visit.note)).toEqual([
      'another clinician’s draft',
    ])
    // A day later than the morning's visit, it is listed too.
    expect(await repo.unsignedDraftsOf('cal', new Date(NOW.getTime() + 23 * HOUR))).toHaveLength(3)
  })

  it('is refused to reception (it names visits), like every visit read', async () => {
    const db = new NotesDB(`unsigned-${Math.random()}`)
    const repo = guardRepository(new NotesRepository(db), () => ({ id: 'rae', role: 'reception' }))
    await expect(repo.unsignedDraftsOf('rae', NOW)).rejects.toBeInstanceOf(PermissionError)
  })
})
