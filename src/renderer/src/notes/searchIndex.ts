import type { NotesDB, VisitRow } from './db'
import type { KeyRing } from '../security/keyring'
import { discardSnapshot, saveSnapshot } from './searchSnapshot'
import { WordIndex } from './searchWords'
import { changedUnseen, warmStart, type WarmStart } from './searchWarmStart'

export interface NoteIndexOptions {
  /**
   * Keep a sealed snapshot of the index between sessions (searchSnapshot.ts), so the first
   * search after sign-in does not wait for every note to be read again. Only ever for an
   * encrypted database: a clear one would put every note's words on disk.
   */
  snapshots?: boolean
  /** Quiet time after the last change before the snapshot is written again. */
  saveDelayMs?: number
}

/**
 * In-memory inverted index of visit words, built from the `words` stored on each visit.
 *
 * Why not an IndexedDB multi-entry index: measured in Chromium with 100,000 visits, every saved
 * visit then writes ~40 index entries (a full restore writes millions and takes minutes), and a
 * query for a common word must pull tens of thousands of keys out of IndexedDB (hundreds of ms).
 * Held in memory, a query is a binary search over the sorted distinct words plus a set
 * intersection: a few milliseconds. The price is one read of all visits when the index is first
 * needed, or, after the first time, one read of the sealed snapshot and of the visits changed
 * since it was saved.
 */
export class NoteSearchIndex {
  private words = new WordIndex()
  private building: Promise<void> | null = null
  private generation = 0
  private channel: BroadcastChannel | null = null
  /** Visits changed while a snapshot loads: read again once it has. */
  private arrivedWhileWarming: Set<string> | null = null
  private saveTimer: ReturnType<typeof setTimeout> | undefined
  private readonly snapshots: boolean
  private readonly saveDelayMs: number

  constructor(
    private readonly db: NotesDB,
    options: NoteIndexOptions = {},
  ) {
    this.snapshots = options.snapshots ?? true
    this.saveDelayMs = options.saveDelayMs ?? 5000
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
    if (!this.building) {
      const building: Promise<void> = this.build().catch((e: unknown) => {
        // A build that failed (locked half way, a row that does not open) is not kept: the
        // next search tries again instead of failing with the same error for the session.
        if (this.building === building) this.building = null
        throw e
      })
      this.building = building
    }
    return this.building
  }

  private built = false

  get isReady(): boolean {
    return this.built
  }

  /** How the last build started: from the saved snapshot, or by reading every visit. */
  lastStart: 'snapshot' | 'full' | null = null

  private async build(): Promise<void> {
    const generation = this.generation
    const ring = this.snapshotRing()
    if (ring && (await this.fromSnapshot(generation, ring))) return
    if (generation !== this.generation) return
    await this.readAll(generation)
    if (generation !== this.generation) return
    this.built = true
    this.lastStart = 'full'
    this.scheduleSave()
  }

  private async readAll(generation: number): Promise<void> {
    const PAGE = 5000
    let last: string | undefined
    for (;;) {
      const page: VisitRow[] =
        last === undefined
          ? await this.db.visits.orderBy(':id').limit(PAGE).toArray()
          : await this.db.visits.where(':id').above(last).limit(PAGE).toArray()
      if (generation !== this.generation) return
      for (const row of page) this.words.upsert(row)
      if (page.length < PAGE) break
      last = page[page.length - 1]!.id
    }
  }

  /** The snapshot and the visits changed since; false (and a full read) when it is unusable. */
  private async fromSnapshot(generation: number, ring: KeyRing): Promise<boolean> {
    this.arrivedWhileWarming = new Set()
    try {
      const start = await warmStart(this.db, ring).catch(() => null)
      if (!start || generation !== this.generation) return false
      this.words = WordIndex.from(start.dump)
      for (const id of start.removed) this.words.remove(id)
      const stale = [...new Set([...start.changed, ...this.arrivedWhileWarming])]
      this.arrivedWhileWarming = null
      await this.reread(stale, generation)
      if (generation !== this.generation) return true
      this.built = true
      this.lastStart = 'snapshot'
      if (stale.length || start.removed.length) this.scheduleSave()
      this.checking = this.checkTimes(generation, start)
      return true
    } finally {
      this.arrivedWhileWarming = null
    }
  }

  /** Reads these visits again (in pages) and indexes them as stored now. */
  private async reread(ids: string[], generation: number): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      const page = ids.slice(i, i + 500)
      const rows = await this.db.visits.bulkGet(page)
      if (generation !== this.generation) return
      page.forEach((id, j) => {
        const row = rows[j]
        if (row) this.words.upsert(row)
        else this.words.remove(id)
      })
    }
  }

  /** The check a warm start leaves until searches are answered (searchWarmStart.ts, changedUnseen). */
  private checking: Promise<void> | null = null

  private async checkTimes(generation: number, start: WarmStart): Promise<void> {
    const current = () => generation === this.generation
    // Locked meanwhile, or the rows cannot be read: the next unlock starts over.
    const found = await changedUnseen(this.db, start, current).catch(() => [] as string[])
    if (!current() || !found.length) return
    await this.reread(found, generation).catch(() => undefined)
    if (current()) this.scheduleSave()
  }

  /**
   * Resolves once the index is ready and, after a warm start, its background check has run too:
   * until then a visit saved with an earlier time in an earlier session may be found as it was.
   */
  async settled(): Promise<void> {
    await this.ready()
    await this.checking
  }

  /** The key ring to seal the snapshot with; null when snapshots are off, locked or unencrypted. */
  private snapshotRing(): KeyRing | null {
    if (!this.snapshots) return null
    try {
      return this.db.keySource ? this.db.keySource() : null
    } catch {
      return null
    }
  }

  private scheduleSave(): void {
    if (!this.snapshots) return
    clearTimeout(this.saveTimer)
    const generation = this.generation
    this.saveTimer = setTimeout(() => {
      if (generation === this.generation) void this.saveSnapshot().catch(() => undefined)
    }, this.saveDelayMs)
  }

  /** Writes the sealed snapshot now (normally a few seconds after changes settle). */
  async saveSnapshot(): Promise<boolean> {
    clearTimeout(this.saveTimer)
    const ring = this.snapshotRing()
    if (!ring || !this.built) return false
    await saveSnapshot(this.db.name, ring, this.words.dump())
    return true
  }

  /** Forget everything; the next search reads all visits again (after a restore). */
  reset(): void {
    this.generation++
    this.words = new WordIndex()
    this.building = null
    this.built = false
    this.lastStart = null
    this.checking = null
    clearTimeout(this.saveTimer)
  }

  /** Visits written or deleted in this window: re-read them now, tell the other windows. */
  async changed(ids: string[], options: { rebuild?: boolean } = {}): Promise<void> {
    this.channel?.postMessage({ ids, rebuild: options.rebuild } satisfies ChangeMessage)
    if (options.rebuild) {
      // Everything was replaced (a restore): the snapshot describes another database now.
      this.reset()
      await discardSnapshot(this.db.name)
    } else await this.refresh(ids)
  }

  private async refresh(ids: string[]): Promise<void> {
    if (!this.building || !ids.length) return
    for (const id of ids) this.arrivedWhileWarming?.add(id)
    const rows = await this.db.visits.bulkGet(ids)
    ids.forEach((id, i) => {
      const row = rows[i]
      if (row) this.words.upsert(row)
      else this.words.remove(id)
    })
    if (this.built) this.scheduleSave()
  }

  /** Visit ids holding a word that starts with every term, newest first, and how many. */
  query(terms: string[], wanted: number): { ids: string[]; total: number } {
    return this.words.query(terms, wanted)
  }

  close(): void {
    clearTimeout(this.saveTimer)
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

/** The one index of a database (created on first use, with `options` then). */
export function noteIndexFor(db: NotesDB, options?: NoteIndexOptions): NoteSearchIndex {
  let index = indexes.get(db)
  if (!index) {
    index = new NoteSearchIndex(db, options)
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
