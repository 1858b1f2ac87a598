import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { emptyPatientInput, visitInputOf, type Visit } from '../../../src/renderer/src/notes/model'
import { freshRepo } from './helpers'

const ann = { ...emptyPatientInput(), name: 'Ann Müller' }

describe('text left by a window that closed or crashed', () => {
  it('is saved as the next version when the record has not changed since', async () => {
    const t = freshRepo()
    const p = await t.repo.createPatient(ann)
    const v = await t.repo.createVisit(p.id)
    const gone = t.window()
    await gone.writeCrashCopy('visit', v.id, v.rev, { note: 'typed before the crash', plan: 'rest' })
    const [copy] = await t.repo.crashCopies(v.id)
    expect(await t.repo.recoverCopy({ ...copy!, baseRev: copy!.baseRev })).toBe('saved')
    const now = (await t.repo.getVisit(v.id))!
    expect([now.note, now.plan]).toEqual(['typed before the crash', 'rest'])
    expect(now.savedBy).toEqual(gone.author)
    // Its crash copy is gone once saved.
    expect(await t.repo.crashCopies(v.id)).toEqual([])
  })

  it('keeps every field of both when the record changed since: the stored one shown, the copy to settle', async () => {
    const t = freshRepo()
    const p = await t.repo.createPatient(ann)
    const v = await t.repo.createVisit(p.id, { reason: 'first reason' })
    const gone = t.window()
    const typed = {
      ...visitInputOf(v),
      dateTime: '2026-11-19T08:15:00.000Z',
      reason: 'reason typed in the closed window',
      note: 'note typed in the closed window',
      plan: 'plan typed in the closed window',
      followUpDate: '2027-01-05',
      causeIds: ['dehydration'],
      findings: ['night'],
    }
    await gone.writeCrashCopy('visit', v.id, v.rev, typed)
    const stored = await t.repo.update('visit', v.id, v.rev, {
      note: 'saved elsewhere since',
      plan: 'other plan',
    })
    const [copy] = await t.repo.crashCopies(v.id)
    expect(await t.repo.recoverCopy(copy!)).toBe('kept-both')
    const now = (await t.repo.getVisit(v.id))!
    expect(visitInputOf(now)).toEqual(visitInputOf(stored))
    expect(now.conflicts).toHaveLength(1)
    const kept = (await t.repo.historyVersion(v.id, now.conflicts[0]!))!
    expect(kept.why).toBe('conflict')
    expect(kept.note).toMatch(/window that closed/)
    expect(visitInputOf(kept.record as Visit)).toEqual(typed)
    expect(kept.record.lineage).toEqual([v.rev])
    // Found again (two copies of the same text, a restart in between) it adds nothing.
    await gone.writeCrashCopy('visit', v.id, v.rev, typed)
    const [again] = await t.repo.crashCopies(v.id)
    expect(await t.repo.recoverCopy(again!)).toBe('nothing-new')
  })

  it('waits when the record is in the trash', async () => {
    const t = freshRepo()
    const p = await t.repo.createPatient(ann)
    const v = await t.repo.createVisit(p.id)
    await t.window().writeCrashCopy('visit', v.id, v.rev, { note: 'typed' })
    await t.repo.trashVisit(v.id)
    const [copy] = await t.repo.crashCopies(v.id)
    expect(await t.repo.recoverCopy(copy!)).toBe('record-missing')
  })
})
