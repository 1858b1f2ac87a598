import type { NotesDB, VisitRow } from './db'

/**
 * In-memory inverted index of visit words, built from the `words` stored on each visit.
 *
 * Why not an IndexedDB multi-entry index: measured in Chromium with 100,000 visits, every saved
 * visit then writes ~40 index entries (a full restore writes millions and takes minutes), and a
 * query for a common word must pull tens of thousands of keys out of IndexedDB (hundreds of ms).
 * Held in memory, a query is a binary search over the sorted distinct words plus a set
 * intersection: a few milliseconds. The price is one read of all visits when the index is first
 * needed (started in the background when the app starts).
 */
export class NoteSearchIndex {
  /** Visit number -> what a query needs to rank it. */
  private docs: ({ id: string; time: number; rev: string } | undefined)[] = []
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
  private building: Promise<void> | null = null
  private generation = 0
  private channel: BroadcastChannel | null = null

  constructor(private readonly db: NotesDB) {
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(channelName(db))
      this.channel.onmessage = (e: MessageEvent<ChangeMessage>) => {
        if (e.data.rebuild) this.reset()
        else void this.refresh(e.data.ids ?? [])
      }
    }
  }

  /** Resolves when every visit stored is in the index (reads them all the first time). */
  ready(): Promise<void> {
    this.building ??= this.build()
    return this.building
  }

  private built = false

  get isReady(): boolean {
    return this.built
  }

  private async build(): Promise<void> {
    const generation = this.generation
    const PAGE = 5000
    let last: string | undefined
    for (;;) {
      const page: VisitRow[] =
        last === undefined
          ? await this.db.visits.orderBy(':id').limit(PAGE).toArray()
          : await this.db.visits.where(':id').above(last).limit(PAGE).toArray()
      if (generation !== this.generation) return
      for (const row of page) this.upsert(row)
      if (page.length < PAGE) break
      last = page[page.length - 1]!.id
    }
    this.built = true
  }

  /** Forget everything; the next search reads all visits again (after a restore). */
  reset(): void {
    this.generation++
    this.docs = []
    this.docWords = []
    this.numberOf.clear()
    this.wordIds.clear()
    this.wordList = []
    this.postings = []
    this.sortedWords = []
    this.sortedDirty = true
    this.building = null
    this.built = false
  }

  /** Visits written or deleted in this window: re-read them now, tell the other windows. */
  async changed(ids: string[], options: { rebuild?: boolean } = {}): Promise<void> {
    this.channel?.postMessage({ ids, rebuild: options.rebuild } satisfies ChangeMessage)
    if (options.rebuild) this.reset()
    else await this.refresh(ids)
  }

  private async refresh(ids: string[]): Promise<void> {
    if (!this.building || !ids.length) return
    const rows = await this.db.visits.bulkGet(ids)
    ids.forEach((id, i) => {
      const row = rows[i]
      if (row) this.upsert(row)
      else this.remove(id)
    })
  }

  private upsert(row: VisitRow): void {
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
    this.docs[n] = { id: row.id, time: Date.parse(row.dateTime), rev: row.rev }
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

  private remove(id: string): void {
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
    // Keep only the `limit` newest while counting all: no sort of tens of thousands of hits.
    const top: number[] = []
    let total = 0
    for (const n of smallest) {
      if (!rest.every((s) => s.has(n))) continue
      total++
      const time = docs[n]!.time
      if (top.length === limit && time <= docs[top[limit - 1]!]!.time) continue
      let i = top.length
      while (i > 0 && docs[top[i - 1]!]!.time < time) i--
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

  close(): void {
    this.channel?.close()
  }
}

interface ChangeMessage {
  ids?: string[]
  rebuild?: boolean
}

function channelName(db: NotesDB): string {
  return `cramp-notes-index:${db.name}`
}

const indexes = new WeakMap<NotesDB, NoteSearchIndex>()

/** The one index of a database (created on first use). */
export function noteIndexFor(db: NotesDB): NoteSearchIndex {
  let index = indexes.get(db)
  if (!index) {
    index = new NoteSearchIndex(db)
    indexes.set(db, index)
  }
  return index
}

/** Tells the database's index (if one was made) that these visits changed. */
export function visitsChanged(
  db: NotesDB,
  ids: string[],
  options: { rebuild?: boolean } = {},
): Promise<void> {
  const index = indexes.get(db)
  if (index) return index.changed(ids, options)
  // No index in this window yet: other windows may have one.
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(channelName(db))
    channel.postMessage({ ids, rebuild: options.rebuild } satisfies ChangeMessage)
    channel.close()
  }
  return Promise.resolve()
}
