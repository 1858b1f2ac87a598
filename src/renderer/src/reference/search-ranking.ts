/**
 * Ranking of reference search results: entries holding every word first, then (when they are
 * few) entries holding some, always below; a drug typed by name brings along the causes it
 * points at, the medicines page first.
 */
import type MiniSearch from 'minisearch'
import type { Query, SearchResult } from 'minisearch'
import type { Doc } from './search-documents'

export const FIELD_BOOST = { title: 6, aliases: 4, summary: 2, body: 1 }
export const KIND_BOOST = { cause: 1.15, topic: 1.1, redflag: 0.9, drug: 1 } as const
/** A drug the sources do not name must not outrank the topic a word is on its way to ("hydr"). */
export const LOOKUP_BOOST = 0.7

/**
 * Entries holding every word come first; when they are few, entries holding only some of the
 * words follow, always ranked below them ("non-healing sores" still finds "sores that do not heal").
 */
export function rankedResults(index: MiniSearch<Doc>, queries: Query[], limit: number): SearchResult[] {
  if (queries.length === 0) return []
  const all = index.search({ combineWith: 'AND', queries })
  if (queries.length === 1 || all.length >= limit) return all
  const some = index.search({ combineWith: 'OR', queries }).filter((r) => !all.some((a) => a.id === r.id))
  if (some.length === 0) return all
  const floor = all.length ? Math.min(...all.map((r) => r.score)) * 0.9 : 1
  const top = Math.max(...some.map((r) => r.score))
  return [...all, ...some.map((r) => ({ ...r, score: (r.score / top) * floor }))]
}

/**
 * How a drug hit's score passes to a cause it points at: the medicines page nearly in full (it is
 * where every drug the sources name is discussed), other linked causes (low potassium for a
 * diuretic) well below, so a word half typed on the way to something else is not buried.
 */
export function drugCauseScore(drugScore: number, causeId: string, medicineCause: string): number {
  return drugScore * (causeId === medicineCause ? 0.95 : 0.5)
}
