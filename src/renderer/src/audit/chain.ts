import { concatBytes, toBase64Url, utf8 } from '../security/bytes'
import type { AuditHead, AuditRow } from './model'

/**
 * The MAC of an entry: HMAC-SHA-256 under the audit key over its clear fields (with the MAC of
 * the entry before) and the bytes of its encrypted detail. The clear fields are a JSON array in
 * a fixed order (no key sorting: verify runs this a million times); JSON never contains a raw
 * 0x00 byte, so the separator keeps the two parts apart.
 */
export function macInput(row: Omit<AuditRow, 'mac'>): Uint8Array<ArrayBuffer> {
  const head = JSON.stringify([
    1,
    row.seq,
    row.at,
    row.actorId,
    row.deviceId,
    row.kind,
    row.patientId,
    row.visitId,
    row.detail ? row.detail.length : -1,
    row.prev,
  ])
  return row.detail ? concatBytes(utf8(head), new Uint8Array([0]), row.detail) : utf8(head)
}

export async function macOf(auditKey: CryptoKey, row: Omit<AuditRow, 'mac'>): Promise<string> {
  return toBase64Url(await crypto.subtle.sign('HMAC', auditKey, macInput(row)))
}

/**
 * The end marker's seal covers its number and time, not the last MAC, so an append computes it
 * alongside the entry's MAC instead of after it. Truncating the chain still needs a seal for a
 * smaller number, which only the key can make.
 */
export async function headSeal(auditKey: CryptoKey, head: Pick<AuditHead, 'seq' | 'at'>): Promise<string> {
  const bytes = utf8(JSON.stringify(['cramp-clinic/v1/audit-head', head.seq, head.at]))
  return toBase64Url(await crypto.subtle.sign('HMAC', auditKey, bytes))
}

export type ChainProblemKind = 'altered' | 'removed' | 'inserted'

export interface ChainProblem {
  kind: ChainProblemKind
  /** The first entry concerned (for "removed", the first missing number). */
  seq: number
  /** How many entries are missing, for "removed" (0 when it cannot be told). */
  missing: number
}

/**
 * Walks rows in seq order, a chunk at a time, carrying what it needs between chunks. MACs of a
 * chunk are computed together (WebCrypto runs them in parallel); the links are checked in order.
 */
export class ChainWalker {
  #expectedSeq = 1
  #prevMac = ''
  #checked = 0
  problem: ChainProblem | null = null

  /** The sealed end marker read in the same transaction as the rows being fed. */
  private head: AuditHead | undefined

  constructor(private readonly auditKey: CryptoKey) {}

  get checked(): number {
    return this.#checked
  }
  get lastSeq(): number {
    return this.#expectedSeq - 1
  }
  get lastMac(): string {
    return this.#prevMac
  }

  /**
   * Feeds the next rows; `lookahead` is the first row of the following chunk, if any (needed to
   * tell an inserted entry from an altered one at a chunk's end); `head` is the end marker read
   * in the same transaction as the rows. Returns false once a problem is found.
   */
  async feed(rows: readonly AuditRow[], head: AuditHead | undefined, lookahead?: AuditRow): Promise<boolean> {
    if (this.problem) return false
    this.head = head
    const macs = await Promise.all(rows.map(({ mac: _m, ...rest }) => macOf(this.auditKey, rest)))
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!
      const macOk = macs[i] === row.mac
      const seqOk = row.seq === this.#expectedSeq
      const linkOk = row.prev === this.#prevMac
      if (macOk && seqOk && linkOk) {
        this.#prevMac = row.mac
        this.#expectedSeq++
        this.#checked++
        continue
      }
      this.problem = await this.#classify(row, macOk, seqOk, rows[i + 1] ?? lookahead)
      return false
    }
    return true
  }

  async #classify(
    row: AuditRow,
    macOk: boolean,
    seqOk: boolean,
    next: AuditRow | undefined,
  ): Promise<ChainProblem> {
    const at = this.#expectedSeq
    if (macOk && row.seq > at) return { kind: 'removed', seq: at, missing: row.seq - at }
    if (macOk && !seqOk) return { kind: 'inserted', seq: row.seq, missing: 0 }
    if (macOk) return { kind: 'altered', seq: row.seq, missing: 0 }
    // The MAC fails. Slipped in: the next entry points past it, or it lies beyond the sealed end.
    if (next && next.prev === this.#prevMac) return { kind: 'inserted', seq: row.seq, missing: 0 }
    if (!next && this.head && row.seq > this.head.seq) return { kind: 'inserted', seq: row.seq, missing: 0 }
    if (row.prev !== this.#prevMac) {
      // Only its link was edited, or the entries before it were deleted and the rest renumbered.
      const { mac: _m, ...rest } = row
      const relinked = await macOf(this.auditKey, { ...rest, prev: this.#prevMac })
      if (relinked !== row.mac) return { kind: 'removed', seq: at, missing: 0 }
    }
    return { kind: 'altered', seq: row.seq, missing: 0 }
  }

  /** After the last row: checks the sealed end marker (of the last chunk) against the walk. */
  async finish(): Promise<boolean> {
    const head = this.head
    if (this.problem) return false
    if (!head) {
      if (this.lastSeq > 0) this.problem = { kind: 'altered', seq: this.lastSeq, missing: 0 }
      return !this.problem
    }
    if ((await headSeal(this.auditKey, head)) !== head.seal) {
      this.problem = { kind: 'altered', seq: head.seq, missing: 0 }
    } else if (head.seq > this.lastSeq) {
      this.problem = { kind: 'removed', seq: this.lastSeq + 1, missing: head.seq - this.lastSeq }
    } else if (head.seq < this.lastSeq) {
      this.problem = { kind: 'inserted', seq: head.seq + 1, missing: 0 }
    } else if (head.mac !== this.lastMac) {
      this.problem = { kind: 'altered', seq: head.seq, missing: 0 }
    }
    return !this.problem
  }
}
