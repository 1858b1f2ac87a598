import { AuditLog } from '../../../src/renderer/src/audit/log'
import { DexieAuditStore } from '../../../src/renderer/src/audit/store'
import { createDataKey } from '../../../src/renderer/src/security/keyring'
import { KeySession } from '../../../src/renderer/src/security/session'
import { SecurityTestDB, testClock } from '../security/helpers'

/** An audit log on fake-indexeddb with an open key session and a clock that moves on demand. */
export async function freshLog(deviceId = 'pc-1') {
  const db = new SecurityTestDB()
  const session = new KeySession()
  await session.open(await createDataKey())
  const clock = testClock()
  const store = new DexieAuditStore(db, db.audit, db.auditHead, db.auditPending)
  const log = new AuditLog({ store, keys: () => session.ring, deviceId, clock: clock.now })
  return { db, session, clock, store, log }
}

/** n entries alternating between two patients and two staff, one minute apart. */
export async function fill(t: Awaited<ReturnType<typeof freshLog>>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await t.log.append({
      kind: i % 3 === 0 ? 'patient.viewed' : 'visit.changed',
      actorId: i % 2 ? 'staff-1' : 'staff-2',
      patientId: i % 2 ? 'p-1' : 'p-2',
      visitId: i % 3 === 0 ? undefined : `v-${i}`,
      detail: { fields: 'note', n: i },
    })
    t.clock.advance(60_000)
  }
}
