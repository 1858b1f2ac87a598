/**
 * Builds a real chain of n audit entries straight into the tables: each batch is chained in
 * memory with the app's own chain code (macInput and WebCrypto HMAC under the audit key, the
 * end marker sealed the same way) and written with bulkPut in one transaction, while the next
 * batch is being chained. verify() then walks it as the app does.
 */
import { headSeal, macOf } from '../../src/renderer/src/audit/chain'
import type { AuditHead, AuditKind, AuditRow } from '../../src/renderer/src/audit/model'
import { encryptValue } from '../../src/renderer/src/security/fieldCrypto'
import { db, keys } from './state'

const KINDS: readonly AuditKind[] = [
  'patient.viewed',
  'visit.changed',
  'visit.created',
  'session.signIn',
  'patient.changed',
]
const BATCH = 10_000
/** Entries are 30 s apart from here on, so a day holds 2,880 of them. */
export const SEED_START = Date.parse('2020-01-01T00:00:00.000Z')
export const SEED_PATIENTS = 10_000

async function chainBatch(first: number, count: number, prev: string): Promise<AuditRow[]> {
  const { auditKey, fieldKey } = keys.ring
  const seqs = Array.from({ length: count }, (_, i) => first + i)
  // Details do not depend on the chain: encrypted together. One entry in four has one.
  const details = await Promise.all(
    seqs.map((seq) =>
      seq % 4 === 0
        ? encryptValue(
            fieldKey,
            { fields: 'note, plan' },
            { type: 'audit', id: String(seq), field: 'detail' },
          )
        : null,
    ),
  )
  const rows: AuditRow[] = []
  for (let i = 0; i < count; i++) {
    const seq = seqs[i]!
    const base = {
      seq,
      at: new Date(SEED_START + seq * 30_000).toISOString(),
      actorId: `staff-${seq % 7}`,
      deviceId: 'bench-pc',
      kind: KINDS[seq % KINDS.length]!,
      patientId: `patient-${seq % SEED_PATIENTS}`,
      visitId: seq % 5 === 0 ? '' : `visit-${seq}`,
      detail: details[i]!,
      prev,
    }
    prev = await macOf(auditKey, base)
    rows.push({ ...base, mac: prev })
  }
  return rows
}

export async function seedChain(n: number) {
  const t = performance.now()
  await db.audit.clear()
  await db.auditHead.clear()
  let chainMs = 0
  let writing: Promise<unknown> = Promise.resolve()
  let prev = ''
  for (let first = 1; first <= n; first += BATCH) {
    const c = performance.now()
    const rows = await chainBatch(first, Math.min(BATCH, n - first + 1), prev)
    const last = rows[rows.length - 1]!
    const unsealed = { id: 'head' as const, seq: last.seq, at: last.at, mac: last.mac }
    const head: AuditHead = { ...unsealed, seal: await headSeal(keys.ring.auditKey, unsealed) }
    chainMs += performance.now() - c
    prev = last.mac
    // One write in flight at a time: the next batch is chained meanwhile, memory stays bounded.
    await writing
    writing = db.transaction('rw', db.audit, db.auditHead, async () => {
      await db.audit.bulkPut(rows)
      await db.auditHead.put(head)
    })
  }
  await writing
  return { ms: performance.now() - t, chainMs, count: await db.audit.count(), batch: BATCH }
}
