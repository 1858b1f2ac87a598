/**
 * How a typed query becomes a MiniSearch query: words and synonym phrases (longest first), each
 * word looked up as typed, as a prefix while it is being typed, by its stem, and, only when the
 * reference does not contain it, by the nearest real words within one or two typing slips.
 * Typo tolerance is ours, not MiniSearch's, so it can refuse a "correction" that is really a
 * different word ("liver" is not a slip for "live").
 */
import type { Query } from 'minisearch'
import { SYNONYMS } from './synonyms'
import { normalizeWord, STOPWORDS, stem, tokenize } from './text'

export const EXPANSION_BOOST = 0.75
/** A corrected word counts for less than one typed right. */
const CORRECTION_BOOST = 0.8

interface Synonym {
  key: string[]
  expansions: string[][]
}

export function queryWords(text: string): string[] {
  return tokenize(text)
    .map(normalizeWord)
    .filter((w) => w && !STOPWORDS.has(w))
}

const SYNONYM_TABLE: Synonym[] = Object.entries(SYNONYMS)
  .map(([k, v]) => ({ key: queryWords(k), expansions: v.map(queryWords).filter((e) => e.length > 0) }))
  .filter((s) => s.key.length > 0)
  .sort((a, b) => b.key.length - a.key.length)

export type Slot =
  | { kind: 'term'; word: string; last: boolean }
  | { kind: 'syn'; words: string[]; last: boolean; expansions: string[][] }

/**
 * Reads a typed query into slots: plain words, or phrases found in the synonym table (longest
 * first). The word being typed (no space after it yet) may be a prefix of a synonym's last word,
 * so "water pi" already finds diuretics.
 */
export function parseQuery(query: string): Slot[] {
  const typing = !/\s$/.test(query)
  const raw = tokenize(query).map(normalizeWord).filter(Boolean)
  // Keep a trailing stop word while it is still being typed: "an" may become "ankle".
  const words = raw.filter((w, i) => !STOPWORDS.has(w) || (typing && i === raw.length - 1))
  const slots: Slot[] = []
  let i = 0
  while (i < words.length) {
    const matched = SYNONYM_TABLE.find(
      (syn) =>
        i + syn.key.length <= words.length &&
        syn.key.every((k, j) => {
          const w = words[i + j]!
          if (w === k) return true
          const isTyped = typing && i + j === words.length - 1
          return isTyped && syn.key.length > 1 && j === syn.key.length - 1 && j > 0 && k.startsWith(w)
        }),
    )
    if (matched) {
      const end = i + matched.key.length
      slots.push({
        kind: 'syn',
        words: words.slice(i, end),
        last: end === words.length,
        expansions: matched.expansions,
      })
      i = end
    } else {
      slots.push({ kind: 'term', word: words[i]!, last: i === words.length - 1 })
      i++
    }
  }
  return slots
}

/**
 * Optimal string alignment distance (edits: insert, delete, substitute, swap two neighbours),
 * giving up past `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1)
      row.push(d)
      best = Math.min(best, d)
    }
    if (best > max) return max + 1
    rows.push(row)
  }
  return rows[a.length]![b.length]!
}

/** How many slips a word of this length may carry and still be read as a slip. */
export function slipsAllowed(word: string): number {
  if (word.length >= 8) return 2
  if (word.length >= 4) return 1
  return 0
}

/** The sorted words of the index, to tell a real word or prefix from a slip. */
export class Vocabulary {
  private readonly words: string[]
  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)].sort()
  }
  hasPrefix(w: string): boolean {
    let lo = 0
    let hi = this.words.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.words[mid]! < w) lo = mid + 1
      else hi = mid
    }
    return this.words[lo]?.startsWith(w) ?? false
  }
  /**
   * Real words within the slips allowed, nearest first. Never a word the typed one merely extends
   * ("live" for "liver": a different word, not a slip) unless it is the typed word's own stem;
   * never a different first letter (people rarely slip on the first letter, and "gout" is not
   * "bout"); never a word under four letters.
   */
  near(word: string): string[] {
    const max = slipsAllowed(word)
    if (!max || !/^[a-z]+$/.test(word)) return []
    const own = stem(word)
    return this.words
      .filter((w) => w.length >= 4 && w[0] === word[0] && w !== word && (!word.startsWith(w) || w === own))
      .map((w) => ({ w, d: editDistance(word, w, max) }))
      .filter((x) => x.d <= max)
      .sort((a, b) => a.d - b.d || a.w.localeCompare(b.w))
      .slice(0, 4)
      .map((x) => x.w)
  }
}

/** How a word of the query was found in the reference. */
export type WordStatus = 'known' | 'corrected' | 'unknown'

export function wordStatus(vocab: Vocabulary, word: string): { status: WordStatus; near: string[] } {
  const s = stem(word)
  if (vocab.hasPrefix(word) || (s.length >= 3 && vocab.hasPrefix(s))) return { status: 'known', near: [] }
  const near = vocab.near(word)
  return { status: near.length ? 'corrected' : 'unknown', near }
}

function termQuery(vocab: Vocabulary, word: string, last: boolean): Query {
  const prefix = last || word.length >= 3
  const s = stem(word)
  const queries: Query[] = [{ queries: [word], prefix, fuzzy: false, combineWith: 'OR' }]
  // "stretching" also finds "stretches" and "stretched" through the stem "stretch".
  if (s !== word && s.length >= 3)
    queries.push({ queries: [s], prefix: true, fuzzy: false, combineWith: 'OR' })
  // Slips only for words the reference does not contain: otherwise "night" would also find
  // "light" and "tight".
  const { status, near } = wordStatus(vocab, word)
  if (status === 'corrected')
    queries.push({
      queries: near,
      prefix: false,
      fuzzy: false,
      combineWith: 'OR',
      boostTerm: () => CORRECTION_BOOST,
    })
  return { combineWith: 'OR', queries }
}

export function slotQuery(vocab: Vocabulary, slot: Slot): Query {
  if (slot.kind === 'term') return termQuery(vocab, slot.word, slot.last)
  const literal: Query = {
    combineWith: 'AND',
    queries: slot.words.map((w, i) => termQuery(vocab, w, slot.last && i === slot.words.length - 1)),
  }
  const expansions: Query[] = slot.expansions.map((e) => ({
    combineWith: 'AND',
    boostTerm: () => EXPANSION_BOOST,
    queries: e.map((w) => ({ queries: [w], prefix: true, fuzzy: false, combineWith: 'OR' })),
  }))
  return { combineWith: 'OR', queries: [literal, ...expansions] }
}
