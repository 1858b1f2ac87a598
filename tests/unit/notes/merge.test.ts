import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  BackupError,
  backupFromRecords,
  exportBackup,
  readBackup,
  restoreBackup,
} from '../../../src/renderer/src/notes/backup'
import { canonicalJson, sha256Hex } from '../../../src/renderer/src/notes/canonical'
import type { NotesDB } from '../../../src/renderer/src/notes/db'
import { emptyPatientInput, type Visit } from '../../../src/renderer/src/notes/model'
import type { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { freshRepo } from './helpers'

const ann = { ...emptyPatientInput(), name: 'Ann Müller' }
const backupOf = async (db: NotesDB): Promise<Uint8Array> =>
  (await exportBackup(db, { appVersion: 'test' })).bytes

/** Computer A with a patient and a visit, and computer B holding a copy of A's backup. */
async function twoComputers(bStart?: number) {
  const a = freshRepo()
  const p = await a.repo.createPatient(ann)
  const v = await a.repo.createVisit(p.id, {
    reason: 'calf cramps',
    note: 'first note',
    dateTime: '2026-11-20T10:00:00.000Z',
  })
  const b = freshRepo(bStart)
  await restoreBackup(b.repo.ctx, await backupOf(a.db), 'replace')
  return { a, b, p, v }
}

async function exportsAndRestores(db: NotesDB): Promise<void> {
  const bytes = await backupOf(db)
  const fresh = freshRepo()
  await restoreBackup(fresh.repo.ctx, bytes, 'replace')
}

async function liveOrphans(repo: NotesRepository): Promise<number> {
  return (await repo.orphanVisits()).length
}

describe('merging a backup keeps every version and the records whole', () => {
  it('a new visit of a patient trashed here goes to the trash with them, and says so', async () => {
    const { a, b, p } = await twoComputers()
    const fromB = await b.repo.createVisit(p.id, { note: 'written on computer B' })
    const bBackup = await backupOf(b.db)
    await a.repo.trashPatient(p.id)
    const { report } = await restoreBackup(a.repo.ctx, bBackup, 'merge')
    expect(report.visitsToTrashedPatient).toBe(1)
    expect(report.added.visits).toBe(0)
    expect(await a.repo.getVisit(fromB.id)).toBeUndefined()
    expect(await liveOrphans(a.repo)).toBe(0)
    // Every later backup is restorable, and the visit comes back with its patient.
    await exportsAndRestores(a.db)
    const [entry] = await a.repo.listTrash()
    expect(entry!.kind === 'patient' && entry!.visits.map((x) => x.note)).toContain('written on computer B')
    await a.repo.restoreFromTrash(entry!.id)
    expect((await a.repo.getVisit(fromB.id))?.note).toBe('written on computer B')
  })

  it('a later version of a record trashed here joins it in the trash; the earlier is kept in the history', async () => {
    const { a, b, v } = await twoComputers()
    const later = await b.repo.update('visit', v.id, v.rev, { plan: 'rest and stretch' })
    await a.repo.trashVisit(v.id)
    const { report } = await restoreBackup(a.repo.ctx, await backupOf(b.db), 'merge')
    expect(report.inTrash.visits).toBe(1)
    expect(await a.repo.getVisit(v.id)).toBeUndefined()
    const [entry] = await a.repo.listTrash()
    expect(entry!.kind === 'visit' && entry!.visit.rev).toBe(later.rev)
    expect((await a.repo.historyOf(v.id)).map((h) => h.record.rev)).toContain(v.rev)
  })

  it('both sides edited: both versions kept in full, this computer shown, no decision by the clock', async () => {
    // B's clock runs two years ahead; B edits first in real time, A later.
    const { a, b, v } = await twoComputers(Date.parse('2028-11-21T09:00:00.000Z'))
    const there = await b.repo.update('visit', v.id, v.rev, {
      reason: 'cramps, both feet',
      plan: 'plan from B',
      followUpDate: '2026-12-24',
      dateTime: '2026-11-20T11:30:00.000Z',
    })
    const here = await a.repo.update('visit', v.id, v.rev, { note: 'note from A', plan: 'plan from A' })
    expect(there.updatedAt > here.updatedAt).toBe(true)
    const { report } = await restoreBackup(a.repo.ctx, await backupOf(b.db), 'merge')
    expect(report.bothKept.visits).toBe(1)
    const current = (await a.repo.getVisit(v.id))!
    expect(current.rev).toBe(here.rev)
    expect(current.plan).toBe('plan from A')
    expect(current.conflicts).toEqual([there.rev])
    const other = await a.repo.historyVersion(v.id, there.rev)
    expect(other?.why).toBe('conflict')
    const kept = other!.record as Visit
    expect([kept.reason, kept.plan, kept.followUpDate, kept.dateTime, kept.note]).toEqual([
      'cramps, both feet',
      'plan from B',
      '2026-12-24',
      '2026-11-20T11:30:00.000Z',
      'first note',
    ])
    // Merged back the other way, B shows its own and keeps A's: nothing is lost on either side.
    await restoreBackup(b.repo.ctx, await backupOf(a.db), 'merge')
    expect((await b.repo.getVisit(v.id))?.rev).toBe(there.rev)
    expect(((await b.repo.historyVersion(v.id, here.rev))?.record as Visit).plan).toBe('plan from A')
  })

  it('a later version from the backup replaces the earlier one here, which is kept in the history', async () => {
    const { a, b, v } = await twoComputers()
    const there = await b.repo.update('visit', v.id, v.rev, { note: 'added on B' })
    const { report } = await restoreBackup(a.repo.ctx, await backupOf(b.db), 'merge')
    expect(report.updated.visits).toBe(1)
    expect((await a.repo.getVisit(v.id))?.rev).toBe(there.rev)
    const [kept] = await a.repo.historyOf(v.id)
    expect([kept!.why, kept!.record.rev]).toEqual(['replaced', v.rev])
    // Merging the same backup again changes nothing.
    const again = (await restoreBackup(a.repo.ctx, await backupOf(b.db), 'merge')).report
    expect([again.updated.visits, again.bothKept.visits, again.added.visits]).toEqual([0, 0, 0])
  })

  it('backups made before version history (format 1) merge without false conflicts', async () => {
    const { a, v, p } = await twoComputers()
    // The same records as format 1 wrote them (no version fields, handouts inside the visit).
    const strip = ({
      rev: _r,
      lineage: _l,
      savedBy: _s,
      editStartedAt: _e,
      conflicts: _c,
      ...rest
    }: Record<string, unknown>) => rest
    const oldVisit = { ...strip(v as never), handouts: [] }
    const oldPatient = strip({ ...(await a.repo.getPatient(p.id))! } as never)
    const data = { handoutTemplates: [], patients: [oldPatient], settings: [], trash: [], visits: [oldVisit] }
    const doc = {
      format: 'cramp-clinic-backup',
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      appVersion: '0.1.0',
      counts: { patients: 1, visits: 1, trash: 0, settings: 0, handoutTemplates: 0 },
      checksum: {
        algorithm: 'SHA-256',
        value: await sha256Hex(new TextEncoder().encode(canonicalJson(data))),
      },
      data,
    }
    const parsed = await readBackup(new TextEncoder().encode(JSON.stringify(doc)))
    expect(parsed.preview.format).toBe(1)
    const old = freshRepo()
    await restoreBackup(old.repo.ctx, new TextEncoder().encode(JSON.stringify(doc)), 'replace')
    const restored = (await old.repo.getVisit(v.id))!
    expect(restored.note).toBe('first note')
    expect(restored.rev).toMatch(/^1-h[0-9a-f]{14}$/)
    // The same old backup merged twice (or on two computers) is one version, not a conflict.
    const again = (await restoreBackup(old.repo.ctx, new TextEncoder().encode(JSON.stringify(doc)), 'merge'))
      .report
    expect(again.bothKept.visits).toBe(0)
  })
})

describe('export refuses to report success on a database a restore would refuse', () => {
  it('names the problem, writes no file, and a repair makes it whole without deleting anything', async () => {
    const { db, repo } = freshRepo()
    const p = await repo.createPatient(ann)
    const trashed = await repo.createPatient({ ...ann, name: 'In The Trash' })
    const v1 = await repo.createVisit(p.id, { note: 'patient row lost' })
    const v2 = await repo.createVisit(trashed.id, { note: 'patient in the trash' })
    // As the merge of older versions could leave things: visits live without their patient.
    const entry = await repo.trashPatient(trashed.id)
    await db.visits.put({ ...(await db.visits.get(v1.id))! })
    await db.visits.put({
      ...(entry.kind === 'patient' ? entry.visits[0]! : (undefined as never)),
      words: [],
    })
    await db.patients.delete(p.id)
    const error = await exportBackup(db, { appVersion: 'test' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BackupError)
    expect((error as BackupError).code).toBe('invalid-database')
    expect((error as BackupError).message).toMatch(
      /no backup file was written.*its patient is not among the patients/,
    )
    expect(await repo.orphanVisits()).toHaveLength(2)

    const report = await repo.repair()
    expect(report).toEqual({ toTrash: 1, remade: 1 })
    expect(await repo.orphanVisits()).toEqual([])
    expect((await repo.getVisit(v1.id))?.note).toBe('patient row lost')
    expect((await repo.getPatient(p.id))?.name).toMatch(/^Patient not found/)
    expect(await repo.getVisit(v2.id)).toBeUndefined()
    await exportsAndRestores(db)
  })

  it('a hand-made backup with a visit whose patient is missing is refused in plain words', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient(ann)
    const v = await repo.createVisit(p.id)
    const { bytes } = await backupFromRecords({ patients: [], visits: [v] }, { appVersion: 'test' })
    await expect(readBackup(bytes)).rejects.toThrow(
      /Visit 1 \(\d{4}-\d{2}-\d{2}\): its patient is not among the patients/,
    )
  })
})
