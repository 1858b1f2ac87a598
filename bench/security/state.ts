/**
 * What the security bench's parts share inside the page: the bench database (the app's own
 * audit tables), the key session opened by the sign-in figure, and the timer.
 */
import Dexie, { type Table } from 'dexie'
import { AuditLog } from '../../src/renderer/src/audit/log'
import type { AuditHead, AuditRow } from '../../src/renderer/src/audit/model'
import { AUDIT_TABLES, DexieAuditStore, type PendingAuditEvent } from '../../src/renderer/src/audit/store'
import type { KeyRing } from '../../src/renderer/src/security/keyring'
import { KeySession } from '../../src/renderer/src/security/session'

class BenchDB extends Dexie {
  audit!: Table<AuditRow, number>
  auditHead!: Table<AuditHead, string>
  auditPending!: Table<PendingAuditEvent & { id?: number }, number>
  /** The baseline's table: the same rows, no chain and no indexes. */
  plain!: Table<AuditRow & { id?: number }, number>
  constructor() {
    super('security-bench')
    this.version(1).stores({ ...AUDIT_TABLES, plain: '++id' })
  }
}

export const db = new BenchDB()
export const session = new KeySession()

/** Set by the sign-in figure, which runs first: the open ring and the data key it came from. */
export const keys: { ring: KeyRing; dataKey: CryptoKey } = {} as { ring: KeyRing; dataKey: CryptoKey }

/** The app's audit log over the bench tables. */
export function benchLog(): AuditLog {
  return new AuditLog({
    store: new DexieAuditStore(db, db.audit, db.auditHead, db.auditPending),
    keys: () => session.ring,
    deviceId: 'bench-pc',
  })
}

/** Repeats per sample for the sub-millisecond figures. */
export const PER = 10

/**
 * Timings of n samples of fn. Chromium rounds performance.now() to 0.1 ms, so work far below
 * that runs `per` times inside one sample and the sample is divided by `per`.
 */
export async function times(
  n: number,
  fn: (i: number) => Promise<unknown>,
  warmup = 2,
  per = 1,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i)
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    for (let k = 0; k < per; k++) await fn(i * per + k)
    out.push((performance.now() - t) / per)
  }
  return out
}
