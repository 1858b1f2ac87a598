import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { guardRepository, type Actor } from '../../../src/renderer/src/notes/guard'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { createDataKey, deriveKeyRing, type KeyRing } from '../../../src/renderer/src/security/keyring'
import { PermissionError } from '../../../src/renderer/src/security/policy'
import { SignedRecordError } from '../../../src/renderer/src/security/signatures'
import { VisitSigning } from '../../../src/renderer/src/security/signing'
import type { AuditEvent } from '../../../src/renderer/src/audit/model'

/** Signing through the app's tables and the guarded repository: a signed visit is only added to. */
let db: NotesDB
let raw: NotesRepository
let repo: NotesRepository
let signing: VisitSigning
let actor: Actor | null
let ring: KeyRing
let events: AuditEvent[]
let visitId: string
let patientId: string

beforeEach(async () => {
  db = new NotesDB(`signing-${Math.random()}`)
  raw = new NotesRepository(db)
  actor = { id: 'cal', role: 'clinician' }
  repo = guardRepository(raw, () => actor)
  ring = await deriveKeyRing(await createDataKey())
  events = []
  signing = new VisitSigning({
    db,
    actor: () => actor,
    sealKey: () => ring.sealKey,
    audit: async (e) => void events.push(e),
  })
  patientId = (await repo.createPatient({ ...emptyPatientInput(), name: 'Sid Signed' })).id
  visitId = (await repo.createVisit(patientId, { note: 'as signed' })).id
})

describe('signing a visit', () => {
  it('records author, time and hash, audited; then every repository path refuses a change', async () => {
    const s = await signing.sign(visitId)
    expect(s.authorId).toBe('cal')
    expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(events.map((e) => e.kind)).toEqual(['visit.signed'])
    const v = (await repo.getVisit(visitId))!
    const attempts: [string, () => Promise<unknown>][] = [
      ['update', () => repo.update('visit', visitId, v.rev, { note: 'rewritten' })],
      ['keepAside', () => repo.keepAside('visit', visitId, { note: 'x' }, v.rev, 'n')],
      ['writeCrashCopy', () => repo.writeCrashCopy('visit', visitId, v.rev, { note: 'x' })],
      ['addCause', () => repo.addCause(visitId, 'dehydration')],
      ['trashVisit', () => repo.trashVisit(visitId)],
      ['trashPatient', () => repo.trashPatient(patientId)],
    ]
    for (const [name, call] of attempts) await expect(call(), name).rejects.toBeInstanceOf(SignedRecordError)
    actor = { id: 'olive', role: 'owner' }
    await expect(repo.update('visit', visitId, v.rev, { note: 'owner too' })).rejects.toBeInstanceOf(
      SignedRecordError,
    )
    expect((await raw.getVisit(visitId))?.note).toBe('as signed')
    expect((await signing.state(visitId)).check).toEqual({ ok: true })
    await expect(signing.sign(visitId)).rejects.toBeInstanceOf(SignedRecordError)
  })

  it('adds addenda under the original, which stays as signed', async () => {
    await expect(signing.addAddendum(visitId, { reason: 'x', text: 'y' })).rejects.toBeInstanceOf(
      SignedRecordError,
    )
    await signing.sign(visitId)
    await signing.addAddendum(visitId, { reason: 'result came back', text: 'Ferritin low.' })
    const st = await signing.state(visitId)
    expect(st.addenda.map((a) => [a.authorId, a.reason, a.text])).toEqual([
      ['cal', 'result came back', 'Ferritin low.'],
    ])
    expect(st.check).toEqual({ ok: true })
    expect((await raw.getVisit(visitId))?.note).toBe('as signed')
    expect(events.map((e) => e.kind)).toEqual(['visit.signed', 'visit.addendum'])
  })

  it('notices a signed note changed on disk', async () => {
    await signing.sign(visitId)
    await db.visits.update(visitId, { note: 'edited outside the app' })
    const st = await signing.state(visitId)
    expect(st.check?.ok).toBe(false)
  })

  it('refuses reception signing, adding to, or reading a signature', async () => {
    await signing.sign(visitId)
    actor = { id: 'rae', role: 'reception' }
    await expect(signing.sign(visitId)).rejects.toBeInstanceOf(PermissionError)
    await expect(signing.addAddendum(visitId, { reason: 'r', text: 't' })).rejects.toBeInstanceOf(
      PermissionError,
    )
    await expect(signing.state(visitId)).rejects.toBeInstanceOf(PermissionError)
  })
})
