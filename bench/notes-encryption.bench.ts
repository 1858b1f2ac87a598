/**
 * Encryption at rest at scale (issue 13), in Chromium with real IndexedDB: 10,000 patients and
 * 100,000 visits seeded twice by the deterministic generator, once encrypted and once not; every
 * figure is the encrypted one with the unencrypted one from the same run as its baseline.
 */
import { browserBundle } from './bundle'
import type { BenchContext, BenchResult } from './lib'
import { medianOf, percentile, round } from './lib'
import type { EncryptionBench } from './notes-encryption-entry'

const PATIENTS = Number(process.env['NOTES_BENCH_PATIENTS'] ?? 10_000)
const VISITS = Number(process.env['NOTES_BENCH_VISITS'] ?? 100_000)
const QUERIES = ['calf', 'orthotics heel', 'pregn', 'night splint stretching', 'quinine']

type W = Window & { __encBench: EncryptionBench }

export default async function encryptionBench(ctx: BenchContext): Promise<BenchResult[]> {
  const code = await browserBundle('bench/notes-encryption-entry.ts', 'encBench')
  const b = await ctx.browser('#/settings')
  const results: BenchResult[] = []
  const scale = `${PATIENTS.toLocaleString('en')} patients, ${VISITS.toLocaleString('en')} visits`
  try {
    const { page } = b
    page.setDefaultTimeout(0)
    await page.evaluate(code)
    const seed = async (which: 'sealed' | 'clear') =>
      page.evaluate(
        ([w, p, v]) => (window as unknown as W).__encBench.seed(w as 'sealed', p as number, v as number),
        [which, PATIENTS, VISITS] as const,
      )
    const seedClear = await seed('clear')
    const seedSealed = await seed('sealed')
    results.push({
      name: `encryption: seed, encrypted (Chromium, ${scale})`,
      value: round(seedSealed, 0),
      unit: 'ms',
      baseline: { name: 'the same seed unencrypted', value: round(seedClear, 0) },
    })
    const measure = (which: 'sealed' | 'clear') =>
      page.evaluate(
        ([w, p, v, q]) =>
          (window as unknown as W).__encBench.measure(w as 'sealed', p as number, v as number, q as string[]),
        [which, PATIENTS, VISITS, QUERIES] as const,
      )
    const clear = await measure('clear')
    const sealed = await measure('sealed')
    const fig = (name: string, key: keyof typeof sealed, target?: number): BenchResult => {
      const s = sealed[key] as number[]
      const c = clear[key] as number[]
      return {
        name: `encryption: ${name}, median, encrypted (Chromium, ${scale})`,
        value: round(medianOf(s), 2),
        unit: 'ms',
        target,
        baseline: { name: 'the same unencrypted', value: round(medianOf(c), 2) },
        note: `p95 ${round(percentile(s, 95), 2)} ms, ${s.length} runs`,
      }
    }
    results.push(
      fig('unlock: passphrase to the screen back (sign-in, a list page and a visit)', 'unlock', 1500),
    )
    results.push(fig('unlock as before: background work started at once', 'unlockEager'))
    results.push(fig('of which Argon2id unwrap alone', 'kdf'))
    results.push(fig('open a visit (visit + patient)', 'openVisit', 50))
    results.push(fig('save an edit while typing', 'save', 20))
    results.push(fig('note search (20 newest hits)', 'search', 100))
    results.push(fig("a patient's visits, newest first", 'visitsOfPatient', 50))
    results.push(fig('patient search by name, chart number or birth date', 'findPatient', 100))
    const full = round(sealed.searchAfterFullBuild, 0)
    results.push({
      name: `encryption: unlock to first note search, index read whole, encrypted (Chromium, ${scale})`,
      value: full,
      unit: 'ms',
      baseline: { name: 'the same unencrypted', value: round(clear.searchAfterFullBuild, 0) },
      note: 'no snapshot: every visit read and decrypted (the first unlock, or a snapshot refused)',
    })
    const snap = sealed.searchAfterSnapshot
    results.push({
      name: `encryption: unlock to first note search, from the sealed snapshot, median (Chromium, ${scale})`,
      value: round(medianOf(snap), 0),
      unit: 'ms',
      baseline: { name: 'the unencrypted index read whole', value: round(clear.searchAfterFullBuild, 0) },
      note: `p95 ${round(percentile(snap, 95), 0)} ms, ${snap.length} runs (sign-in+search ms, and the background check after: ${sealed.snapshotParts.join(', ')}); encrypted full read ${full} ms, ratio ${round(medianOf(snap) / full, 3)}x`,
    })
  } finally {
    await b.close()
  }
  return results
}
