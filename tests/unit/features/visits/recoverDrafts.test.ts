// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  PATIENT_STASH_PREFIX,
  VISIT_STASH_PREFIX,
  recoverDrafts,
  stashKey,
} from '../../../../src/renderer/src/features/visits/recoverDrafts'
import { unreadableCopies } from '../../../../src/renderer/src/features/visits/unreadableCopies'
import { emptyPatientInput, visitInputOf, type Visit } from '../../../../src/renderer/src/notes/model'
import { sealPageHideCopy } from '../../../../src/renderer/src/notes/pageHideCopy'
import { searchNotes } from '../../../../src/renderer/src/notes/search'
import { createDataKey, deriveKeyRing } from '../../../../src/renderer/src/security/keyring'
import { freshRepo, testRing } from '../../notes/helpers'

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

  it('opens sealed page-hide copies; keeps, and names, those that do not open', async () => {
    localStorage.clear()
    const { repo } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Sal Sealed' })
    const v = await repo.createVisit(p.id)
    const other = await repo.createVisit(p.id, { note: 'stored' })
    const key = stashKey('visit', v.id, 'gone-window')
    const stash = { baseRev: v.rev, fields: { ...visitInputOf(v), note: 'sealed typing' }, at: v.updatedAt }
    localStorage.setItem(key, await sealPageHideCopy(testRing.fieldKey, key, stash))
    // Another clinic's key, and a copy changed on disk: neither opens, neither is deleted.
    const foreignRing = await deriveKeyRing(await createDataKey())
    const foreignKey = stashKey('visit', other.id, 'gone-1')
    const foreign = await sealPageHideCopy(foreignRing.fieldKey, foreignKey, {
      ...stash,
      baseRev: other.rev,
      fields: { note: 'elsewhere' },
    })
    localStorage.setItem(foreignKey, foreign)
    const tamperedKey = stashKey('visit', other.id, 'gone-2')
    const good = JSON.parse(await sealPageHideCopy(testRing.fieldKey, tamperedKey, stash)) as { c: string }
    const flipped = `${good.c.slice(0, 20)}${good.c[20] === 'A' ? 'B' : 'A'}${good.c.slice(21)}`
    localStorage.setItem(tamperedKey, JSON.stringify({ ...good, c: flipped }))
    // A sealed copy moved under another key does not open either.
    const movedKey = stashKey('visit', other.id, 'gone-3')
    localStorage.setItem(movedKey, localStorage.getItem(key)!)

    expect(await recoverDrafts(repo, { openWindows: new Set() })).toBe(1)
    expect((await repo.getVisit(v.id))?.note).toBe('sealed typing')
    expect((await repo.getVisit(other.id))?.note).toBe('stored')
    expect(Object.keys(localStorage).sort()).toEqual([foreignKey, tamperedKey, movedKey].sort())
    expect(unreadableCopies.value.map((c) => c.key).sort()).toEqual(
      [foreignKey, tamperedKey, movedKey].sort(),
    )
    expect(unreadableCopies.value.every((c) => c.recordId === other.id && c.kind === 'visit')).toBe(true)
    // A second pass changes nothing and names each once.
    expect(await recoverDrafts(repo, { openWindows: new Set() })).toBe(0)
    expect(unreadableCopies.value).toHaveLength(3)
  })

  it('takes a clear copy from before sealing once, then removes it', async () => {
    localStorage.clear()
    const { repo } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Old Clear' })
    const v = await repo.createVisit(p.id)
    const key = stashKey('visit', v.id, 'old-window')
    localStorage.setItem(
      key,
      JSON.stringify({ baseRev: v.rev, fields: { ...visitInputOf(v), note: 'clear typing' } }),
    )
    expect(await recoverDrafts(repo, { openWindows: new Set() })).toBe(1)
    expect((await repo.getVisit(v.id))?.note).toBe('clear typing')
    expect(localStorage.getItem(key)).toBeNull()
  })
})
