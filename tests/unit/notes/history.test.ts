import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { exportBackup, restoreBackup } from '../../../src/renderer/src/notes/backup'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { freshRepo } from './helpers'

const ann = { ...emptyPatientInput(), name: 'Ann Müller' }

describe('version history', () => {
  it('keeps one version per minute of editing, with who saved it and when', async () => {
    const { repo, advance } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id)
    let current = v
    // Ten saves in quick succession (an autosave while typing) are one edit.
    for (let i = 1; i <= 10; i++)
      current = await repo.update('visit', v.id, current.rev, { note: `typing ${i}` })
    expect(await repo.historyOf(v.id)).toEqual([])
    // Two minutes later, the next save keeps the version the last run ended with.
    advance(120_000)
    current = await repo.update('visit', v.id, current.rev, { note: 'next morning' })
    const kept = await repo.historyOf(v.id)
    expect(kept.map((h) => (h.record as { note: string }).note)).toEqual(['typing 10'])
    expect(kept[0]!.why).toBe('edit')
    expect(kept[0]!.record.savedBy).toEqual(repo.author)
    expect(kept[0]!.savedAt < current.updatedAt).toBe(true)
    expect(current.lineage[0]).toBe(kept[0]!.record.rev)
  })

  it('keeps the version another window replaces at once, whoever saved it', async () => {
    const t = freshRepo()
    const p = await t.repo.createPatient(ann)
    const v = await t.repo.createVisit(p.id, { note: 'from window one' })
    const two = t.window()
    const mine = await two.update('visit', v.id, v.rev, { plan: 'from window two' })
    const kept = await t.repo.historyOf(v.id)
    expect(kept).toHaveLength(1)
    expect(kept[0]!.record.savedBy.window).toBe('window-1')
    expect(mine.savedBy.window).toBe(two.author.window)
    // A patient's details too.
    await two.update('patient', p.id, p.rev, { phone: '555' })
    expect((await t.repo.historyOf(p.id)).map((h) => h.record.rev)).toEqual([p.rev])
  })

  it('an earlier version can be brought back; the one it replaces stays in the history', async () => {
    const { repo, advance } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id, { note: 'first' })
    advance(120_000)
    const second = await repo.update('visit', v.id, v.rev, { note: 'second', plan: 'rest' })
    const [first] = await repo.historyOf(v.id)
    const back = await repo.update(
      'visit',
      v.id,
      second.rev,
      { note: (first!.record as { note: string }).note, plan: '' },
      {
        newRun: true,
        previous: { why: 'replaced', note: 'Replaced by an earlier version brought back' },
      },
    )
    expect(back.note).toBe('first')
    const kept = await repo.historyOf(v.id)
    expect(kept.map((h) => [h.why, (h.record as { note: string }).note])).toEqual([
      ['replaced', 'second'],
      ['edit', 'first'],
    ])
  })

  it('goes into backups, restores exactly, and merging two copies of it doubles nothing', async () => {
    const { db, repo, advance } = freshRepo()
    const p = await repo.createPatient(ann)
    let v = await repo.createVisit(p.id, { note: 'v1' })
    for (const note of ['v2', 'v3', 'v4']) {
      advance(120_000)
      v = await repo.update('visit', v.id, v.rev, { note })
    }
    expect(await repo.historyOf(v.id)).toHaveLength(3)
    const { bytes, counts } = await exportBackup(db, { appVersion: 'test' })
    expect(counts.history).toBe(3)
    const other = freshRepo()
    await restoreBackup(other.repo.ctx, bytes, 'replace')
    expect(await other.repo.historyOf(v.id)).toEqual(await repo.historyOf(v.id))
    const report = (await restoreBackup(other.repo.ctx, bytes, 'merge')).report
    expect(report.versions).toBe(0)
    expect(await other.db.history.count()).toBe(3)
  })

  it('emptying the trash forgets the versions of what was deleted for good, not of anything else', async () => {
    const { db, repo, advance } = freshRepo()
    const p = await repo.createPatient(ann)
    const keep = await repo.createPatient({ ...ann, name: 'Kept Person' })
    let v = await repo.createVisit(p.id, { note: 'a' })
    advance(120_000)
    v = await repo.update('visit', v.id, v.rev, { note: 'b' })
    advance(120_000)
    await repo.update('patient', keep.id, keep.rev, { phone: '1' })
    await repo.trashPatient(p.id)
    await repo.emptyTrash()
    expect(await repo.historyOf(v.id)).toEqual([])
    expect(await repo.historyOf(keep.id)).toHaveLength(1)
    expect(await db.history.count()).toBe(1)
  })
})
