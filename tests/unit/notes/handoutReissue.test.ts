import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { RepoAuditor } from '../../../src/renderer/src/audit/repoEvents'
import type { AuditEvent } from '../../../src/renderer/src/audit/model'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { MissingRecordError } from '../../../src/renderer/src/notes/errors'
import { guardRepository, type Actor } from '../../../src/renderer/src/notes/guard'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { PermissionError } from '../../../src/renderer/src/security/policy'
import type { StoredHandout } from '../../../src/renderer/src/handouts/spec'
import { makeSpec } from '../handouts/helpers'

/** A reprint from the history: its own narrow read, and "reprinted" in the trail, not "given". */
let repo: NotesRepository
let actor: Actor
let events: AuditEvent[]
let visitId: string

const clinician: Actor = { id: 'cal', role: 'clinician' }
const reception: Actor = { id: 'rae', role: 'reception' }
const handout = (sha: string): StoredHandout => ({
  id: `h-${sha}`,
  spec: makeSpec({ visitId }),
  createdAt: '2026-11-21T10:00:00.000Z',
  sha256: sha.repeat(64).slice(0, 64),
})

beforeEach(async () => {
  actor = clinician
  events = []
  const auditor = new RepoAuditor(() => 0)
  repo = guardRepository(
    new NotesRepository(new NotesDB(`reissue-${Math.random()}`)),
    () => actor,
    () => (method, args, result, who) => {
      const e = auditor.event(method, args, result, who.id)
      if (e) events.push(e)
    },
  )
  const p = await repo.createPatient({
    ...emptyPatientInput(),
    name: 'Rhoda Reprint',
    medicines: ['furosemide'],
  })
  visitId = (await repo.createVisit(p.id, { note: 'clinical words for clinicians only' })).id
  await repo.addHandout(visitId, handout('a'))
  events = []
})

describe('reprinting a handout from the history', () => {
  it('lets reception read the handout as given, and nothing of the visit note', async () => {
    actor = reception
    const found = await repo.givenHandout(visitId, 'h-a')
    expect(found?.patientName).toBe('Rhoda Reprint')
    expect(found?.handout.sha256).toBe('a'.repeat(64))
    expect(JSON.stringify(found)).not.toContain('clinical words')
    await expect(repo.openVisit(visitId)).rejects.toBeInstanceOf(PermissionError)
    expect(await repo.givenHandout(visitId, 'nope')).toBeUndefined()
    expect(await repo.givenHandout('another-visit', 'h-a')).toBeUndefined()
  })

  it('audits each reprint as reissued, the very same file included; reception cannot give a new one', async () => {
    actor = reception
    expect((await repo.reissueHandout(visitId, 'h-a', { ...handout('a'), id: 'h-a2' })).outcome).toBe(
      'already',
    )
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'handout.reissued',
        actorId: 'rae',
        visitId,
        detail: { handoutId: 'h-a', noted: 'already' },
      }),
    ])
    // Rebuilt with today's content: a new file, noted on the visit, still a reprint in the trail.
    expect((await repo.reissueHandout(visitId, 'h-a', handout('b'))).outcome).toBe('added')
    expect(events.map((e) => e.kind)).toEqual(['handout.reissued', 'handout.reissued'])
    await expect(repo.addHandout(visitId, handout('c'))).rejects.toBeInstanceOf(PermissionError)
    await expect(repo.reissueHandout(visitId, 'nope', handout('d'))).rejects.toBeInstanceOf(
      MissingRecordError,
    )
  })

  it('still audits a handout made at the visit as given', async () => {
    await repo.addHandout(visitId, handout('e'))
    expect(events.map((e) => e.kind)).toEqual(['handout.issued'])
  })
})
