// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  PATIENT_STASH_PREFIX,
  VISIT_STASH_PREFIX,
  recoverDrafts,
} from '../../../../src/renderer/src/features/visits/recoverDrafts'
import { emptyPatientInput } from '../../../../src/renderer/src/notes/model'
import { searchNotes } from '../../../../src/renderer/src/notes/search'
import { freshRepo } from '../../notes/helpers'

describe('recoverDrafts', () => {
  it('saves copies left by a closed window, and keeps those that now conflict', async () => {
    localStorage.clear()
    const { repo, db } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Nell Closed' })
    const v1 = await repo.createVisit(p.id)
    const v2 = await repo.createVisit(p.id)
    const draft = (note: string) => ({
      dateTime: v1.dateTime,
      reason: '',
      note,
      findings: [],
      causeIds: [],
      plan: '',
      followUpDate: '',
      handouts: [],
    })
    localStorage.setItem(
      `${VISIT_STASH_PREFIX}${v1.id}`,
      JSON.stringify({ baseRevision: 1, draft: draft('typed before the window closed') }),
    )
    // v2 was saved elsewhere after its copy was made: the copy must not overwrite it.
    await repo.updateVisit(v2.id, 1, { note: 'saved in another window' })
    localStorage.setItem(
      `${VISIT_STASH_PREFIX}${v2.id}`,
      JSON.stringify({ baseRevision: 1, draft: draft('older copy') }),
    )
    localStorage.setItem(
      `${PATIENT_STASH_PREFIX}${p.id}`,
      JSON.stringify({
        baseRevision: 1,
        draft: { ...emptyPatientInput(), name: 'Nell Closed', phone: '0123' },
      }),
    )
    localStorage.setItem(`${VISIT_STASH_PREFIX}broken`, '{not json')
    localStorage.setItem('unrelated', 'x')

    expect(await recoverDrafts(repo)).toBe(2)
    expect((await repo.getVisit(v1.id))?.note).toBe('typed before the window closed')
    expect((await searchNotes(db, 'closed')).total).toBe(1)
    expect((await repo.getVisit(v2.id))?.note).toBe('saved in another window')
    expect((await repo.getPatient(p.id))?.phone).toBe('0123')
    expect(localStorage.getItem(`${VISIT_STASH_PREFIX}${v1.id}`)).toBeNull()
    expect(localStorage.getItem(`${VISIT_STASH_PREFIX}${v2.id}`)).not.toBeNull()
    expect(localStorage.getItem('unrelated')).toBe('x')
  })
})
