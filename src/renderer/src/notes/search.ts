import type { NotesDB, VisitRow } from './db'
import type { Patient, Visit } from './model'
import { fromVisitRow } from './rows'
import { noteIndexFor } from './searchIndex'
import { fold, isIndexed, words } from './text'

export interface NoteHit {
  visit: Visit
  patientName: string
  /** About 160 characters of the text around the first match. */
  snippet: string
  /** Field the snippet comes from. */
  field: 'note' | 'reason' | 'plan'
  /** Character offset of the first match in that field (to put the cursor there). */
  offset: number
  /** Query words as typed, for highlighting. */
  terms: string[]
}

export interface NoteSearchResult {
  hits: NoteHit[]
  /** How many visits match (an upper bound when `exact` is false). */
  total: number
  exact: boolean
}

/**
 * Full text over visit notes, reasons and plans: every query word must start a word of the visit
 * (accents and case ignored), newest visits first. The first search reads all visits into the
 * in-memory index (searchIndex.ts); later ones read only the hits shown.
 */
export async function searchNotes(db: NotesDB, query: string, limit = 20): Promise<NoteSearchResult> {
  const terms = [...new Set(words(query))].filter(isIndexed)
  if (!terms.length) return { hits: [], total: 0, exact: true }
  const index = noteIndexFor(db)
  do await index.ready()
  while (!index.isReady)
  const found = index.query(terms, limit)
  const rows = (await db.visits.bulkGet(found.ids)).filter((r): r is VisitRow => r !== undefined)
  const total = found.total
  const exact = true
  const patientIds = [...new Set(rows.map((r) => r.patientId))]
  const patients = await db.patients.bulkGet(patientIds)
  const names = new Map<string, string>()
  patients.forEach((p) => p && names.set(p.id, p.name))
  const typed = query.trim().split(/\s+/).filter(Boolean)
  const hits = rows.map((row): NoteHit => {
    const visit = fromVisitRow(row)
    const where = locate(visit, terms)
    return {
      visit,
      patientName: names.get(visit.patientId) ?? '',
      snippet: snippetAt(visit[where.field], where.offset),
      field: where.field,
      offset: where.offset,
      terms: typed,
    }
  })
  return { hits, total, exact }
}

/** First place a query word starts a word, searching note, then reason, then plan. */
function locate(visit: Visit, terms: string[]): { field: NoteHit['field']; offset: number } {
  for (const field of ['note', 'reason', 'plan'] as const) {
    const offset = findWordStart(visit[field], terms)
    if (offset >= 0) return { field, offset }
  }
  return { field: 'note', offset: 0 }
}

/**
 * Offset in the original text where a word starting with one of the folded terms begins.
 * Folding can change length (ligatures), so words are folded one by one.
 */
export function findWordStart(text: string, terms: string[]): number {
  const re = /[\p{L}\p{N}\p{M}]+/gu
  for (const m of text.matchAll(re)) {
    const w = fold(m[0])
    if (terms.some((t) => w.startsWith(t))) return m.index
  }
  return -1
}

export function snippetAt(text: string, offset: number, size = 160): string {
  const start = Math.max(0, offset - 50)
  const end = Math.min(text.length, start + size)
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`
}

/** Header-search style patient lookup, re-exported for one import site. */
export type PatientHit = Pick<Patient, 'id' | 'name' | 'chartNumber' | 'dateOfBirth' | 'lastVisitAt'>
