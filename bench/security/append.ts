/**
 * Appending to the audit trail through the app's AuditLog: one entry at a time (each awaited,
 * as a screen does), and a burst fired together (sign-in with the events kept while locked),
 * which the log chains in memory and writes in one transaction.
 */
import { headSeal, macOf } from '../../src/renderer/src/audit/chain'
import type { AuditEvent, AuditRow } from '../../src/renderer/src/audit/model'
import { encryptValue } from '../../src/renderer/src/security/fieldCrypto'
import { benchLog, db, keys, times } from './state'

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

  // Where one append's time goes, each part alone: the crypto as append runs it (detail and
  // seal together, then the MAC), and the write (row and end marker, no chain) into the same
  // indexed tables, at numbers far past the chain and removed after.
  const crypto = await times(runs, async (i) => {
    const { auditKey, fieldKey } = keys.ring
    const e = event(i)
    const [detail] = await Promise.all([
      encryptValue(fieldKey, e.detail, { type: 'audit', id: String(i), field: 'detail' }),
      headSeal(auditKey, { seq: i, at: row.at }),
    ])
    await macOf(auditKey, { ...row, detail })
  })
  const FAR = 1e12
  const write = await times(runs, (i) => {
    const r: AuditRow = { ...row, seq: FAR + i + 10 }
    return db.transaction('rw', db.audit, db.auditHead, () =>
      Promise.all([
        db.audit.add(r),
        db.auditHead.put({ id: 'far' as 'head', seq: r.seq, at: r.at, mac: r.mac, seal: '' }),
      ]),
    )
  })
  await db.audit.where('seq').aboveOrEqual(FAR).delete()
  await db.auditHead.delete('far')
  const perEntry = (ms: number[]) => ms.map((m) => m / BURST)
  return { one, plain, burst: perEntry(burst), plainBurst: perEntry(plainBurst), crypto, write }
}
