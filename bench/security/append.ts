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

/** Puts rows into tables in one IndexedDB transaction, without Dexie, as the audit log writes. */
function rawWrite(rows: Record<string, object[]>): Promise<void> {
  const tx = db.backendDB().transaction(Object.keys(rows), 'readwrite')
  for (const [table, list] of Object.entries(rows)) for (const r of list) tx.objectStore(table).put(r)
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(tx.error)
  })
}

export async function append(runs: number, BURST: number) {
  const log = benchLog()
  await db.audit.clear()
  await db.auditHead.clear()
  const one = await times(runs, (i) => log.append(event(i)))
  // Baseline: the same row written as it is, unchained, in its own IndexedDB transaction (the
  // floor: the log writes through IndexedDB directly too).
  const row = (await db.audit.get(1))!
  const plain = await times(runs, () => rawWrite({ plain: [{ ...row }] }))

  const burst = await times(runs / BURST, (i) =>
    Promise.all(Array.from({ length: BURST }, (_, k) => log.append(event(i * BURST + k)))),
  )
  // Baseline: as many unchained rows, in one IndexedDB transaction.
  const plainBurst = await times(runs / BURST, () =>
    rawWrite({ plain: Array.from({ length: BURST }, () => ({ ...row })) }),
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
    return rawWrite({ audit: [r], auditHead: [{ id: 'far', seq: r.seq, at: r.at, mac: r.mac, seal: '' }] })
  })
  await db.audit.where('seq').aboveOrEqual(FAR).delete()
  await db.auditHead.delete('far')
  const perEntry = (ms: number[]) => ms.map((m) => m / BURST)
  return { one, plain, burst: perEntry(burst), plainBurst: perEntry(plainBurst), crypto, write }
}

/**
 * One entry at a time onto the end of the seeded chain, as the app appends once the trail is
 * large; the entries join the chain, which still verifies after. Baselines, in turns in the same
 * run: the same row and end marker written unchained into the same indexed tables at this size
 * (the floor for the log's own write: five index entries a row in a table of this many rows),
 * and the row alone into an unindexed table.
 */
export async function appendAtScale(runs: number) {
  const log = benchLog()
  const last = (await db.audit.orderBy('seq').last())!
  await log.append(event(-1))
  // Taken in turns, so that IndexedDB's own tidying after the seeding slows all alike.
  const one: number[] = []
  const indexed: number[] = []
  const plain: number[] = []
  const FAR = 1e12
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    await log.append(event(i))
    one.push(performance.now() - t)
    const r: AuditRow = { ...last, seq: FAR + i }
    t = performance.now()
    await rawWrite({ audit: [r], auditHead: [{ id: 'far', seq: r.seq, at: r.at, mac: r.mac, seal: '' }] })
    indexed.push(performance.now() - t)
    t = performance.now()
    await rawWrite({ plain: [{ ...last }] })
    plain.push(performance.now() - t)
  }
  await db.audit.where('seq').aboveOrEqual(FAR).delete()
  await db.auditHead.delete('far')
  await db.plain.clear()
  return { one, indexed, plain }
}
