import Dexie, { type Table } from 'dexie'
import type { AuditFilter, AuditHead, AuditKind, AuditRow } from './model'

/**
 * Where the audit trail lives. Small on purpose: the notes database implements it with two Dexie
 * tables (AUDIT_TABLES below); tests run the same class on fake-indexeddb.
 */
export interface AuditStore {
  head(): Promise<AuditHead | undefined>
  /**
   * Adds `rows` (numbered on from `expectedSeq`) and moves the end marker to `head`, in one
   * transaction, only if the marker is still at `expectedSeq` (0: empty). Returns false, writing
   * nothing, when another window appended first; the caller then rebuilds them on the new end.
   */
  appendIfHead(expectedSeq: number, rows: readonly AuditRow[], head: AuditHead): Promise<boolean>
  /** Rows with seq > afterSeq in seq order, and the end marker, read in one transaction. */
  readChunk(afterSeq: number, limit: number): Promise<{ head: AuditHead | undefined; rows: AuditRow[] }>
  /** Newest first, seq < beforeSeq; the filter's fields are all required to match. */
  query(filter: AuditFilter, limit: number, beforeSeq?: number): Promise<AuditRow[]>
  count(): Promise<number>
  /**
   * Events that happen while no key is open (a wrong passphrase) wait here, unchained, and are
   * chained at the next sign-in. Someone with the disk could delete them before that: said in
   * the README.
   */
  addPending(event: PendingAuditEvent): Promise<void>
  pending(): Promise<(PendingAuditEvent & { id: number })[]>
  removePending(id: number): Promise<void>
}

export interface PendingAuditEvent {
  at: string
  kind: AuditKind
  actorId: string
  /** Clear text: only ever ids and counts, never patient data. */
  detail?: Record<string, string | number | boolean>
}

/**
 * Table declarations for Dexie's `stores()`. `at` is indexed to turn a date range into a range
 * of seq (times never go backwards along the chain); the compound indexes give each filter its
 * newest-first page without scanning.
 */
export const AUDIT_TABLES = {
  audit: 'seq, at, [patientId+seq], [actorId+seq], [kind+seq]',
  auditHead: 'id',
  auditPending: '++id',
} as const

export class DexieAuditStore implements AuditStore {
  constructor(
    private readonly db: Dexie,
    private readonly rows: Table<AuditRow, number>,
    private readonly heads: Table<AuditHead, string>,
    private readonly waiting: Table<PendingAuditEvent & { id?: number }, number>,
  ) {}

  head(): Promise<AuditHead | undefined> {
    return this.heads.get('head')
  }

  async appendIfHead(expectedSeq: number, rows: readonly AuditRow[], head: AuditHead): Promise<boolean> {
    if (
      rows.length === 0 ||
      rows.some((r, i) => r.seq !== expectedSeq + 1 + i) ||
      head.seq !== rows.at(-1)!.seq
    )
      throw new RangeError('audit rows must follow the head in order, and the marker the last of them')
    // The end marker always moves with its rows, so the first number being taken means another
    // window appended first; the unique key says so without reading the marker first. Written
    // through IndexedDB itself rather than Dexie: Dexie's transaction layer cost as much as the
    // write (bench: 1.7 against 0.9 ms) and every audited action pays it. These tables are not
    // sealed by the middleware and nothing watches them live, so nothing is bypassed.
    if (!this.db.isOpen()) await this.db.open()
    const tx = this.db.backendDB().transaction([this.rows.name, this.heads.name], 'readwrite')
    const store = tx.objectStore(this.rows.name)
    for (const r of rows) store.add(r)
    tx.objectStore(this.heads.name).put(head)
    return new Promise<boolean>((resolve, reject) => {
      tx.oncomplete = () => resolve(true)
      // Any request failing aborts them all; a taken number is the one failure expected.
      tx.onabort = () =>
        tx.error?.name === 'ConstraintError'
          ? resolve(false)
          : reject(tx.error ?? new Error('The audit trail could not be written.'))
    })
  }

  readChunk(afterSeq: number, limit: number): Promise<{ head: AuditHead | undefined; rows: AuditRow[] }> {
    return this.db.transaction('r', this.rows, this.heads, async () => {
      const [head, rows] = await Promise.all([
        this.heads.get('head'),
        this.rows.where('seq').above(afterSeq).limit(limit).toArray(),
      ])
      return { head, rows }
    })
  }

  async query(filter: AuditFilter, limit: number, beforeSeq = Number.MAX_SAFE_INTEGER): Promise<AuditRow[]> {
    return this.db.transaction('r', this.rows, async () => {
      const [lo, hiFromDates] = await this.#seqRange(filter)
      const hi = Math.min(hiFromDates, beforeSeq - 1)
      if (hi < lo) return []
      const [index, value] =
        filter.patientId !== undefined
          ? (['[patientId+seq]', filter.patientId] as const)
          : filter.actorId !== undefined
            ? (['[actorId+seq]', filter.actorId] as const)
            : filter.kind !== undefined
              ? (['[kind+seq]', filter.kind] as const)
              : ([null, null] as const)
      const collection =
        index === null
          ? this.rows.where('seq').between(lo, hi, true, true)
          : this.rows.where(index).between([value, lo], [value, hi], true, true)
      return collection
        .reverse()
        .filter(
          (r) =>
            (filter.actorId === undefined || r.actorId === filter.actorId) &&
            (filter.kind === undefined || r.kind === filter.kind),
        )
        .limit(limit)
        .toArray()
    })
  }

  count(): Promise<number> {
    return this.rows.count()
  }

  async addPending(event: PendingAuditEvent): Promise<void> {
    await this.waiting.add({ ...event })
  }

  async pending(): Promise<(PendingAuditEvent & { id: number })[]> {
    return (await this.waiting.orderBy('id').toArray()) as (PendingAuditEvent & { id: number })[]
  }

  async removePending(id: number): Promise<void> {
    await this.waiting.delete(id)
  }

  /** The seq range a date filter covers (times never decrease along the chain). */
  async #seqRange(filter: AuditFilter): Promise<[number, number]> {
    let lo = 1
    let hi = Number.MAX_SAFE_INTEGER
    if (filter.from !== undefined) {
      const first = await this.rows.where('at').aboveOrEqual(filter.from).first()
      if (!first) return [1, 0]
      lo = first.seq
    }
    if (filter.to !== undefined) {
      const last = await this.rows.where('at').below(filter.to).last()
      if (!last) return [1, 0]
      hi = last.seq
    }
    return [lo, hi]
  }
}
