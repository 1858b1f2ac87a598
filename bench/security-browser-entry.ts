/**
 * Entry of the bundle security.bench.ts runs inside Chromium on the app's origin: the real
 * security and audit modules against real WebCrypto, hash-wasm and IndexedDB, timed with
 * performance.now(). Each figure is measured next to a plain baseline on the same bytes.
 */
import './zod-jitless'
import Dexie, { type Table } from 'dexie'
import { headSeal, macInput, macOf } from '../src/renderer/src/audit/chain'
import { AuditLog } from '../src/renderer/src/audit/log'
import type { AuditHead, AuditRow } from '../src/renderer/src/audit/model'
import { AUDIT_TABLES, DexieAuditStore, type PendingAuditEvent } from '../src/renderer/src/audit/store'
import { canonicalJson } from '../src/renderer/src/notes/canonical'
import type { Visit } from '../src/renderer/src/notes/model'
import { toBase64Url, utf8 } from '../src/renderer/src/security/bytes'
import { encryptValue } from '../src/renderer/src/security/fieldCrypto'
import { createDataKey, deriveKeyRing, KEY_LABELS, type KeyRing } from '../src/renderer/src/security/keyring'
import { createHMAC, createSHA256 } from 'hash-wasm'
import { patientTokens } from '../src/renderer/src/security/indexTokens'
import { visitCipher } from '../src/renderer/src/security/recordCipher'
import { KeySession } from '../src/renderer/src/security/session'
import { signVisit } from '../src/renderer/src/security/signatures'
import { unwrapWithPassphrase, wrapWithPassphrase } from '../src/renderer/src/security/wrap'

class BenchDB extends Dexie {
  audit!: Table<AuditRow, number>
  auditHead!: Table<AuditHead, string>
  auditPending!: Table<PendingAuditEvent & { id?: number }, number>
  plain!: Table<AuditRow & { id?: number }, number>
  constructor() {
    super('security-bench')
    this.version(1).stores({ ...AUDIT_TABLES, plain: '++id' })
  }
}

/**
 * Timings of n samples of fn. Chromium rounds performance.now() to 0.1 ms, so work far below
 * that runs `per` times inside one sample and the sample is divided by `per`.
 */
async function times(n: number, fn: (i: number) => Promise<unknown>, warmup = 2, per = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i)
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    for (let k = 0; k < per; k++) await fn(i * per + k)
    out.push((performance.now() - t) / per)
  }
  return out
}

/** A visit the size of a busy clinic's: a 2,000-character note, findings, causes, a plan. */
function typicalVisit(i: number): Visit {
  const note =
    'Cramps in both calves at night, three or four times a week, worse after long days on her feet. '
      .repeat(21)
      .slice(0, 2000)
  return {
    id: `visit-${i}`,
    patientId: 'patient-1',
    dateTime: '2026-05-01T10:00:00.000Z',
    reason: 'Night cramps in both calves',
    note,
    findings: ['at-night', 'calf', 'both-legs', 'after-exercise'],
    causeIds: ['diuretics', 'nocturnal-leg-cramps', 'dehydration'],
    plan: 'Calf stretches before bed; review fluid intake; review in four weeks with the diary.',
    followUpDate: '2026-05-29',
    handouts: [],
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:05:00.000Z',
    revision: 3,
  }
}

/** Repeats per sample for the sub-millisecond figures. */
const PER = 10

const db = new BenchDB()
const session = new KeySession()
let ring: KeyRing
let dataKeyForSeeding: CryptoKey

/**
 * Seeding only: a chain is sequential, and a million WebCrypto round trips one after another
 * take minutes on a loaded machine. The seeder derives the same audit key bytes (HKDF, same
 * label) and MACs with hash-wasm's synchronous HMAC; the first rows are checked against the app's
 * own macOf, and verify() then walks every entry with WebCrypto as the app does.
 */
async function seedingHmac(): Promise<(bytes: Uint8Array) => string> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', dataKeyForSeeding))
  const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8(KEY_LABELS.auditKey) },
    base,
    256,
  )
  const hmac = await createHMAC(createSHA256(), new Uint8Array(bits))
  return (bytes) => {
    hmac.init()
    hmac.update(bytes)
    return toBase64Url(hmac.digest('binary'))
  }
}

const KINDS = [
  'patient.viewed',
  'visit.changed',
  'visit.created',
  'session.signIn',
  'patient.changed',
] as const

const bench = {
  async signIn(runs: number) {
    const dataKey = await createDataKey()
    const wrap = await wrapWithPassphrase(dataKey, 'amber kettle violin harbour', 'staff-1')
    const signIn = await times(
      runs,
      async () => {
        const key = await unwrapWithPassphrase(wrap, 'amber kettle violin harbour', 'staff-1')
        await deriveKeyRing(key)
      },
      1,
    )
    // Baseline: SHA-256 once over as many bytes as Argon2id fills (64 MiB).
    const block = new Uint8Array(wrap.kdf.memoryKiB * 1024)
    const sha = await times(runs, () => crypto.subtle.digest('SHA-256', block), 1)
    ring = await session.open(dataKey)
    dataKeyForSeeding = dataKey
    return { signIn, sha, memoryKiB: wrap.kdf.memoryKiB, iterations: wrap.kdf.iterations }
  },

  async fields(runs: number) {
    const visit = typicalVisit(1)
    const roundTrip = await times(
      runs,
      async () => {
        const stored = await visitCipher.seal(ring.fieldKey, visit)
        await visitCipher.open(ring.fieldKey, stored)
      },
      2,
      PER,
    )
    // Baseline: the same visit as one JSON text, one AES-GCM encrypt and decrypt.
    const whole = await times(
      runs,
      async () => {
        const iv = crypto.getRandomValues(new Uint8Array(12))
        const ct = await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv },
          ring.fieldKey,
          utf8(JSON.stringify(visit)),
        )
        JSON.parse(
          new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, ring.fieldKey, ct)),
        )
      },
      2,
      PER,
    )
    const patient = {
      name: 'Margaret Anne Featherstone',
      chartNumber: 'RFC-004512',
      dateOfBirth: '1948-11-02',
    }
    const tokens = await times(runs, () => patientTokens(ring.indexKey, patient), 2, PER)
    const oneMac = await times(
      runs,
      () => crypto.subtle.sign('HMAC', ring.indexKey, utf8(patient.name)),
      2,
      PER,
    )
    const sign = await times(runs, () => signVisit(ring.sealKey, visit, 'staff-1'), 2, PER)
    const sha = await times(runs, () => crypto.subtle.digest('SHA-256', utf8(canonicalJson(visit))), 2, PER)
    const bytes = JSON.stringify(visit).length
    const tokenCount = (await patientTokens(ring.indexKey, patient)).nameTokens.length
    return { roundTrip, whole, tokens, oneMac, sign, sha, bytes, tokenCount }
  },

  async append(runs: number) {
    const log = new AuditLog({
      store: new DexieAuditStore(db, db.audit, db.auditHead, db.auditPending),
      keys: () => session.ring,
      deviceId: 'bench-pc',
    })
    await db.audit.clear()
    await db.auditHead.clear()
    const event = (i: number) => ({
      kind: 'visit.changed' as const,
      actorId: 'staff-1',
      patientId: `patient-${i % 1000}`,
      visitId: `visit-${i}`,
      detail: { fields: 'note, plan' },
    })
    const append = await times(runs, (i) => log.append(event(i)))
    // Baseline: the same row written as it is, unchained, in its own transaction.
    const row = (await db.audit.get(1))!
    const plain = await times(runs, () => db.transaction('rw', db.plain, () => db.plain.add({ ...row })))
    await db.plain.clear()
    return { append, plain }
  },

  /** Builds a real chain of n entries straight into the tables, in batches. */
  async seedChain(n: number) {
    const t = performance.now()
    await db.audit.clear()
    await db.auditHead.clear()
    const mac = await seedingHmac()
    let prev = ''
    let at = Date.parse('2020-01-01T00:00:00.000Z')
    const BATCH = 10_000
    for (let start = 1; start <= n; start += BATCH) {
      const seqs = Array.from({ length: Math.min(BATCH, n - start + 1) }, (_, i) => start + i)
      // Details are independent of the chain: encrypted together. One entry in four has one.
      const details = await Promise.all(
        seqs.map((seq) =>
          seq % 4 === 0
            ? encryptValue(
                ring.fieldKey,
                { fields: 'note, plan' },
                { type: 'audit', id: String(seq), field: 'detail' },
              )
            : Promise.resolve(null),
        ),
      )
      const rows: AuditRow[] = []
      for (let i = 0; i < seqs.length; i++) {
        const seq = seqs[i]!
        at += 30_000
        const base = {
          seq,
          at: new Date(at).toISOString(),
          actorId: `staff-${seq % 7}`,
          deviceId: 'bench-pc',
          kind: KINDS[seq % KINDS.length]!,
          patientId: `patient-${seq % 10_000}`,
          visitId: seq % 5 === 0 ? '' : `visit-${seq}`,
          detail: details[i]!,
          prev,
        }
        const m = mac(macInput(base))
        if (seq <= 3 && m !== (await macOf(ring.auditKey, base)))
          throw new Error('seeding MAC differs from the app')
        rows.push({ ...base, mac: m })
        prev = m
      }
      const last = rows[rows.length - 1]!
      const unsealed = { id: 'head' as const, seq: last.seq, at: last.at, mac: last.mac }
      const head = { ...unsealed, seal: await headSeal(ring.auditKey, unsealed) }
      await db.transaction('rw', db.audit, db.auditHead, async () => {
        await db.audit.bulkAdd(rows)
        await db.auditHead.put(head)
      })
    }
    return { ms: performance.now() - t, count: await db.audit.count() }
  },

  async verify() {
    const log = new AuditLog({
      store: new DexieAuditStore(db, db.audit, db.auditHead, db.auditPending),
      keys: () => session.ring,
      deviceId: 'bench-pc',
    })
    const t = performance.now()
    const report = await log.verify()
    const verifyMs = performance.now() - t
    // Baseline: read the same rows in the same chunks and SHA-256 each one's same bytes.
    const b = performance.now()
    let after = 0
    let hashed = 0
    for (;;) {
      const rows = await db.audit.where('seq').above(after).limit(2001).toArray()
      const body = rows.slice(0, 2000)
      await Promise.all(body.map(({ mac: _m, ...rest }) => crypto.subtle.digest('SHA-256', macInput(rest))))
      hashed += body.length
      if (rows.length <= 2000) break
      after = body[body.length - 1]!.seq
    }
    const shaMs = performance.now() - b
    const heapMB = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize
    return {
      verifyMs,
      shaMs,
      ok: report.ok,
      checked: report.checked,
      hashed,
      heapMB: heapMB ? heapMB / 1048576 : 0,
    }
  },

  async firstPages(runs: number) {
    const log = new AuditLog({
      store: new DexieAuditStore(db, db.audit, db.auditHead, db.auditPending),
      keys: () => session.ring,
      deviceId: 'bench-pc',
    })
    const all = await times(runs, () => log.page({}, 50))
    const patient = await times(runs, (i) => log.page({ patientId: `patient-${(i + 5) % 10_000}` }, 50))
    const staffKind = await times(runs, () => log.page({ actorId: 'staff-3', kind: 'visit.changed' }, 50))
    const dates = await times(runs, () =>
      log.page({ from: '2020-03-01T00:00:00.000Z', to: '2020-03-02T00:00:00.000Z' }, 50),
    )
    const raw = await times(runs, () => db.audit.orderBy('seq').reverse().limit(50).toArray())
    return { all, patient, staffKind, dates, raw }
  },
}

export type SecurityBench = typeof bench
Object.assign(window, { __securityBench: bench })
