/**
 * Appending to the audit trail through the app's AuditLog: one entry at a time (each awaited,
 * as a screen does), and a burst fired together (sign-in with the events kept while locked),
 * which the log chains in memory and writes in one transaction.
 */
import type { AuditEvent } from '../../src/renderer/src/audit/model'
import { benchLog, db, times } from './state'

const event = (i: number): AuditEvent => ({
  kind: 'visit.changed',
  actorId: 'staff-1',
  patientId: `patient-${i % 1000}`,
  visitId: `visit-${i}`,
  detail: { fields: 'note, plan' },
})

export async function append(runs: number, BURST: number) {
  const log = benchLog()
  await db.audit.clear()
  await db.auditHead.clear()
  const one = await times(runs, (i) => log.append(event(i)))
  // Baseline: the same row written as it is, unchained, in its own transaction.
  const row = (await db.audit.get(1))!
  const plain = await times(runs, () => db.transaction('rw', db.plain, () => db.plain.add({ ...row })))

  const burst = await times(runs / BURST, (i) =>
    Promise.all(Array.from({ length: BURST }, (_, k) => log.append(event(i * BURST + k)))),
  )
  // Baseline: as many unchained rows, in one transaction.
  const plainBurst = await times(runs / BURST, () =>
    db.transaction('rw', db.plain, () =>
      Promise.all(Array.from({ length: BURST }, () => db.plain.add({ ...row }))),
    ),
  )
  await db.plain.clear()
  const perEntry = (ms: number[]) => ms.map((m) => m / BURST)
  return { one, plain, burst: perEntry(burst), plainBurst: perEntry(plainBurst) }
}
