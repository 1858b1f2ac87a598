/**
 * Full-text search over the reference: causes, general topics, red flags and the drug-name table.
 * MiniSearch does the indexing and scoring; this file decides what goes in each field, how a typed
 * query becomes a MiniSearch query (prefix while typing, typo tolerance, synonyms) and how drug
 * hits lead to the causes they point at. Pure: runs in Node and in the renderer.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import { CATEGORY_LABELS, type Content, type Drug, type Section } from './schema'
import { SYNONYMS } from './synonyms'
import { normalizeWord, STOPWORDS, stem, tokenize, wordMatches } from './text'

export type RefKind = 'cause' | 'topic' | 'redflag' | 'drug'

export interface ReferenceHit {
  kind: RefKind
  /** Content id (cause, topic, red flag or drug id). */
  id: string
  title: string
  /** Where it sits: the cause category, "General topic", "Red flag", "Medicine name lookup". */
  subtitle: string
  /** A short passage that shows why it matched (the summary when the title matched). */
  snippet: string
  score: number
  /** Normalised terms that matched, for highlight() / matchedWords(). */
  terms: string[]
  /** For a cause reached through a medicine: "Lipitor: atorvastatin, a statin". */
  via?: string
}

export interface SearchOptions {
  limit?: number
  kinds?: readonly RefKind[]
}

interface Doc {
  id: string
  kind: RefKind
  refId: string
  title: string
  aliases: string
  summary: string
  body: string
}

interface DocInfo {
  kind: RefKind
  refId: string
  title: string
  subtitle: string
  summary: string
  passages: string[]
}

const FIELDS = ['title', 'aliases', 'summary', 'body'] as const
const BOOST = { title: 6, aliases: 4, summary: 2, body: 1 }
const KIND_BOOST: Record<RefKind, number> = { cause: 1.15, topic: 1.1, redflag: 0.8, drug: 1 }
const EXPANSION_BOOST = 0.75
/** A drug the sources do not name (a lookup entry) must not outrank the topic a word is on its way to. */
const LOOKUP_BOOST = 0.7

function sectionText(s: Section | undefined): string[] {
  if (!s) return []
  return [s.text ?? '', ...(s.points ?? [])].filter(Boolean)
}

/**
 * Index-time term processing: fold the word and drop filler. Stems are not indexed (that would
 * nearly double the start-up work); a query looks its stem up as a prefix instead.
 */
function indexTerm(term: string, vocab: Set<string>): string | null {
  const w = normalizeWord(term)
  if (!w || STOPWORDS.has(w)) return null
  vocab.add(w)
  return w
}

interface Synonym {
  key: string[]
  expansions: string[][]
}

function queryWords(text: string): string[] {
  return tokenize(text)
    .map(normalizeWord)
    .filter((w) => w && !STOPWORDS.has(w))
}

const SYNONYM_TABLE: Synonym[] = Object.entries(SYNONYMS)
  .map(([k, v]) => ({ key: queryWords(k), expansions: v.map(queryWords).filter((e) => e.length > 0) }))
  .filter((s) => s.key.length > 0)
  .sort((a, b) => b.key.length - a.key.length)

type Slot =
  | { kind: 'term'; word: string; last: boolean }
  | { kind: 'syn'; words: string[]; last: boolean; expansions: string[][] }

/**
 * Reads a typed query into slots: plain words, or phrases found in the synonym table (longest
 * first). The word being typed (no space after it yet) may be a prefix of a synonym's last word,
 * so "water pi" already finds diuretics.
 */
function parseQuery(query: string): Slot[] {
  const typing = !/\s$/.test(query)
  const raw = tokenize(query).map(normalizeWord).filter(Boolean)
  // Keep a trailing stop word while it is still being typed: "an" may become "ankle".
  const words = raw.filter((w, i) => !STOPWORDS.has(w) || (typing && i === raw.length - 1))
  const slots: Slot[] = []
  let i = 0
  while (i < words.length) {
    let matched: Synonym | undefined
    for (const syn of SYNONYM_TABLE) {
      if (i + syn.key.length > words.length) continue
      const ok = syn.key.every((k, j) => {
        const w = words[i + j]!
        if (w === k) return true
        const isTyped = typing && i + j === words.length - 1
        return isTyped && syn.key.length > 1 && j === syn.key.length - 1 && j > 0 && k.startsWith(w)
      })
      if (ok) {
        matched = syn
        break
      }
    }
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

/** Sorted index vocabulary, to tell a real word or prefix from a typo. */
class Vocabulary {
  private readonly words: string[]
  constructor(words: Set<string>) {
    this.words = [...words].sort()
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
}

/** The word with each pair of neighbouring letters swapped, folded like the index. */
function swaps(word: string): string[] {
  const out = new Set<string>()
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue
    out.add(normalizeWord(word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2)))
  }
  out.delete(word)
  return [...out]
}

function termQuery(vocab: Vocabulary, word: string, last: boolean): Query {
  const prefix = last || word.length >= 3
  // Typo tolerance only for words the reference does not contain: otherwise "night" would
  // also find "light" and "tight".
  const known = vocab.hasPrefix(word)
  const fuzzy = !known && word.length >= 4 && /^[a-z]+$/.test(word) ? 0.2 : false
  const s = stem(word)
  const queries: Query[] = [{ queries: [word], prefix, fuzzy, combineWith: 'OR' }]
  // Two letters swapped ("calicum", "thyorid") is the commonest slip, but it costs two edits,
  // more than the fuzzy allowance gives a short word: try each swap the reference knows.
  if (!known && word.length >= 4)
    for (const t of swaps(word))
      if (vocab.hasPrefix(t)) queries.push({ queries: [t], prefix, fuzzy: false, combineWith: 'OR' })
  // "stretching" also finds "stretches" and "stretched" through the stem "stretch".
  if (s !== word && s.length >= 3)
    queries.push({ queries: [s], prefix: true, fuzzy: false, combineWith: 'OR' })
  return { combineWith: 'OR', queries }
}

function slotQuery(vocab: Vocabulary, slot: Slot): Query {
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

export interface ReferenceSearch {
  search(query: string, options?: SearchOptions): ReferenceHit[]
  /** Ideas for the no-results state: titles and lay words close to what was typed. */
  suggest(query: string, limit?: number): string[]
  readonly documentCount: number
}

function drugSubtitle(d: Drug, byId: Map<string, Drug>): string {
  if (d.mayHelp) return 'Medicine: may help, not a cause'
  if (d.kind === 'class')
    return d.named ? 'Medicine class named by the sources' : 'Medicine class (name lookup)'
  if (d.named) return 'Medicine named by the sources'
  const cls = d.classes.map((c) => byId.get(c)?.name ?? c).join(', ')
  return `Medicine name lookup: member of ${cls}`
}

export function createReferenceSearch(content: Content): ReferenceSearch {
  const info = new Map<string, DocInfo>()
  const docs: Doc[] = []
  const drugById = new Map(content.drugs.map((d) => [d.id, d]))

  for (const c of content.causes) {
    const sections = Object.values(c.sections) as (Section & { to?: string })[]
    const body = [
      c.patientSummary,
      ...sections.flatMap((s) => [...sectionText(s), s?.to ?? '']).filter(Boolean),
    ]
    docs.push({
      id: `cause:${c.id}`,
      kind: 'cause',
      refId: c.id,
      title: c.name,
      // Other names and search-only keywords weigh the same: both are words people type for it.
      aliases: [...c.aliases, ...c.keywords].join(' ; '),
      summary: c.summary,
      body: body.join('\n'),
    })
    info.set(`cause:${c.id}`, {
      kind: 'cause',
      refId: c.id,
      title: c.name,
      subtitle: CATEGORY_LABELS[c.category],
      summary: c.summary,
      passages: body,
    })
  }
  for (const t of content.topics) {
    const body = [
      ...t.sections.flatMap((s) => [s.heading ?? '', ...sectionText(s)]).filter(Boolean),
      ...(t.exercises ?? []).flatMap((e) => [e.name, ...e.steps, e.counts]),
    ]
    docs.push({
      id: `topic:${t.id}`,
      kind: 'topic',
      refId: t.id,
      title: t.title,
      aliases: t.aliases.join(' ; '),
      summary: t.summary,
      body: body.join('\n'),
    })
    info.set(`topic:${t.id}`, {
      kind: 'topic',
      refId: t.id,
      title: t.title,
      subtitle: 'General topic',
      summary: t.summary,
      passages: body,
    })
  }
  for (const r of content.redFlags) {
    docs.push({
      id: `redflag:${r.id}`,
      kind: 'redflag',
      refId: r.id,
      title: r.text,
      aliases: 'red flag',
      summary: r.patientText,
      body: r.action,
    })
    info.set(`redflag:${r.id}`, {
      kind: 'redflag',
      refId: r.id,
      title: r.text,
      subtitle: 'Red flag',
      summary: r.action,
      passages: [r.patientText, r.action],
    })
  }
  for (const d of content.drugs) {
    const classes = d.classes.map((c) => drugById.get(c)).filter((x): x is Drug => !!x)
    // A lookup entry's text is its class's note: shown, but indexed once, on the class.
    const note = d.note ?? classes.find((c) => c.note)?.note ?? ''
    const ownNote = d.note ?? ''
    const classNames = classes.map((c) => c.name).join(' ; ')
    docs.push({
      id: `drug:${d.id}`,
      kind: 'drug',
      refId: d.id,
      title: d.name,
      aliases: [...d.brands, ...d.aliases].join(' ; '),
      summary: classNames,
      body: ownNote,
    })
    const brands = d.brands.length ? ` (${d.brands.join(', ')})` : ''
    info.set(`drug:${d.id}`, {
      kind: 'drug',
      refId: d.id,
      title: d.name + brands,
      subtitle: drugSubtitle(d, drugById),
      summary: note,
      passages: [note],
    })
  }

  const lookupDocs = new Set(content.drugs.filter((d) => !d.named).map((d) => `drug:${d.id}`))
  const words = new Set<string>()
  const index = new MiniSearch<Doc>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    processTerm: (t: string) => indexTerm(t, words),
    searchOptions: {
      boost: BOOST,
      processTerm: (t: string) => normalizeWord(t) || null,
      boostDocument: (id: string) =>
        KIND_BOOST[(info.get(id)?.kind ?? 'cause') as RefKind] * (lookupDocs.has(id) ? LOOKUP_BOOST : 1),
    },
  })
  index.addAll(docs)
  const vocab = new Vocabulary(words)

  // Which causes a drug hit should bring along: its own, its classes', and the medicines cause.
  const drugCauses = new Map<string, string[]>()
  for (const d of content.drugs) {
    const ids = new Set<string>(d.causes)
    for (const c of d.classes) for (const x of drugById.get(c)?.causes ?? []) ids.add(x)
    ids.add(content.finder.medicineCause)
    drugCauses.set(d.id, [...ids])
  }

  /**
   * Entries holding every word come first; when they are few, entries holding only some of the
   * words follow, always ranked below them ("non-healing sores" still finds "sores that do not
   * heal").
   */
  function run(query: string, limit: number): SearchResult[] {
    const slots = parseQuery(query)
    if (slots.length === 0) return []
    const queries = slots.map((x) => slotQuery(vocab, x))
    const all = index.search({ combineWith: 'AND', queries })
    if (slots.length === 1 || all.length >= limit) return all
    const some = index.search({ combineWith: 'OR', queries }).filter((r) => !all.some((a) => a.id === r.id))
    if (some.length === 0) return all
    const floor = all.length ? Math.min(...all.map((r) => r.score)) * 0.9 : 1
    const top = Math.max(...some.map((r) => r.score))
    return [...all, ...some.map((r) => ({ ...r, score: (r.score / top) * floor }))]
  }

  function snippetFor(d: DocInfo, terms: string[], matchedFields: Set<string>): string {
    const inHead = matchedFields.has('title') || matchedFields.has('aliases')
    if (inHead || matchedFields.has('summary') || terms.length === 0) return d.summary
    const passage = d.passages.find((p) => tokenize(p).some((w) => wordMatches(w, terms)))
    return passage ? clip(passage, terms) : d.summary
  }

  function search(query: string, options: SearchOptions = {}): ReferenceHit[] {
    const limit = options.limit ?? 20
    const results = run(query, limit)
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
        // The medicines page first: it is where every drug the sources name is discussed. The
        // other linked causes (low potassium for a diuretic...) stay well below, so a word half
        // typed on the way to something else ("hydr" for hydration) is not buried under them.
        const score = hit.score * (causeId === content.finder.medicineCause ? 0.95 : 0.5)
        const d = info.get(key)
        if (!d) continue
        const via = `${drug.name}${drug.named ? '' : ' (name lookup)'}`
        const existing = hits.get(key)
        if (existing) {
          if (score > existing.score) {
            existing.score = score
            existing.via ??= via
          }
        } else {
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
    return suggestIndex
      .search(q, { fuzzy: 0.4, prefix: true, combineWith: 'OR' })
      .slice(0, limit)
      .map((r) => r.text as string)
  }

  return { search, suggest, documentCount: docs.length }
}

/** Cuts a long passage to a window around its first matching word. */
function clip(text: string, terms: string[], max = 160): string {
  if (text.length <= max) return text
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)]
  const first = words.find((m) => wordMatches(m[0], terms))
  const at = first?.index ?? 0
  let start = Math.max(0, at - 50)
  if (start > 0) {
    const space = text.indexOf(' ', start)
    start = space >= 0 && space < at ? space + 1 : start
  }
  let end = Math.min(text.length, start + max)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > at) end = space
  }
  return `${start > 0 ? '… ' : ''}${text.slice(start, end)}${end < text.length ? ' …' : ''}`
}
