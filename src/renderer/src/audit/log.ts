import { LockedError } from '../security/errors'
import { decryptValue, encryptValue } from '../security/fieldCrypto'
import type { KeyRing } from '../security/keyring'
import { ChainWalker, headSeal, macOf, type ChainProblem } from './chain'
import { describeProblem } from './describe'
import type { AuditEntry, AuditEvent, AuditFilter, AuditHead, AuditKind, AuditRow } from './model'
import type { AuditStore } from './store'

export interface AuditLogOptions {
  store: AuditStore
  /** The open key ring; throws LockedError while locked (security/session's KeySession.ring). */
  keys: () => Pick<KeyRing, 'auditKey' | 'fieldKey'>
  /** Which computer writes (DESIGN.md: every entry names the staff member and the computer). */
  deviceId: string
  clock?: () => Date
}

export interface VerifyReport {
  ok: boolean
  /** Entries checked and found good, oldest first, before any problem. */
  checked: number
  problem: (ChainProblem & { message: string }) | null
}

const VERIFY_CHUNK = 2000
const MAX_APPEND_TRIES = 50

/**
 * The audit trail: append-only, hash-chained with HMAC under the audit key (so nobody without
 * the data key can rebuild the chain after editing it), details encrypted.
 */
interface Waiting {
  event: AuditEvent
  done: (row: AuditRow) => void
  fail: (error: unknown) => void
}

/** The most entries one transaction writes (a burst, such as the events kept while locked). */
const MAX_BATCH = 100

export class AuditLog {
  #waiting: Waiting[] = []
  #draining = false
  #head: AuditHead | undefined
  readonly #clock: () => Date

  constructor(private readonly opts: AuditLogOptions) {
    this.#clock = opts.clock ?? (() => new Date())
  }

  /**
   * Appends one entry. Appends from this window run in order; those that arrive while one is
   * being written are chained together and written in the next transaction. Other windows retry.
   */
  append(event: AuditEvent): Promise<AuditRow> {
    return new Promise<AuditRow>((done, fail) => {
      this.#waiting.push({ event, done, fail })
      if (!this.#draining) void this.#drain()
    })
  }

  async #drain(): Promise<void> {
    this.#draining = true
    try {
      while (this.#waiting.length) {
        const batch = this.#waiting.splice(0, MAX_BATCH)
        try {
          const rows = await this.#appendNow(batch.map((w) => w.event))
          batch.forEach((w, i) => w.done(rows[i]!))
        } catch (e) {
          for (const w of batch) w.fail(e)
        }
      }
    } finally {
      this.#draining = false
    }
  }

  /** Keeps an event that happened while locked, to be chained at the next sign-in. */
  async appendWhileLocked(event: {
    kind: AuditKind
    actorId: string
    detail?: Record<string, string | number | boolean>
  }): Promise<void> {
    await this.opts.store.addPending({ ...event, at: this.#clock().toISOString() })
  }

  /** Chains the events kept while locked (call right after a sign-in opens the keys). */
  async flushPending(): Promise<number> {
    const waiting = await this.opts.store.pending()
    for (const p of waiting) {
      await this.append({
        kind: p.kind,
        actorId: p.actorId,
        detail: { ...p.detail, happenedAt: p.at },
      })
      await this.opts.store.removePending(p.id)
    }
    return waiting.length
  }

  /**
   * Chains `events` on the end marker this window last wrote (read afresh only after another
   * window got there first) and writes them with the new marker in one transaction.
   */
  async #appendNow(events: readonly AuditEvent[]): Promise<AuditRow[]> {
    const { auditKey, fieldKey } = this.opts.keys()
    for (let attempt = 0; attempt < MAX_APPEND_TRIES; attempt++) {
      const head = this.#head ?? (await this.opts.store.head())
      const first = (head?.seq ?? 0) + 1
      const last = first + events.length - 1
      const now = this.#clock().toISOString()
      // Times never go backwards along the chain, so a date range is a range of entries.
      const at = head && head.at > now ? head.at : now
      // Neither the details nor the end marker's seal depend on the chain: made all at once.
      const [details, seal] = await Promise.all([
        Promise.all(
          events.map((e, i) =>
            e.detail === undefined
              ? null
              : encryptValue(fieldKey, e.detail, { type: 'audit', id: String(first + i), field: 'detail' }),
          ),
        ),
        headSeal(auditKey, { seq: last, at }),
      ])
      const rows: AuditRow[] = []
      let prev = head?.mac ?? ''
      for (let i = 0; i < events.length; i++) {
        const event = events[i]!
        const base: Omit<AuditRow, 'mac'> = {
          seq: first + i,
          at,
          actorId: event.actorId,
          deviceId: this.opts.deviceId,
          kind: event.kind,
          patientId: event.patientId ?? '',
          visitId: event.visitId ?? '',
          detail: details[i]!,
          prev,
        }
        prev = await macOf(auditKey, base)
        rows.push({ ...base, mac: prev })
      }
      const newHead: AuditHead = { id: 'head', seq: last, at, mac: prev, seal }
      if (await this.opts.store.appendIfHead(first - 1, rows, newHead)) {
        this.#head = newHead
        return rows
      }
      this.#head = undefined
    }
    throw new Error('The audit trail is busy in another window; try again.')
  }

  /** Walks the whole chain and names the first entry altered, removed or inserted. */
  async verify(onProgress?: (checked: number) => void): Promise<VerifyReport> {
    const { auditKey } = this.opts.keys()
    const walker = new ChainWalker(auditKey)
    let after = 0
    for (;;) {
      const { head, rows } = await this.opts.store.readChunk(after, VERIFY_CHUNK + 1)
      const body = rows.slice(0, VERIFY_CHUNK)
      if (!(await walker.feed(body, head, rows[VERIFY_CHUNK]))) break
      onProgress?.(walker.checked)
      if (rows.length <= VERIFY_CHUNK) {
        await walker.finish()
        break
      }
      after = body[body.length - 1]!.seq
    }
    const problem = walker.problem
    return {
      ok: problem === null,
      checked: walker.checked,
      problem: problem && { ...problem, message: describeProblem(problem) },
    }
  }

  /** A page of entries, newest first, details decrypted. Pass the last seq shown for the next. */
  async page(filter: AuditFilter, limit = 50, beforeSeq?: number): Promise<AuditEntry[]> {
    const rows = await this.opts.store.query(filter, limit, beforeSeq)
    const { fieldKey } = this.opts.keys()
    return Promise.all(rows.map((r) => this.#open(fieldKey, r)))
  }

  async #open(fieldKey: CryptoKey, row: AuditRow): Promise<AuditEntry> {
    if (!row.detail) return { ...row, detail: null }
    try {
      const detail = await decryptValue(fieldKey, row.detail, {
        type: 'audit',
        id: String(row.seq),
        field: 'detail',
      })
      return { ...row, detail }
    } catch (e) {
      if (e instanceof LockedError) throw e
      return { ...row, detail: null, detailUnreadable: true }
    }
  }

  /** Every entry matching the filter, newest first, a page at a time (for the CSV export). */
  async *entries(filter: AuditFilter, pageSize = 1000): AsyncGenerator<AuditEntry[]> {
    let before: number | undefined
    for (;;) {
      const page = await this.page(filter, pageSize, before)
      if (page.length === 0) return
      yield page
      before = page[page.length - 1]!.seq
    }
  }
}
