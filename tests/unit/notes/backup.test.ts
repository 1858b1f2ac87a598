import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  BACKUP_FORMAT,
  BackupError,
  applyBackup,
  backupFileName,
  backupFromRecords,
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
      version: 1,
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
    expect(doc.version).toBe(1)
    expect(doc.createdAt).toBe('2026-11-21T10:00:00.000Z')
    expect(doc.appVersion).toBe('0.1.0')
    expect(doc.counts).toEqual({ patients: 2, visits: 6, trash: 1, settings: 1, handoutTemplates: 1 })
    const expected = await sha256Hex(new TextEncoder().encode(canonicalJson(doc.data)))
    expect(doc.checksum).toEqual({ algorithm: 'SHA-256', value: expected })
    // Derived index keys are not part of the file.
    expect(Object.keys(doc.data.visits?.[0] as object)).not.toContain('words')
    expect(Object.keys(doc.data.patients?.[0] as object)).not.toContain('nameWords')
    expect(backupFileName(new Date(2026, 10, 21, 9))).toBe('Cramp Clinic backup 2026-11-21.json')
  })

  it('previews what a file holds without touching the database', async () => {
    const { bytes } = await made()
    const { preview } = await readBackup(bytes)
    expect(preview.counts.visits).toBe(6)
    expect(preview.createdAt).toBe('2026-11-21T10:00:00.000Z')
    expect(preview.sizeBytes).toBe(bytes.length)
  })

  it('restores into an empty database with every record identical, tricky text included', async () => {
    const { db, bytes } = await made()
    const target = freshRepo()
    const result = await restoreBackup(target.db, bytes, 'replace')
    expect(result.written.visits).toBe(6)
    expect(await dump(target.db)).toEqual(await dump(db))
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
    await restoreBackup(target.db, bytes, 'replace')
    expect(await target.repo.findPatients('replaced')).toEqual([])
    expect(await lastBackupAt(target.db)).toBe('2026-11-20T08:00:00.000Z')
  })

  it('merge adds missing records, keeps local ones, and keeps the newer edit of each', async () => {
    const { db, repo, bytes } = await made()
    const [visit] = await db.visits.orderBy('dateTime').limit(1).toArray()
    // After the backup: a new local patient and a newer edit of a backed-up visit.
    const local = await repo.createPatient({ ...emptyPatientInput(), name: 'Local Only' })
    await repo.updateVisit(visit!.id, visit!.revision, { note: 'edited after the backup' })
    // Delete another visit outright (not via trash) to see merge bring it back.
    const [, second] = await db.visits.orderBy('dateTime').limit(2).toArray()
    await db.visits.delete(second!.id)
    const result = await restoreBackup(db, bytes, 'merge')
    expect(result.written.visits).toBe(1)
    expect((await repo.getVisit(visit!.id))?.note).toBe('edited after the backup')
    expect(await repo.getVisit(second!.id)).toBeDefined()
    expect(await repo.getPatient(local.id)).toBeDefined()
  })

  it('merge replaces an older local copy and raises its revision so open editors see a conflict', async () => {
    const { db, repo } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Rev' })
    const v = await repo.createVisit(p.id, { note: 'old' })
    const src = freshRepo(Date.parse('2027-01-01T00:00:00Z'))
    await restoreBackup(src.db, (await exportBackup(db, { appVersion: 'x' })).bytes, 'replace')
    await src.repo.updateVisit(v.id, 1, { note: 'newer elsewhere' })
    const backup = await exportBackup(src.db, { appVersion: 'x' })
    await repo.updateVisit(v.id, 1, { note: 'local second edit' })
    await restoreBackup(db, backup.bytes, 'merge')
    const merged = await repo.getVisit(v.id)
    expect(merged?.note).toBe('newer elsewhere')
    expect(merged?.revision).toBe(3)
  })

  it('counts what a replace would lose: records missing from the backup or newer here', async () => {
    const { db, repo, bytes } = await made()
    const parsed = await readBackup(bytes)
    expect(await replaceLosses(db, parsed)).toEqual({ patients: 0, visits: 0 })
    const [visit] = await db.visits.orderBy('dateTime').limit(1).toArray()
    await repo.updateVisit(visit!.id, visit!.revision, { note: 'written after the backup' })
    const late = await repo.createPatient({ ...emptyPatientInput(), name: 'Late Arrival' })
    await repo.createVisit(late.id, { note: 'first visit after the backup' })
    expect(await replaceLosses(db, parsed)).toEqual({ patients: 1, visits: 2 })
    // A fresh computer loses nothing.
    const fresh = freshRepo()
    expect(await replaceLosses(fresh.db, parsed)).toEqual({ patients: 0, visits: 0 })
  })

  it('replace lifts a restored record above the revision here, so an open editor cannot save over it', async () => {
    const { db, repo } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Ann Müller' })
    const v = await repo.createVisit(p.id, { note: 'first' })
    const here = await repo.updateVisit(v.id, 1, { note: 'edited here' })
    // A backup from another computer whose copy of the visit reached the same revision.
    const other = { ...here, note: 'edited on the other computer' }
    const { bytes } = await backupFromRecords(
      { patients: [await repo.getPatient(p.id)], visits: [other] },
      { appVersion: 'test' },
    )
    await restoreBackup(db, bytes, 'replace')
    const restored = (await repo.getVisit(v.id))!
    expect(restored.note).toBe('edited on the other computer')
    expect(restored.revision).toBeGreaterThan(here.revision)
    // The editor still holding revision 2 gets a conflict, not a silent overwrite.
    await expect(repo.updateVisit(v.id, here.revision, { note: 'stale window' })).rejects.toBeInstanceOf(
      ConflictError,
    )
    // Into an empty database every record is restored exactly as it was.
    const fresh = freshRepo()
    await restoreBackup(fresh.db, bytes, 'replace')
    expect((await fresh.repo.getVisit(v.id))?.revision).toBe(here.revision)
  })

  it('merge leaves what was deleted here in the trash, unless the backup holds a later edit', async () => {
    const { db, repo } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Ann Müller' })
    const deleted = await repo.createVisit(p.id, { note: 'deleted after the backup' })
    const editedElsewhere = await repo.createVisit(p.id, { note: 'first words' })
    const gone = await repo.createPatient({ ...emptyPatientInput(), name: 'Gone Person' })
    const { bytes } = await exportBackup(db, { appVersion: 'test' })
    // The other computer edits one visit after the backup; that copy is newer than the trash's.
    const later = {
      ...editedElsewhere,
      note: 'first words, more later',
      updatedAt: '2030-01-01T00:00:00.000Z',
    }
    const { bytes: laterBytes } = await backupFromRecords(
      { patients: [(await repo.getPatient(p.id))!], visits: [later] },
      { appVersion: 'test' },
    )
    await repo.trashVisit(deleted.id)
    await repo.trashVisit(editedElsewhere.id)
    await repo.trashPatient(gone.id)
    await restoreBackup(db, bytes, 'merge')
    expect(await repo.getVisit(deleted.id)).toBeUndefined()
    expect(await repo.getPatient(gone.id)).toBeUndefined()
    expect(await repo.listTrash()).toHaveLength(3)
    await restoreBackup(db, laterBytes, 'merge')
    expect((await repo.getVisit(editedElsewhere.id))?.note).toBe('first words, more later')
    expect(await repo.getVisit(deleted.id)).toBeUndefined()
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
    const { db, bytes: good } = await made()
    const bad = typeof bytes === 'function' ? await bytes(good) : bytes
    const before = await dump(db)
    for (const mode of ['replace', 'merge'] as const) {
      const error = await restoreBackup(db, bad, mode, options).catch((e: unknown) => e)
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
      (g) => bytesOf(text(g).replace('"version":1', '"version":2')),
      'newer-version',
      /newer version of Cramp Clinic/,
    ))
  it('an unknown format version', () =>
    expectRejected(
      (g) => bytesOf(text(g).replace('"version":1', '"version":"one"')),
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
      /Patient 1 \(dateOfBirth\): Date of birth must be a real date/,
    ))
  it('a visit without its patient', () =>
    expectRejected(
      async (g) => {
        const doc = JSON.parse(text(g)) as { data: Record<string, Record<string, unknown>[]> }
        doc.data.patients = doc.data.patients!.slice(0, 1)
        return document(doc.data)
      },
      'invalid-records',
      /its patient is not in the backup/,
    ))
  it('a stored handout that is not a handout', () =>
    expectRejected(
      async (g) => {
        const doc = JSON.parse(text(g)) as { data: Record<string, Record<string, unknown>[]> }
        doc.data.visits![0]!.handouts = [{ nonsense: true }]
        return document(doc.data)
      },
      'invalid-records',
      /Visit 1 \(handouts/,
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
      const err = await applyBackup(db, parsed, mode).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(BackupError)
      expect((err as BackupError).message).toMatch(/nothing was changed/)
      expect(await dump(db)).toEqual(before)
    }
  })
})
