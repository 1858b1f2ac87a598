// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  PATIENT_STASH_PREFIX,
  VISIT_STASH_PREFIX,
  recoverDrafts,
  stashKey,
} from '../../../../src/renderer/src/features/visits/recoverDrafts'
import { emptyPatientInput, visitInputOf, type Visit } from '../../../../src/renderer/src/notes/model'
import { searchNotes } from '../../../../src/renderer/src/notes/search'
import { freshRepo } from '../../notes/helpers'

describe('recoverDrafts', () => {
  it('saves copies left by closed windows; where the record changed since, keeps both in full', async () => {
    localStorage.clear()
    const { repo, db, window } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Nell Closed' })
    const v1 = await repo.createVisit(p.id)
    const v2 = await repo.createVisit(p.id, { reason: 'stored reason' })
    // Page-hide copies of today (with the version they were typed on) and of older app versions.
    localStorage.setItem(
      stashKey('visit', v1.id, 'gone-window'),
      JSON.stringify({
        baseRev: v1.rev,
        fields: { ...visitInputOf(v1), note: 'typed before the window closed' },
      }),
    )
    const older = {
      ...visitInputOf(v2),
      reason: 'reason typed there',
      plan: 'plan typed there',
      followUpDate: '2027-02-01',
      note: 'older copy',
      handouts: [],
    }
    localStorage.setItem(`${VISIT_STASH_PREFIX}${v2.id}`, JSON.stringify({ baseRevision: 1, draft: older }))
    await repo.update('visit', v2.id, v2.rev, { note: 'saved in another window' })
    localStorage.setItem(
      `${PATIENT_STASH_PREFIX}${p.id}`,
      JSON.stringify({
        baseRevision: 1,
        draft: { ...emptyPatientInput(), name: 'Nell Closed', phone: '0123' },
      }),
    )
    localStorage.setItem(`${VISIT_STASH_PREFIX}broken`, '{not json')
    localStorage.setItem('unrelated', 'x')
    // A crash copy in IndexedDB from a window that is still open is left to that window.
    const open = window()
    await open.writeCrashCopy('visit', v1.id, v1.rev, { note: 'typed in a window still open' })

    expect(await recoverDrafts(repo, { openWindows: new Set([open.author.window]) })).toBe(3)
    expect((await repo.getVisit(v1.id))?.note).toBe('typed before the window closed')
    expect((await searchNotes(db, 'typed')).total).toBe(1)
    // The visit saved elsewhere since stays as saved; the closed window's copy is kept whole beside it.
    const now = (await repo.getVisit(v2.id))!
    expect([now.note, now.reason]).toEqual(['saved in another window', 'stored reason'])
    const kept = (await repo.historyVersion(v2.id, now.conflicts[0]!))!.record as Visit
    expect([kept.reason, kept.plan, kept.followUpDate, kept.note]).toEqual([
      'reason typed there',
      'plan typed there',
      '2027-02-01',
      'older copy',
    ])
    expect((await repo.getPatient(p.id))?.phone).toBe('0123')
    expect(Object.keys(localStorage).sort()).toEqual(['unrelated'])
    expect(await repo.crashCopies(v1.id)).toHaveLength(1)
  })

  it("when a record is opened, takes this window's own copies of it too", async () => {
    localStorage.clear()
    const { repo, window } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Nell Again' })
    const v = await repo.createVisit(p.id)
    await repo.writeCrashCopy('visit', v.id, v.rev, { ...visitInputOf(v), note: 'left in conflict here' })
    // Another window still open on the same visit keeps its own copy.
    const other = window()
    await other.writeCrashCopy('visit', v.id, v.rev, {
      ...visitInputOf(v),
      note: 'typed in the other window',
    })
    const open = new Set([repo.author.window, other.author.window])
    expect(await recoverDrafts(repo, { openWindows: open })).toBe(0)
    expect(await recoverDrafts(repo, { only: { kind: 'visit', id: v.id }, openWindows: open })).toBe(1)
    expect((await repo.getVisit(v.id))?.note).toBe('left in conflict here')
    expect((await repo.crashCopies(v.id)).map((c) => c.window)).toEqual([other.author.window])
  })
})
