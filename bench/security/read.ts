/**
 * Reading the seeded chain as the owner does: the audit screen's first page with and without
 * filters, and Verify over the whole chain; each beside the raw read or raw HMAC it rests on.
 */
import { macInput } from '../../src/renderer/src/audit/chain'
import { benchLog, db, keys, times } from './state'
import { SEED_PATIENTS } from './seed'

export async function firstPages(runs: number) {
  const log = benchLog()
  const all = await times(runs, () => log.page({}, 50))
  const patient = await times(runs, (i) => log.page({ patientId: `patient-${(i + 5) % SEED_PATIENTS}` }, 50))
  const staffKind = await times(runs, () => log.page({ actorId: 'staff-3', kind: 'visit.changed' }, 50))
  const dates = await times(runs, () =>
    log.page({ from: '2020-03-01T00:00:00.000Z', to: '2020-03-02T00:00:00.000Z' }, 50),
  )
  const raw = await times(runs, () => db.audit.orderBy('seq').reverse().limit(50).toArray())
  return { all, patient, staffKind, dates, raw }
}

const CHUNK = 2000

export async function verify() {
  const log = benchLog()
  const t = performance.now()
  const report = await log.verify()
  const verifyMs = performance.now() - t
  // Baseline: read the same rows in the same chunks and HMAC each one's same bytes under the
  // same key, checking nothing.
  const b = performance.now()
  let after = 0
  let macs = 0
  for (;;) {
    const rows = await db.audit.where('seq').above(after).limit(CHUNK).toArray()
    await Promise.all(
      rows.map(({ mac: _m, ...rest }) => crypto.subtle.sign('HMAC', keys.ring.auditKey, macInput(rest))),
    )
    macs += rows.length
    if (rows.length < CHUNK) break
    after = rows[rows.length - 1]!.seq
  }
  const hmacMs = performance.now() - b
  const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize
  return { verifyMs, hmacMs, ok: report.ok, checked: report.checked, macs, heapMB: heap ? heap / 1048576 : 0 }
}
