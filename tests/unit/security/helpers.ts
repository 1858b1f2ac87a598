import 'fake-indexeddb/auto'
import Dexie, { type Table } from 'dexie'
import { AuditLog } from '../../../src/renderer/src/audit/log'
import type { AuditHead, AuditRow } from '../../../src/renderer/src/audit/model'
import { AUDIT_TABLES, DexieAuditStore, type PendingAuditEvent } from '../../../src/renderer/src/audit/store'
import { ClinicAuth } from '../../../src/renderer/src/security/auth'
import { AUTH_TABLES, DexieAuthStore, type ClinicKeys } from '../../../src/renderer/src/security/authStore'
import type { Argon2idCost } from '../../../src/renderer/src/security/kdf'
import { KeySession } from '../../../src/renderer/src/security/session'
import type { StaffMember } from '../../../src/renderer/src/security/staff'
import type { ThrottleState } from '../../../src/renderer/src/security/throttle'

/** Argon2id light enough for unit tests (the real cost is measured in bench/security.bench.ts). */
export const TEST_COST: Argon2idCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 }

export const OWNER_PASS = 'amber kettle violin harbour'
export const CLINIC = 'Riverside Foot Clinic'

/** The tables the notes database will hold for security, in a database of their own here. */
export class SecurityTestDB extends Dexie {
  staff!: Table<StaffMember, string>
  clinicKeys!: Table<ClinicKeys, string>
  signInThrottle!: Table<ThrottleState & { key: string }, string>
  audit!: Table<AuditRow, number>
  auditHead!: Table<AuditHead, string>
  auditPending!: Table<PendingAuditEvent & { id?: number }, number>

  constructor(name: string = `security-test-${Math.random()}`) {
    super(name)
    this.version(1).stores({ ...AUTH_TABLES, ...AUDIT_TABLES })
  }
}

export interface TestClock {
  now: () => Date
  advance: (ms: number) => void
}

export function testClock(start = Date.parse('2026-05-04T09:00:00.000Z')): TestClock {
  let t = start
  return { now: () => new Date(t), advance: (ms) => void (t += ms) }
}

export function auditFor(
  db: SecurityTestDB,
  session: KeySession,
  clock: TestClock,
  deviceId = 'pc-1',
): AuditLog {
  return new AuditLog({
    store: new DexieAuditStore(db, db.audit, db.auditHead, db.auditPending),
    keys: () => session.ring,
    deviceId,
    clock: clock.now,
  })
}

export function makeAuth(db = new SecurityTestDB()) {
  const session = new KeySession()
  const clock = testClock()
  const audit = auditFor(db, session, clock)
  let n = 0
  const auth = new ClinicAuth({
    store: new DexieAuthStore(db, db.staff, db.clinicKeys, db.signInThrottle),
    session,
    audit,
    clock: clock.now,
    newId: () => `staff-${++n}`,
    kdfCost: TEST_COST,
  })
  return { db, session, clock, audit, auth }
}

/** A clinic set up by its owner (Olive Owner), signed in. */
export async function setUpClinic(db = new SecurityTestDB()) {
  const t = makeAuth(db)
  await t.auth.init()
  const { sheet } = await t.auth.setupClinic({
    clinicName: CLINIC,
    owner: { name: 'Olive Owner', role: 'owner', registration: 'HCPC CH10001' },
    passphrase: OWNER_PASS,
  })
  const words = sheet.words.map((w) => w.word).join(' ')
  return { ...t, sheet, words, ownerId: 'staff-1' }
}

export async function dumpTables(db: Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) out[table.name] = await table.toArray()
  return out
}
