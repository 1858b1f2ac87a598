// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  CLOSED_WINDOW_MARK,
  PATIENT_STASH_PREFIX,
  VISIT_STASH_PREFIX,
  recoverDrafts,
} from '../../../../src/renderer/src/features/visits/recoverDrafts'
import { emptyPatientInput } from '../../../../src/renderer/src/notes/model'
import { searchNotes } from '../../../../src/renderer/src/notes/search'
import { freshRepo } from '../../notes/helpers'

describe('recoverDrafts', () => {
  it('saves copies left by a closed window, keeping both texts where the visit changed since', async () => {
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

    expect(await recoverDrafts(repo)).toBe(3)
    expect((await repo.getVisit(v1.id))?.note).toBe('typed before the window closed')
    expect((await searchNotes(db, 'typed')).total).toBe(1)
    // Both texts are kept, the one saved elsewhere first: nothing stays only in this window.
    expect((await repo.getVisit(v2.id))?.note).toBe(
      `saved in another window\n\n${CLOSED_WINDOW_MARK}\nolder copy`,
    )
    expect((await repo.getPatient(p.id))?.phone).toBe('0123')
    expect(localStorage.getItem(`${VISIT_STASH_PREFIX}${v1.id}`)).toBeNull()
    expect(localStorage.getItem(`${VISIT_STASH_PREFIX}${v2.id}`)).toBeNull()
    expect(localStorage.getItem('unrelated')).toBe('x')
  })

  it('adds nothing twice when the closed window held text already saved', async () => {
    localStorage.clear()
    const { repo } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Nell Twice' })
    const v = await repo.createVisit(p.id)
    await repo.updateVisit(v.id, 1, { note: 'typed, then typed on elsewhere' })
    const draft = { ...v, note: 'typed' }
    localStorage.setItem(`${VISIT_STASH_PREFIX}${v.id}`, JSON.stringify({ baseRevision: 1, draft }))
    expect(await recoverDrafts(repo)).toBe(1)
    expect((await repo.getVisit(v.id))?.note).toBe('typed, then typed on elsewhere')
    // A patient copy that conflicts stays for the editor to show.
    await repo.updatePatient(p.id, 1, { phone: '1' })
    localStorage.setItem(
      `${PATIENT_STASH_PREFIX}${p.id}`,
      JSON.stringify({ baseRevision: 1, draft: { ...emptyPatientInput(), name: 'Nell Twice', phone: '2' } }),
    )
    expect(await recoverDrafts(repo)).toBe(0)
    expect(localStorage.getItem(`${PATIENT_STASH_PREFIX}${p.id}`)).not.toBeNull()
  })
})
