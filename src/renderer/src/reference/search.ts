/**
 * Full-text search over the reference: causes, general topics, red flags and the drug-name table.
 * MiniSearch indexes and scores; search-documents.ts decides what each entry holds, search-query.ts
 * how a typed query is read (prefix while typing, stems, slips, synonyms), search-ranking.ts the
 * order, search-snippets.ts the passage shown. A query the reference knows nothing of gets an
 * honest "not covered", never a weak match. Pure: runs in Node and in the renderer.
 */
import MiniSearch from 'minisearch'
import type { Content } from './schema'
import { buildDocuments, drugCauseMap, type Doc, type RefKind } from './search-documents'
import { editDistance, parseQuery, queryWords, slotQuery, Vocabulary, wordStatus } from './search-query'
import { drugCauseScore, FIELD_BOOST, KIND_BOOST, LOOKUP_BOOST, rankedResults } from './search-ranking'
import { snippetFor } from './search-snippets'
import { SYNONYMS } from './synonyms'
import { normalizeWord, STOPWORDS } from './text'

export type { RefKind }

export interface ReferenceHit {
  kind: RefKind
  /** Content id (cause, topic, red flag or drug id). */
  id: string
  title: string
  /** Where it sits: the cause category, "General topic", "Red flag · Now", a kind of medicine. */
  subtitle: string
  /** A short passage that shows why it matched (the summary when the title matched). */
  snippet: string
  score: number
  /** Normalised terms that matched, for highlight() / matchedWords(). */
  terms: string[]
  /** For a cause reached through a medicine: "Atorvastatin (not named by the sources)". */
  via?: string
}

export interface SearchOptions {
  limit?: number
  kinds?: readonly RefKind[]
}

/** How much of a query the reference knows. */
export interface Coverage {
  /** Words the reference does not contain, even allowing for typing slips. */
  unknown: string[]
  /** Words read as slips of real words: "magnesum" read as "magnesium". */
  corrected: { typed: string; read: string }[]
  /** Not one word of the query is in the reference: it is outside what the reference covers. */
  notCovered: boolean
}

export interface ReferenceSearch {
  search(query: string, options?: SearchOptions): ReferenceHit[]
  coverage(query: string): Coverage
  /** Ideas for the no-results state: titles and lay words close to what was typed. */
  suggest(query: string, limit?: number): string[]
  readonly documentCount: number
}

export function createReferenceSearch(content: Content): ReferenceSearch {
  const { docs, info } = buildDocuments(content)
  const drugById = new Map(content.drugs.map((d) => [d.id, d]))
  const drugCauses = drugCauseMap(content)

  const words = new Set<string>()
  const index = new MiniSearch<Doc>({
    fields: Object.keys(FIELD_BOOST),
    storeFields: [],
    tokenize: (t) => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
    // Index-time: fold the word and drop filler. Stems are not indexed (that would nearly double
    // the start-up work); a query looks its stem up as a prefix instead.
    processTerm: (term: string) => {
      const w = normalizeWord(term)
      if (!w || STOPWORDS.has(w)) return null
      words.add(w)
      return w
    },
    searchOptions: {
      boost: FIELD_BOOST,
      processTerm: (t: string) => normalizeWord(t) || null,
      boostDocument: (id: string) => {
        const d = info.get(id)
        return d ? KIND_BOOST[d.kind] * (d.lookup ? LOOKUP_BOOST : 1) : 1
      },
    },
  })
  index.addAll(docs)
  const vocab = new Vocabulary(words)

  function coverage(query: string): Coverage {
    const out: Coverage = { unknown: [], corrected: [], notCovered: false }
    const slots = parseQuery(query)
    let known = 0
    for (const slot of slots) {
      if (slot.kind === 'syn') {
        known++
        continue
      }
      const { status, near } = wordStatus(vocab, slot.word)
      if (status === 'known') known++
      else if (status === 'corrected') {
        known++
        out.corrected.push({ typed: slot.word, read: near[0]! })
      } else out.unknown.push(slot.word)
    }
    out.notCovered = slots.length > 0 && known === 0
    return out
  }

  function search(query: string, options: SearchOptions = {}): ReferenceHit[] {
    const limit = options.limit ?? 20
    const slots = parseQuery(query)
    const results = rankedResults(
      index,
      slots.map((s) => slotQuery(vocab, s)),
      limit,
    )
    const hits = new Map<string, ReferenceHit>()
    // Drugs whose name, brand or other name was typed (not merely mentioned in a note).
    const namedDrugs = new Set<string>()
    for (const r of results) {
      const d = info.get(r.id as string)
      if (!d) continue
      const fields = new Set(Object.values(r.match).flat())
      if (d.kind === 'drug' && (fields.has('title') || fields.has('aliases'))) namedDrugs.add(d.refId)
      hits.set(r.id as string, {
        kind: d.kind,
        id: d.refId,
        title: d.title,
        subtitle: d.subtitle,
        snippet: snippetFor(d, r.terms, fields),
        score: r.score,
        terms: r.terms,
      })
    }
    // A drug name leads to the causes it points at, so "Lipitor" also opens the medicines page.
    for (const hit of [...hits.values()]) {
      if (hit.kind !== 'drug' || !namedDrugs.has(hit.id)) continue
      const drug = drugById.get(hit.id)
      if (!drug) continue
      for (const causeId of drugCauses.get(hit.id) ?? []) {
        const key = `cause:${causeId}`
        const d = info.get(key)
        if (!d) continue
        const score = drugCauseScore(hit.score, causeId, content.finder.medicineCause)
        const via = `${drug.name}${drug.named ? '' : ' (not named by the sources)'}`
        const existing = hits.get(key)
        if (existing) {
          if (score > existing.score) {
            existing.score = score
            existing.via ??= via
          }
        } else
          hits.set(key, {
            kind: 'cause',
            id: causeId,
            title: d.title,
            subtitle: d.subtitle,
            snippet: d.summary,
            score,
            terms: [],
            via,
          })
      }
    }
    let out = [...hits.values()]
    if (options.kinds) out = out.filter((h) => options.kinds!.includes(h.kind))
    return out.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, limit)
  }

  const suggestions = [
    ...content.causes.map((c) => c.name),
    ...content.topics.map((t) => t.title),
    ...Object.keys(SYNONYMS).filter((k) => k.length > 3),
  ]
  // Built on first use: only the no-results state needs it.
  let suggestIndex: MiniSearch<{ id: number; text: string }> | undefined

  function suggest(query: string, limit = 4): string[] {
    const q = queryWords(query).join(' ')
    if (!q) return []
    if (!suggestIndex) {
      suggestIndex = new MiniSearch({
        fields: ['text'],
        storeFields: ['text'],
        processTerm: (t) => normalizeWord(t) || null,
      })
      suggestIndex.addAll(suggestions.map((text, id) => ({ id, text })))
    }
    // Only what could be a slip of a typed word: same first letter, at most about a third of its
    // letters wrong ("dehydrashun" -> Dehydration; "gout" is not "Lou Gehrig").
    const typed = q.split(' ')
    const close = (text: string): boolean =>
      queryWords(text).some((w) =>
        typed.some(
          (t) =>
            t[0] === w[0] &&
            editDistance(t, w, Math.max(1, Math.floor(t.length * 0.34))) <=
              Math.max(1, Math.floor(t.length * 0.34)),
        ),
      )
    return suggestIndex
      .search(q, { fuzzy: 0.4, prefix: true, combineWith: 'OR' })
      .map((r) => r.text as string)
      .filter(close)
      .slice(0, limit)
  }

  return { search, coverage, suggest, documentCount: docs.length }
}
