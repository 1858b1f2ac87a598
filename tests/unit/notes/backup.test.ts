import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  BACKUP_FORMAT,
  BackupError,
  applyBackup,
  backupFileName,
  exportBackup,
  lastBackupAt,
  readBackup,
  recordBackupMade,
  replaceLosses,
  restoreBackup,
  type BackupErrorCode,
} from '../../../src/renderer/src/notes/backup'
import { ConflictError } from '../../../src/renderer/src/notes/errors'
import { canonicalJson, sha256Hex } from '../../../src/renderer/src/notes/canonical'
import type { NotesDB } from '../../../src/renderer/src/notes/db'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import type { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { searchNotes } from '../../../src/renderer/src/notes/search'
import { dump, freshRepo } from './helpers'

const tricky = [
  'x'.repeat(1024 * 1024) + ' end',
  'Foot 🦶 cramp 😖, family 👨‍👩‍👧',
  'Señora Ñúñez, Fußkrampf',
  'تقلص عضلي في القدم',
  '<script>alert("x")</script>',
  'lone \ud800 surrogate and \u0000 null',
]

async function sample(repo: NotesRepository): Promise<void> {
  const a = await repo.createPatient({
    ...emptyPatientInput(),
    name: 'Ann Müller',
    dateOfBirth: '1950-03-07',
    medicines: ['furosemide 40 mg'],
  })
  const b = await repo.createPatient({ ...emptyPatientInput(), name: 'تقلص Bo' })
  for (const [i, note] of tricky.entries()) {
    await repo.createVisit(i % 2 ? a.id : b.id, {
      dateTime: new Date(Date.UTC(2026, 0, i + 1)).toISOString(),
      note,
      causeIds: ['dehydration'],
      findings: ['night'],
    })
  }
  const gone = await repo.createPatient({ ...emptyPatientInput(), name: 'Gone Person' })
  await repo.createVisit(gone.id, { note: 'in the trash' })
  await repo.trashPatient(gone.id)
  await repo.setSetting('clinic', { name: 'Step Clinic' })
  await repo.db.handoutTemplates.add({
    id: 't1',
    name: 'Night cramps - runner',
    causes: [],
    sections: ['hydration'],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  })
}

async function made(): Promise<{ db: NotesDB; repo: NotesRepository; bytes: Uint8Array<ArrayBuffer> }> {
  const { db, repo } = freshRepo()
  await sample(repo)
  const { bytes } = await exportBackup(db, { appVersion: '0.1.0', now: new Date('2026-11-21T10:00:00Z') })
  return { db, repo, bytes }
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b)
const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s)

/** A well-formed backup document around `data`, with a correct checksum. */
async function document(
  data: Record<string, unknown[]>,
  extra: Record<string, unknown> = {},
): Promise<Uint8Array> {
  const checksum = await sha256Hex(new TextEncoder().encode(canonicalJson(data)))
  const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]))
  return bytesOf(
    JSON.stringify({
      format: BACKUP_FORMAT,
      version: 2,
      createdAt: '2026-11-21T10:00:00.000Z',
      appVersion: '0.1.0',
      counts,
      checksum: { algorithm: 'SHA-256', value: checksum },
      data,
      ...extra,
    }),
  )
}

describe('backup format', () => {
  it('writes one versioned JSON document with counts and a SHA-256 of the canonical data', async () => {
    const { bytes } = await made()
    const doc = JSON.parse(text(bytes)) as Record<string, unknown> & { data: Record<string, unknown[]> }
    expect(doc.format).toBe('cramp-clinic-backup')
    expect(doc.version).toBe(2)
    expect(doc.createdAt).toBe('2026-11-21T10:00:00.000Z')
    expect(doc.appVersion).toBe('0.1.0')
    expect(doc.counts).toEqual({
      patients: 2,
      visits: 6,
      trash: 1,
      settings: 1,
      handoutTemplates: 1,
      handouts: 0,
      history: 0,
    })
    const expected = await sha256Hex(new TextEncoder().encode(canonicalJson(doc.data)))
    expect(doc.checksum).toEqual({ algorithm: 'SHA-256', value: expected })
    // Derived index keys are not part of the file; version fields are.
    expect(Object.keys(doc.data.visits?.[0] as object)).not.toContain('words')
    expect(Object.keys(doc.data.visits?.[0] as object)).toEqual(
      expect.arrayContaining(['rev', 'lineage', 'savedBy']),
    )
    expect(Object.keys(doc.data.patients?.[0] as object)).not.toContain('nameWords')
    expect(backupFileName(new Date(2026, 10, 21, 9))).toBe('Cramp Clinic backup 2026-11-21.json')
  })

  it('previews what a file holds without touching the database', async () => {
    const { bytes } = await made()
    const { preview } = await readBackup(bytes)
    expect(preview.counts.visits).toBe(6)
    expect(preview.format).toBe(2)
    expect(preview.createdAt).toBe('2026-11-21T10:00:00.000Z')
    expect(preview.sizeBytes).toBe(bytes.length)
  })

  it('restores into an empty database with every record identical, tricky text included', async () => {
    const { db, bytes } = await made()
    const target = freshRepo()
    const result = await restoreBackup(target.repo.ctx, bytes, 'replace')
    expect(result.report.added.visits).toBe(6)
    const withoutDrafts = async (d: NotesDB) => {
      const all = await dump(d)
      delete all['drafts']
      return all
    }
    expect(await withoutDrafts(target.db)).toEqual(await withoutDrafts(db))
    const notes = (await target.db.visits.toArray()).map((v) => v.note).sort()
    expect(notes).toEqual([...tricky].sort())
    // The search index is rebuilt from the restored text.
    expect((await searchNotes(target.db, 'fusskrampf')).total).toBe(0)
    expect((await searchNotes(target.db, 'fußkrampf')).total).toBe(1)
    // Exporting the restored data gives the same data and checksum.
    const again = await exportBackup(target.db, {
      appVersion: '0.1.0',
      now: new Date('2026-11-21T10:00:00Z'),
    })
    expect(text(again.bytes)).toBe(text(bytes))
  })

  it("replace keeps this machine's own settings (last backup date)", async () => {
    const { bytes } = await made()
    const target = freshRepo()
    await recordBackupMade(target.db, '2026-11-20T08:00:00.000Z')
    await target.repo.createPatient({ ...emptyPatientInput(), name: 'Replaced Away' })
    await restoreBackup(target.repo.ctx, bytes, 'replace')
    expect(await target.repo.findPatients('replaced')).toEqual([])
    expect(await lastBackupAt(target.db)).toBe('2026-11-20T08:00:00.000Z')
  })

  it('merge adds missing records, keeps local ones, and keeps the later version of each', async () => {
    const { db, repo, bytes } = await made()
    const [visit] = await db.visits.orderBy('dateTime').limit(1).toArray()
    // After the backup: a new local patient and a later edit of a backed-up visit.
    const local = await repo.createPatient({ ...emptyPatientInput(), name: 'Local Only' })
    await repo.update('visit', visit!.id, visit!.rev, { note: 'edited after the backup' })
    // Delete another visit outright (not via trash) to see merge bring it back.
    const [, second] = await db.visits.orderBy('dateTime').limit(2).toArray()
    await db.visits.delete(second!.id)
    const result = await restoreBackup(repo.ctx, bytes, 'merge')
    expect(result.report.added.visits).toBe(1)
    expect(result.report.updated.visits).toBe(0)
    expect(result.report.bothKept.visits).toBe(0)
    expect((await repo.getVisit(visit!.id))?.note).toBe('edited after the backup')
    expect(await repo.getVisit(second!.id)).toBeDefined()
    expect(await repo.getPatient(local.id)).toBeDefined()
  })

  it('counts what a replace would lose: records missing from the backup or changed here since', async () => {
    const { db, repo, bytes } = await made()
    const parsed = await readBackup(bytes)
    expect(await replaceLosses(db, parsed)).toEqual({ patients: 0, visits: 0 })
    const [visit] = await db.visits.orderBy('dateTime').limit(1).toArray()
    await repo.update('visit', visit!.id, visit!.rev, { note: 'written after the backup' })
    const late = await repo.createPatient({ ...emptyPatientInput(), name: 'Late Arrival' })
    await repo.createVisit(late.id, { note: 'first visit after the backup' })
    expect(await replaceLosses(db, parsed)).toEqual({ patients: 1, visits: 2 })
    // A fresh computer loses nothing.
    const fresh = freshRepo()
    expect(await replaceLosses(fresh.db, parsed)).toEqual({ patients: 0, visits: 0 })
  })

  it('replace with another version of a record: an editor still holding the old one gets a conflict', async () => {
    const { db, repo } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Ann Müller' })
    const v = await repo.createVisit(p.id, { note: 'first' })
    const here = await repo.update('visit', v.id, v.rev, { note: 'edited here' })
    const { bytes } = await exportBackup(db, { appVersion: 'test' })
    const other = freshRepo()
    await restoreBackup(other.repo.ctx, bytes, 'replace')
    const there = await other.repo.update('visit', v.id, here.rev, { note: 'edited on the other computer' })
    await restoreBackup(repo.ctx, (await exportBackup(other.db, { appVersion: 'test' })).bytes, 'replace')
    expect((await repo.getVisit(v.id))?.rev).toBe(there.rev)
    await expect(repo.update('visit', v.id, here.rev, { note: 'stale window' })).rejects.toBeInstanceOf(
      ConflictError,
    )
  })

  it('remembers the date of the last backup', async () => {
    const { db } = freshRepo()
    expect(await lastBackupAt(db)).toBeUndefined()
    await recordBackupMade(db, '2026-11-21T10:00:00.000Z')
    expect(await lastBackupAt(db)).toBe('2026-11-21T10:00:00.000Z')
  })
})

describe('restore failures leave the database exactly as it was', () => {
  async function expectRejected(
    bytes: Uint8Array | ((good: Uint8Array) => Uint8Array | Promise<Uint8Array>),
    code: BackupErrorCode,
    message: RegExp,
    options: { maxBytes?: number } = {},
  ): Promise<void> {
    const { db, repo, bytes: good } = await made()
    const bad = typeof bytes === 'function' ? await bytes(good) : bytes
    const before = await dump(db)
    for (const mode of ['replace', 'merge'] as const) {
      const error = await restoreBackup(repo.ctx, bad, mode, options).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(BackupError)
      expect((error as BackupError).code).toBe(code)
      expect((error as BackupError).message).toMatch(message)
      expect(await dump(db)).toEqual(before)
    }
  }

  it('a file over the size limit', () =>
    expectRejected((g) => g, 'too-large', /more than a backup can be/, { maxBytes: 1000 }))
  it('an empty file', () => expectRejected(new Uint8Array(), 'empty', /empty/))
  it('a binary file', () =>
    expectRejected(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]), 'not-text', /not a text file/))
  it('malformed JSON', () => expectRejected(bytesOf('this is { not json'), 'malformed', /cannot be read/))
  it('a truncated file', () =>
    expectRejected((g) => g.slice(0, Math.floor(g.length / 2)), 'truncated', /incomplete/))
  it('a truncated file cut just before the end', () =>
    expectRejected((g) => g.slice(0, g.length - 3), 'truncated', /incomplete/))
  it('another JSON document', () =>
    expectRejected(
      bytesOf('{"format":"something-else","version":1}'),
      'wrong-format',
      /not a Cramp Clinic backup/,
    ))
  it('a JSON array', () => expectRejected(bytesOf('[1,2,3]'), 'wrong-format', /not a Cramp Clinic backup/))
  it('a newer format version', () =>
    expectRejected(
      (g) => bytesOf(text(g).replace('"version":2', '"version":3')),
      'newer-version',
      /newer version of Cramp Clinic/,
    ))
  it('an unknown format version', () =>
    expectRejected(
      (g) => bytesOf(text(g).replace('"version":2', '"version":"one"')),
      'unknown-version',
      /does not know/,
    ))
  it('missing parts of the envelope', () =>
    expectRejected(bytesOf(`{"format":"${BACKUP_FORMAT}","version":1}`), 'malformed', /missing/))
  it('a note changed after the backup was made (bad checksum)', () =>
    expectRejected(
      (g) => bytesOf(text(g).replace('Señora', 'Senora')),
      'bad-checksum',
      /checksum does not match/,
    ))
  it('a record removed (bad checksum)', () =>
    expectRejected(
      (g) => {
        const doc = JSON.parse(text(g)) as { data: { visits: unknown[] } }
        doc.data.visits.pop()
        return bytesOf(JSON.stringify(doc))
      },
      'bad-checksum',
      /checksum/,
    ))
  it('records that fail the schema even with a valid checksum', () =>
    expectRejected(
      async (g) => {
        const doc = JSON.parse(text(g)) as { data: Record<string, Record<string, unknown>[]> }
        doc.data.patients![0]!.dateOfBirth = '1950-02-31'
        return document(doc.data)
      },
      'invalid-records',
      /Patient 1: Date of birth: Date of birth must be a real date/,
    ))
  it('a visit without its patient', () =>
    expectRejected(
      async (g) => {
        const doc = JSON.parse(text(g)) as { data: Record<string, Record<string, unknown>[]> }
        doc.data.patients = doc.data.patients!.slice(0, 1)
        return document(doc.data)
      },
      'invalid-records',
      /its patient is not among the patients/,
    ))
  it('a stored handout that is not a handout', () =>
    expectRejected(
      async (g) => {
        const doc = JSON.parse(text(g)) as { data: Record<string, Record<string, unknown>[]> }
        doc.data.handouts = [{ nonsense: true }]
        return document(doc.data)
      },
      'invalid-records',
      /Handout 1: Record id is missing/,
    ))
  it('a missing field, said in plain words', () =>
    expectRejected(
      async (g) => {
        const doc = JSON.parse(text(g)) as { data: Record<string, Record<string, unknown>[]> }
        delete doc.data.visits![0]!.note
        return document(doc.data)
      },
      'invalid-records',
      /Visit 1: Note is missing/,
    ))
  it('deeply nested JSON, said in plain words', () =>
    expectRejected(
      (g) => {
        const deep = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`
        return bytesOf(
          text(g).replace(
            '"settings":[',
            `"settings":[{"key":"deep","updatedAt":"2026-01-01T00:00:00.000Z","value":${deep}},`,
          ),
        )
      },
      'malformed',
      /damaged or is not a Cramp Clinic backup/,
    ))
  it('duplicate records', () =>
    expectRejected(
      async (g) => {
        const doc = JSON.parse(text(g)) as { data: Record<string, Record<string, unknown>[]> }
        doc.data.visits!.push(doc.data.visits![0]!)
        return document(doc.data)
      },
      'invalid-records',
      /appears twice/,
    ))
  it('counts that do not match the records', () =>
    expectRejected(
      async (g) => {
        const doc = JSON.parse(text(g)) as { data: Record<string, unknown[]> }
        const bytes = await document(doc.data)
        return bytesOf(text(bytes).replace(/"visits":6/, '"visits":7'))
      },
      'invalid-records',
      /does not match its summary/,
    ))

  it('a write that fails half way through the transaction', async () => {
    const { bytes } = await made()
    const { db, repo } = freshRepo(undefined, 'local-')
    await sample(repo)
    const before = await dump(db)
    const parsed = await readBackup(bytes)
    let n = 0
    // Storage refuses the fourth visit: everything already written in the transaction is undone.
    db.visits.hook('creating', () => {
      if (++n === 4) throw new Error('disk full')
    })
    for (const mode of ['replace', 'merge'] as const) {
      n = 0
      const err = await applyBackup(repo.ctx, parsed, mode).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(BackupError)
      expect((err as BackupError).message).toMatch(/nothing was changed/)
      expect(await dump(db)).toEqual(before)
    }
  })
})
