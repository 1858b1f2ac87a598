import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { toVisitRow } from '../../../src/renderer/src/notes/rows'
import { findWordStart, searchNotes, snippetAt } from '../../../src/renderer/src/notes/search'
import { indexTokens, words } from '../../../src/renderer/src/notes/text'
import { freshRepo } from './helpers'

describe('text folding', () => {
  it('folds case and accents and splits any script into words', () => {
    expect(words('Crampe NOCTURNE à Zürich')).toEqual(['crampe', 'nocturne', 'a', 'zurich'])
    expect(words('تقلص عضلي')).toEqual(['تقلص', 'عضلي'])
    expect(indexTokens('a b12 cd 🦶 cd')).toEqual(['b12', 'cd'])
  })
})

describe('note search', () => {
  it('finds visits by word prefixes in note, reason or plan, newest first, all words required', async () => {
    const { repo, db } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Ann Müller' })
    const old = await repo.createVisit(p.id, {
      dateTime: '2025-01-01T09:00:00.000Z',
      note: 'Night cramps in the left calf after long walks.',
    })
    const recent = await repo.createVisit(p.id, {
      dateTime: '2026-01-01T09:00:00.000Z',
      reason: 'Cramps at night',
      note: 'Takes a diurétique since May.',
    })
    await repo.createVisit(p.id, { note: 'Unrelated ingrown nail.', plan: 'Review in 2 weeks' })

    const cramps = await searchNotes(db, 'cramp')
    expect(cramps.hits.map((h) => h.visit.id)).toEqual([recent.id, old.id])
    expect(cramps.total).toBe(2)
    expect(cramps.hits[1]?.snippet).toContain('Night cramps')
    expect(cramps.hits[0]?.patientName).toBe('Ann Müller')

    const both = await searchNotes(db, 'night calf')
    expect(both.hits.map((h) => h.visit.id)).toEqual([old.id])
    expect(both.hits[0]?.field).toBe('note')
    expect(both.hits[0]?.offset).toBe(0)
    expect((await searchNotes(db, 'calf')).hits[0]?.offset).toBe('Night cramps in the left '.length)

    expect((await searchNotes(db, 'DIURETIQUE')).hits).toHaveLength(1)
    expect((await searchNotes(db, 'review')).hits[0]?.field).toBe('plan')
    expect((await searchNotes(db, 'nothing-like-this')).hits).toEqual([])
    expect((await searchNotes(db, '   ')).hits).toEqual([])
  })

  it('finds a changed note by its new words only, and forgets trashed visits', async () => {
    const { repo, db } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Bo' })
    const v = await repo.createVisit(p.id, { note: 'magnesium trial' })
    await repo.update('visit', v.id, v.rev, { note: 'stretching programme' })
    expect((await searchNotes(db, 'magnesium')).total).toBe(0)
    expect((await searchNotes(db, 'stretch')).total).toBe(1)
    await repo.trashVisit(v.id)
    expect((await searchNotes(db, 'stretch')).total).toBe(0)
  })

  it('ranks very many matches newest first and counts them all', async () => {
    const { repo, db } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Many' })
    const rows = Array.from({ length: 1600 }, (_, i) => ({
      dateTime: new Date(Date.UTC(2020, 0, 1) + i * 3600_000).toISOString(),
      note: `common word ${i}`,
    }))
    // Written in one go (the ranking is under test here, not 1,600 separate saves).
    const first = await repo.createVisit(p.id, { note: 'seed' })
    await db.visits.bulkAdd(rows.map((r, i) => toVisitRow({ ...first, ...r, id: `many-${i}` })))
    const found = await searchNotes(db, 'common', 5)
    expect(found.total).toBe(1600)
    expect(found.hits.map((h) => h.visit.note)).toEqual([
      'common word 1599',
      'common word 1598',
      'common word 1597',
      'common word 1596',
      'common word 1595',
    ])
  })

  it('locates matches in the original text and cuts snippets', () => {
    expect(findWordStart('Ça va, CRAMPES là', ['crampe'])).toBe(7)
    expect(findWordStart('nothing', ['x'])).toBe(-1)
    const long = 'a'.repeat(100) + ' target ' + 'b'.repeat(300)
    const s = snippetAt(long, 101)
    expect(s.startsWith('…')).toBe(true)
    expect(s).toContain('target')
  })

  it('sees visits written in another window (same database, another connection)', async () => {
    const { repo, db } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Two Windows' })
    await repo.createVisit(p.id, { note: 'first window wrote this' })
    expect((await searchNotes(db, 'first')).total).toBe(1)
    // A second connection to the same database, as another tab or window would have.
    const other = new NotesDB(db.name)
    other.keySource = db.keySource
    const otherRepo = new NotesRepository(other)
    const v = await otherRepo.createVisit(p.id, { note: 'second window wrote this' })
    await expect.poll(async () => (await searchNotes(db, 'second')).total).toBe(1)
    await otherRepo.update('visit', v.id, v.rev, { note: 'changed again elsewhere' })
    await expect.poll(async () => (await searchNotes(db, 'second')).total).toBe(0)
    expect((await searchNotes(db, 'elsewhere')).hits[0]?.visit.id).toBe(v.id)
    other.close()
  })

  it('a prefix covers every word it starts, and the count covers every hit beyond the page', async () => {
    const { repo, db } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Prefix' })
    await repo.createVisit(p.id, { dateTime: '2026-01-01T09:00:00.000Z', note: 'cramps at night' })
    await repo.createVisit(p.id, { dateTime: '2026-02-01T09:00:00.000Z', note: 'cramping in the arch' })
    await repo.createVisit(p.id, { dateTime: '2026-03-01T09:00:00.000Z', note: 'a cramp, once' })
    await repo.createVisit(p.id, { dateTime: '2026-04-01T09:00:00.000Z', note: 'crampon injury' })
    const found = await searchNotes(db, 'cramp', 2)
    expect(found.total).toBe(4)
    expect(found.hits.map((h) => h.visit.note)).toEqual(['crampon injury', 'a cramp, once'])
    expect((await searchNotes(db, 'crampi', 0)).hits.map((h) => h.visit.note)).toEqual([
      'cramping in the arch',
    ])
  })
})
