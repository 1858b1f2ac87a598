import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { indexTokens } from '../../../src/renderer/src/notes/text'
import { NoteSearchIndex, noteIndexFor } from '../../../src/renderer/src/notes/searchIndex'
import { changedUnseen, warmStart } from '../../../src/renderer/src/notes/searchWarmStart'
import type { NotesDB } from '../../../src/renderer/src/notes/db'
import { LockedError } from '../../../src/renderer/src/security/errors'
import { createDataKey, deriveKeyRing } from '../../../src/renderer/src/security/keyring'
import { freshRepo, sealedDb } from './helpers'

const QUERIES = [['cramp'], ['calf'], ['night', 'calf'], ['stretch'], ['quinine'], ['zz'], ['c'], ['review']]

/** A new index on `db`, as the next sign-in makes it: from the snapshot if allowed. */
async function openIndex(db: NotesDB, snapshots: boolean): Promise<NoteSearchIndex> {
  const index = new NoteSearchIndex(db, { snapshots })
  await index.ready()
  return index
}

/** Query results of both indexes, compared with a generous limit and a small one. */
function expectSameResults(a: NoteSearchIndex, b: NoteSearchIndex): void {
  for (const q of QUERIES) {
    for (const limit of [3, 100]) expect(a.query(q, limit), q.join(' ')).toEqual(b.query(q, limit))
  }
}

async function clinicWithNotes() {
  const t = freshRepo()
  const { repo } = t
  const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Ann Müller' })
  const q = await repo.createPatient({ ...emptyPatientInput(), name: 'Bo Lind' })
  const notes = [
    'Night cramps in the left calf after long walks.',
    'Calf stretching reviewed; cramps less often.',
    'Quinine stopped years ago; night splint tried.',
    'Ingrown nail, review in two weeks.',
  ]
  const visits = []
  for (let i = 0; i < 24; i++) {
    visits.push(
      await repo.createVisit(i % 2 ? p.id : q.id, {
        // Several visits share a time: the order must still not depend on how the index was made.
        dateTime: `2026-0${1 + (i % 6)}-01T09:00:00.000Z`,
        note: notes[i % notes.length]!,
      }),
    )
  }
  return { ...t, visits }
}

/** The key ring the database's rows (and so its snapshot) are sealed with. */
function ring(db: NotesDB) {
  return db.keySource!()!
}

async function snapshotRow(db: NotesDB): Promise<{ sealed: Uint8Array } | undefined> {
  const raw = new Dexie(`${db.name}-note-index`)
  await raw.open()
  const row = (await raw.table('snapshots').get('notes')) as { sealed: Uint8Array } | undefined
  raw.close()
  return row
}

describe('note search index snapshot', () => {
  it('comes back from its sealed snapshot, brought up to date, exactly as a fresh build', async () => {
    const { repo, db, visits } = await clinicWithNotes()
    const live = noteIndexFor(db, { snapshots: true, saveDelayMs: 60_000 })
    await live.ready()
    expect(await live.saveSnapshot()).toBe(true)

    // Changes after the snapshot: an edit, a trashed visit, a new one, one restored from the trash.
    await repo.update('visit', visits[0]!.id, visits[0]!.rev, { note: 'Magnesium trial, stretching daily.' })
    await repo.trashVisit(visits[1]!.id)
    const entry = await repo.trashVisit(visits[2]!.id)
    await repo.restoreFromTrash(entry.id)
    await repo.createVisit(visits[3]!.patientId, { note: 'New calf cramp at night.' })

    const warm = await openIndex(db, true)
    const fresh = await openIndex(db, false)
    expect(warm.lastStart).toBe('snapshot')
    expect(fresh.lastStart).toBe('full')
    expectSameResults(warm, fresh)
    expect(warm.query(['magnesium'], 5).ids).toEqual([visits[0]!.id])
    expect(warm.query(['cramp'], 100).ids).not.toContain(visits[1]!.id)
    for (const i of [live, warm, fresh]) i.close()
  })

  it('notices a visit saved elsewhere with an earlier time, unannounced', async () => {
    const { db, visits } = await clinicWithNotes()
    const first = await openIndex(db, true)
    await first.saveSnapshot()
    // As a merge from another computer might write it: an older clock, no change message.
    const row = (await db.visits.get(visits[5]!.id))!
    const note = 'Orthotics fitted for heel pain.'
    await db.visits.put({
      ...row,
      note,
      words: indexTokens(note),
      rev: `${row.revision + 1}-elsewhere`,
      updatedAt: '2020-01-01T00:00:00.000Z',
    })
    const warm = await openIndex(db, true)
    const fresh = await openIndex(db, false)
    expect(warm.lastStart).toBe('snapshot')
    // Found by the order check that runs once searches are answered.
    await warm.settled()
    expect(warm.query(['orthotics'], 5).ids).toEqual([visits[5]!.id])
    expectSameResults(warm, fresh)
    for (const i of [first, warm, fresh]) i.close()
  })

  it('reads a visit again when it is missing from the updatedAt index', async () => {
    const { db, visits } = await clinicWithNotes()
    const first = await openIndex(db, true)
    await first.saveSnapshot()
    // A row without updatedAt is not in that index: its order cannot be checked.
    const row = (await db.visits.get(visits[7]!.id))!
    const note = 'Verruca treated with cryotherapy.'
    const { updatedAt: _dropped, ...rest } = { ...row, note, words: indexTokens(note), rev: 'x-1' }
    await db.visits.put(rest as typeof row)
    const warm = await openIndex(db, true)
    await warm.settled()
    expect(warm.lastStart).toBe('snapshot')
    expect(warm.query(['verruca'], 5).ids).toEqual([visits[7]!.id])
    for (const i of [first, warm]) i.close()
  })

  it('finds, page by page, every visit whose time differs from the snapshot, even between the same neighbours', async () => {
    const { db, visits } = await clinicWithNotes()
    const first = await openIndex(db, true)
    await first.saveSnapshot()
    const dump = (await warmStart(db, ring(db)))!.dump
    // Moved back by a millisecond: still between the same two neighbours in updatedAt order.
    const i = 10
    const id = dump.ids[i]!
    const row = (await db.visits.get(id))!
    const earlier = new Date(Date.parse(dump.updated[i]!) - 1).toISOString()
    expect(earlier > dump.updated[i - 1]!).toBe(true)
    await db.visits.put({ ...row, rev: 'x-2', updatedAt: earlier })
    const again = (await warmStart(db, ring(db)))!
    expect(again.changed, 'not seen by the quick part').toEqual([])
    for (const pageSize of [1, 5, 7, 1000]) {
      expect(await changedUnseen(db, again, () => true, pageSize), `pages of ${pageSize}`).toEqual([id])
    }
    expect(await changedUnseen(db, again, () => false, 5), 'stopped when no longer wanted').toEqual([])
    expect(visits).toHaveLength(24)
    first.close()
  })

  it('holds nothing searchable in clear on disk', async () => {
    const { db } = await clinicWithNotes()
    const index = await openIndex(db, true)
    await index.saveSnapshot()
    const row = await snapshotRow(db)
    expect(row?.sealed).toBeInstanceOf(Uint8Array)
    const text = new TextDecoder('latin1').decode(row!.sealed)
    for (const word of ['cramps', 'quinine', 'calf', 'splint']) expect(text).not.toContain(word)
    index.close()
  })

  it('is discarded and the index rebuilt when it does not open or was tampered with', async () => {
    const { db } = await clinicWithNotes()
    const first = await openIndex(db, true)
    await first.saveSnapshot()
    const raw = new Dexie(`${db.name}-note-index`)
    await raw.open()
    const row = (await raw.table('snapshots').get('notes')) as { sealed: Uint8Array }
    row.sealed[row.sealed.length - 5]! ^= 1
    await raw.table('snapshots').put(row)
    raw.close()

    const again = await openIndex(db, true)
    expect(again.lastStart).toBe('full')
    expectSameResults(again, first)
    expect(await snapshotRow(db)).toBeUndefined()

    // Another clinic's key (the same database opened with another data key): it does not open.
    await again.saveSnapshot()
    const otherRing = await deriveKeyRing(await createDataKey())
    const other = sealedDb(db.name, otherRing)
    const foreign = new NoteSearchIndex(other, { snapshots: true })
    await foreign.ready().catch(() => undefined)
    expect(foreign.lastStart).not.toBe('snapshot')
    expect(await snapshotRow(db)).toBeUndefined()
    for (const i of [first, again, foreign]) i.close()
  })

  it('is discarded when too much changed since it was saved', async () => {
    const { repo, db, visits } = await clinicWithNotes()
    const first = await openIndex(db, true)
    await first.saveSnapshot()
    for (const v of visits.slice(0, 20)) await repo.trashVisit(v.id)
    for (let i = 0; i < 40; i++) await repo.createVisit(visits[0]!.patientId, { note: `calf note ${i}` })
    const again = await openIndex(db, true)
    expect(again.lastStart).toBe('full')
    const fresh = await openIndex(db, false)
    expectSameResults(again, fresh)
    for (const i of [first, again, fresh]) i.close()
  })

  it('is never written for an unencrypted database', async () => {
    const db = sealedDb(`clear-${Math.random()}`, null)
    const index = await openIndex(db, true)
    expect(await index.saveSnapshot()).toBe(false)
    expect(index.lastStart).toBe('full')
    expect(await Dexie.exists(`${db.name}-note-index`)).toBe(false)
    index.close()
  })
})

describe('note index across a lock', () => {
  it('a build started while locked fails, and the next one after unlock succeeds', async () => {
    const { db } = await clinicWithNotes()
    const open = db.keySource!
    db.keySource = () => {
      throw new LockedError()
    }
    const index = new NoteSearchIndex(db, { snapshots: true })
    await expect(index.ready()).rejects.toThrow(LockedError)
    db.keySource = open
    await index.ready()
    expect(index.query(['calf'], 100).total).toBeGreaterThan(0)
    index.close()
  })
})
