/**
 * Security and audit (issues 12 and 13), in Chromium on the app's origin with real WebCrypto,
 * hash-wasm and IndexedDB: sign-in (Argon2id, < 1 s), encrypting a visit, index tokens, signing a
 * visit (< 50 ms), appending an audit entry (< 2 ms), the audit screen's first page at 1,000,000
 * entries (< 200 ms) and verifying that whole chain (time quoted). Each has a same-run baseline.
 *
 * Building the million-entry chain takes about ten minutes on a loaded machine (IndexedDB writes
 * five index entries a row); SECURITY_BENCH_AUDIT=100000 gives a quicker run with the scale
 * named in every figure.
 *
 * The page is served with the app's own CSP, whose script-src has 'wasm-unsafe-eval' for
 * hash-wasm's Argon2id.
 */
import { browserBundle } from './bundle'
import type { BenchContext, BenchResult } from './lib'
import { medianOf, percentile, round } from './lib'
import type { SecurityBench } from './security-browser-entry'

/** Appends fired together: a sign-in chaining the events kept while locked, say. */
const BURST = 10
const AUDIT_ENTRIES = Number(process.env['SECURITY_BENCH_AUDIT'] ?? 1_000_000)

type W = Window & { __securityBench: SecurityBench }

const med = (ms: number[]): number => round(medianOf(ms), 3)
const spread = (ms: number[]): string => `p95 ${round(percentile(ms, 95), 3)} ms, ${ms.length} runs`

export default async function securityBench(ctx: BenchContext): Promise<BenchResult[]> {
  const code = await browserBundle('bench/security-browser-entry.ts', 'securityBench')
  const b = await ctx.browser(null)
  const results: BenchResult[] = []
  try {
    const { page } = b
    await page.goto(`${ctx.url}/#/settings`)
    await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' })
    await page.evaluate(code)
    page.setDefaultTimeout(0)
    const sec = <K extends keyof SecurityBench>(k: K, ...args: Parameters<SecurityBench[K]>) =>
      page.evaluate(
        ([key, a]) =>
          ((window as unknown as W).__securityBench[key] as (...x: unknown[]) => unknown)(
            ...(a as unknown[]),
          ),
        [k, args] as const,
      ) as ReturnType<SecurityBench[K]>

    const s = await sec('signIn', 7)
    results.push({
      name: 'security: sign-in, Argon2id + unwrap + derive keys, median (Chromium)',
      value: med(s.signIn),
      unit: 'ms',
      target: 1000,
      note: `Argon2id ${s.memoryKiB / 1024} MiB, ${s.iterations} passes, 1 lane; ${spread(s.signIn)}; the app's CSP`,
      baseline: { name: `SHA-256 over ${s.memoryKiB / 1024} MiB`, value: med(s.sha) },
    })

    const f = await sec('fields', 40)
    results.push({
      name: 'security: encrypt + decrypt a typical visit, 7 fields, median (Chromium)',
      value: med(f.roundTrip),
      unit: 'ms',
      note: `${f.bytes} bytes of JSON; ${spread(f.roundTrip)}`,
      baseline: { name: 'the same visit as one AES-GCM encrypt + decrypt', value: med(f.whole) },
    })
    results.push({
      name: 'security: index tokens for a patient (name prefixes, chart, birth date), median (Chromium)',
      value: med(f.tokens),
      unit: 'ms',
      note: `${f.tokenCount} name tokens; ${spread(f.tokens)}`,
      baseline: { name: 'one HMAC of the name', value: med(f.oneMac) },
    })
    results.push({
      name: 'security: sign a visit (SHA-256 of the canonical content + seal), median (Chromium)',
      value: med(f.sign),
      unit: 'ms',
      target: 50,
      note: spread(f.sign),
      baseline: { name: 'plain SHA-256 of the same canonical JSON', value: med(f.sha) },
    })

    const a = await sec('append', 300, BURST)
    results.push({
      name: 'audit: append an entry (encrypt detail, HMAC chain, one transaction), median (Chromium)',
      value: med(a.one),
      unit: 'ms',
      target: 2,
      note: `${spread(a.one)}; its parts alone: crypto ${med(a.crypto)} ms, writing row and end marker to the indexed tables ${med(a.write)} ms`,
      baseline: {
        name: 'the same row added unchained in its own IndexedDB transaction',
        value: med(a.plain),
      },
    })
    results.push({
      name: `audit: append ${BURST} entries fired together, per entry, median (Chromium)`,
      value: med(a.burst),
      unit: 'ms',
      target: 2,
      note: `chained in memory, written in as few transactions as arrive together; ${spread(a.burst)}`,
      baseline: {
        name: `${BURST} unchained rows in one IndexedDB transaction, per row`,
        value: med(a.plainBurst),
      },
    })

    const seeded = await sec('seedChain', AUDIT_ENTRIES)
    const scale = `${seeded.count.toLocaleString('en')} entries`
    results.push({
      name: `audit: build a chain of ${scale} for the figures below (Chromium)`,
      value: round(seeded.ms, 0),
      unit: 'ms',
      note: `the app's chain code (WebCrypto HMAC), ${round(seeded.chainMs / 1000, 0)} s of it chaining; batches of ${seeded.batch.toLocaleString('en')} by bulkPut, each written while the next is chained`,
    })
    const big = await sec('appendAtScale', 200)
    results.push({
      name: `audit: append an entry onto the end of ${scale}, median (Chromium)`,
      value: med(big.one),
      unit: 'ms',
      target: 2,
      note: `${spread(big.one)}; the row alone into an unindexed table: ${med(big.plain)} ms`,
      baseline: {
        name: 'the same row and end marker written unchained into the same indexed tables, one IndexedDB transaction',
        value: med(big.indexed),
      },
    })
    const p = await sec('firstPages', 20)
    const pageFig = (what: string, ms: number[]): BenchResult => ({
      name: `audit: screen's first page (50), ${what}, median (Chromium, ${scale})`,
      value: med(ms),
      unit: 'ms',
      target: 200,
      note: spread(ms),
      baseline: { name: 'raw Dexie: newest 50 rows by primary key', value: med(p.raw) },
    })
    results.push(pageFig('no filter', p.all))
    results.push(pageFig('one patient', p.patient))
    results.push(pageFig('staff member and kind', p.staffKind))
    results.push(pageFig('one day', p.dates))

    const v = await sec('verify')
    if (!v.ok) throw new Error(`the seeded chain did not verify (${v.checked} checked)`)
    results.push({
      name: `audit: verify the whole chain (Chromium, ${scale})`,
      value: round(v.verifyMs, 0),
      unit: 'ms',
      note: `${v.checked.toLocaleString('en')} entries checked${v.heapMB ? `, JS heap after ${round(v.heapMB, 0)} MB` : ''}`,
      baseline: {
        name: 'read the same rows, raw HMAC of each under the same key',
        value: round(v.hmacMs, 0),
      },
    })
  } finally {
    await b.close()
  }
  return results
}
