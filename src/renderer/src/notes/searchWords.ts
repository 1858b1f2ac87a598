import type { VisitRow } from './db'
import type { IndexDump } from './searchSnapshot'

type Doc = { id: string; time: number; rev: string; updatedAt: string }

/**
 * The words of every visit, held for prefix queries: the data of the note search index
 * (searchIndex.ts says when it is filled, and from where).
 */
export class WordIndex {
  /** Visit number -> what a query needs to rank it, and what the snapshot compares. */
  private docs: (Doc | undefined)[] = []
  private numberOf = new Map<string, number>()
  /**
   * Words are numbered so each distinct word is held once: 100,000 visits carry ~4 million word
   * occurrences, which as separate strings would cost hundreds of MB.
   */
  private wordIds = new Map<string, number>()
  private wordList: string[] = []
  private postings: number[][] = []
  private docWords: (Uint32Array | undefined)[] = []
  private sortedWords: number[] = []
  private sortedDirty = true

  upsert(row: VisitRow): void {
    let n = this.numberOf.get(row.id)
    if (n !== undefined) {
      const doc = this.docs[n]
      // The row was just read from the database, so it is what is stored: no clock comparison
      // (a version restored from the trash or a merge can carry an earlier time and still be current).
      if (doc && doc.rev === row.rev) return
      this.unlink(n)
    } else {
      n = this.docs.length
      this.numberOf.set(row.id, n)
    }
    this.docs[n] = { id: row.id, time: Date.parse(row.dateTime), rev: row.rev, updatedAt: row.updatedAt }
    const ids = new Uint32Array(row.words.length)
    row.words.forEach((w, i) => {
      let id = this.wordIds.get(w)
      if (id === undefined) {
        id = this.wordList.length
        this.wordIds.set(w, id)
        this.wordList.push(w)
        this.postings.push([])
        this.sortedDirty = true
      }
      ids[i] = id
      this.postings[id]!.push(n)
    })
    this.docWords[n] = ids
  }

  remove(id: string): void {
    const n = this.numberOf.get(id)
    if (n === undefined) return
    this.unlink(n)
    this.docs[n] = undefined
    this.numberOf.delete(id)
  }

  private unlink(n: number): void {
    for (const w of this.docWords[n] ?? []) {
      const list = this.postings[w]
      if (!list) continue
      const i = list.lastIndexOf(n)
      if (i >= 0) list.splice(i, 1)
    }
    this.docWords[n] = undefined
  }

  /** Visit ids holding a word that starts with every term, newest first, and how many. */
  query(terms: string[], wanted: number): { ids: string[]; total: number } {
    const limit = Math.max(1, Math.floor(wanted))
    if (this.sortedDirty) {
      const list = this.wordList
      this.sortedWords = list.map((_, i) => i).sort((a, b) => (list[a]! < list[b]! ? -1 : 1))
      this.sortedDirty = false
    }
    const sets = terms.map((t) => this.matching(t))
    sets.sort((a, b) => a.size - b.size)
    const [smallest, ...rest] = sets
    if (!smallest) return { ids: [], total: 0 }
    const docs = this.docs
    // Newest first; visits of the same minute by id, so the order does not depend on how the
    // index was numbered (read whole, or loaded from a snapshot and patched).
    const before = (a: number, b: number): boolean => {
      const da = docs[a]!
      const db = docs[b]!
      return da.time > db.time || (da.time === db.time && da.id < db.id)
    }
    // Keep only the `limit` newest while counting all: no sort of tens of thousands of hits.
    const top: number[] = []
    let total = 0
    for (const n of smallest) {
      if (!rest.every((s) => s.has(n))) continue
      total++
      if (top.length === limit && !before(n, top[limit - 1]!)) continue
      let i = top.length
      while (i > 0 && before(n, top[i - 1]!)) i--
      top.splice(i, 0, n)
      if (top.length > limit) top.pop()
    }
    return { ids: top.map((n) => docs[n]!.id), total }
  }

  private matching(term: string): Set<number> {
    const sorted = this.sortedWords
    const word = (i: number): string => this.wordList[sorted[i]!]!
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (word(mid) < term) lo = mid + 1
      else hi = mid
    }
    const out = new Set<number>()
    for (let i = lo; i < sorted.length && word(i).startsWith(term); i++) {
      for (const n of this.postings[sorted[i]!] ?? []) if (this.docs[n]) out.add(n)
    }
    return out
  }

  /** The live visits and their words, numbered afresh (what the snapshot stores). */
  dump(): IndexDump {
    // In the order of the visits' updatedAt index (then id, as IndexedDB orders ties), which
    // is how the snapshot is checked against the stored visits (searchWarmStart.ts).
    const docsNow = this.docs
    const live = docsNow
      .flatMap((d, n) => (d ? [n] : []))
      .sort((a, b) => {
        const x = docsNow[a]!
        const y = docsNow[b]!
        if (x.updatedAt !== y.updatedAt) return x.updatedAt < y.updatedAt ? -1 : 1
        return x.id < y.id ? -1 : x.id > y.id ? 1 : 0
      })
    const offsets = new Uint32Array(live.length + 1)
    let size = 0
    live.forEach((n, i) => {
      offsets[i] = size
      size += this.docWords[n]?.length ?? 0
    })
    offsets[live.length] = size
    const flat = new Uint32Array(size)
    live.forEach((n, i) => flat.set(this.docWords[n] ?? [], offsets[i]))
    const docs = live.map((n) => this.docs[n]!)
    return {
      ids: docs.map((d) => d.id),
      revs: docs.map((d) => d.rev),
      updated: docs.map((d) => d.updatedAt),
      times: Float64Array.from(docs, (d) => d.time),
      words: [...this.wordList],
      offsets,
      flat,
    }
  }

  static from(d: IndexDump): WordIndex {
    const x = new WordIndex()
    x.load(d)
    return x
  }

  private load(d: IndexDump): void {
    this.docs = d.ids.map((id, i) => ({ id, rev: d.revs[i]!, updatedAt: d.updated[i]!, time: d.times[i]! }))
    this.numberOf = new Map(d.ids.map((id, i) => [id, i]))
    this.wordList = [...d.words]
    this.wordIds = new Map(d.words.map((w, i) => [w, i]))
    // Each word's list sized first and filled in place: 4 million pushes at 100,000 visits
    // were a good part of loading a snapshot.
    const counts = new Uint32Array(d.words.length)
    for (const w of d.flat) counts[w]!++
    const postings = Array.from(counts, (c) => new Array<number>(c))
    const filled = new Uint32Array(d.words.length)
    const { flat, offsets } = d
    for (let i = 0; i < d.ids.length; i++) {
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        const w = flat[k]!
        postings[w]![filled[w]!++] = i
      }
    }
    this.postings = postings
    this.docWords = d.ids.map((_, i) => flat.subarray(offsets[i], offsets[i + 1]))
    this.sortedDirty = true
  }
}
