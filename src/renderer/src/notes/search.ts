import type { NotesDB } from './db'
import type { Patient, Visit } from './model'
import { fromVisitRow } from './rows'
import { fold, words } from './text'

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
  /** How many visits match in all (hits holds the newest `limit`). */
  total: number
}

/** Below this many candidates they are read and sorted; above it the date index is walked. */
const READ_ALL_LIMIT = 1500

/**
 * Full text over visit notes, reasons and plans: every query word must start a word of the visit
 * (accents and case ignored). Uses the multi-entry `words` index written with each visit, so a
 * search reads only matching keys, then at most a bounded number of rows, newest first.
 */
export async function searchNotes(db: NotesDB, query: string, limit = 20): Promise<NoteSearchResult> {
  const terms = [...new Set(words(query))]
  if (!terms.length) return { hits: [], total: 0 }
  // Longest words first: they match the fewest keys, so the sets shrink fastest.
  terms.sort((a, b) => b.length - a.length)
  let ids: Set<string> | undefined
  for (const term of terms) {
    const keys = (await db.visits.where('words').startsWith(term).primaryKeys()) as string[]
    const next = new Set<string>()
    for (const key of keys) if (!ids || ids.has(key)) next.add(key)
    ids = next
    if (!ids.size) return { hits: [], total: 0 }
  }
  const matches = ids ?? new Set<string>()
  let rows
  if (matches.size <= READ_ALL_LIMIT) {
    rows = (await db.visits.bulkGet([...matches])).filter((r) => r !== undefined)
    rows.sort((a, b) => (a.dateTime < b.dateTime ? 1 : a.dateTime > b.dateTime ? -1 : 0))
    rows = rows.slice(0, limit)
  } else {
    // Many matches: walking the dates backwards meets `limit` of them after few rows.
    rows = await db.visits
      .orderBy('dateTime')
      .reverse()
      .filter((row) => matches.has(row.id))
      .limit(limit)
      .toArray()
  }
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
  return { hits, total: matches.size }
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
