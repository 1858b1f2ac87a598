/**
 * Encrypted backups at scale (issue 13), in Chromium with real IndexedDB: export (format 2,
 * streamed, encrypted) and restore (into a new database, authenticated and verified), with time,
 * file size and the peak JS heap sampled through the DevTools protocol while each runs, each
 * beside a same-run baseline. 100,000 visits by default; BACKUP_BENCH_MILLION=1 runs 1,000,000
 * (heap target under 500 MB).
 */
import { browserBundle } from './bundle'
import type { Page } from '@playwright/test'
import type { BenchContext, BenchResult } from './lib'
import { medianOf, percentile, round } from './lib'
import type { NotesBackupBench } from './notes-backup-browser-entry'

const MILLION = process.env['BACKUP_BENCH_MILLION'] === '1'
const VISITS = MILLION ? 1_000_000 : Number(process.env['BACKUP_BENCH_VISITS'] ?? 100_000)
const PATIENTS = Math.max(1, Math.round(VISITS / 10))

type W = Window & { __backupBench: NotesBackupBench }

/** Runs fn in the page while sampling the JS heap every 100 ms; returns its result and the peak in MB. */
async function withPeakHeap<T>(page: Page, fn: () => Promise<T>): Promise<{ result: T; peakMB: number }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  let peak = 0
  let running = true
  const sample = async (): Promise<void> => {
    while (running) {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as {
        metrics: { name: string; value: number }[]
      }
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0
      peak = Math.max(peak, used)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const sampler = sample()
  try {
    const result = await fn()
    return { result, peakMB: peak / 1048576 }
  } finally {
    running = false
    await sampler
    await cdp.detach()
  }
}

export default async function backupBench(ctx: BenchContext): Promise<BenchResult[]> {
  const code = await browserBundle('bench/notes-backup-browser-entry.ts', 'backupBench')
  const b = await ctx.browser(null)
  const results: BenchResult[] = []
  const scale = `${PATIENTS.toLocaleString('en')} patients, ${VISITS.toLocaleString('en')} visits`
  try {
    const { page } = b
    page.setDefaultTimeout(0)
    await page.goto(`${b.url}/#/`)
    await page.evaluate(code)
    const seeded = await page.evaluate(
      ([p, v]) => (window as unknown as W).__backupBench.seed(p!, v!),
      [PATIENTS, VISITS],
    )
    const fp = await page.evaluate(() => (window as unknown as W).__backupBench.firstPage(20))
    results.push({
      name: `patients: first page of the list, 50 unsealed, median (Chromium, ${scale})`,
      value: round(medianOf(fp.page), 1),
      unit: 'ms',
      target: 100,
      note: `${fp.shown} shown; the count of ${fp.total.toLocaleString('en')} patients comes after it, ${round(fp.countMs, 0)} ms; p95 ${round(percentile(fp.page, 95), 1)} ms, ${fp.page.length} runs`,
      baseline: {
        name: 'raw Dexie: the same 50 rows by list order, still sealed',
        value: round(medianOf(fp.raw), 1),
      },
    })
    const rawEx = await withPeakHeap(page, () =>
      page.evaluate(() => (window as unknown as W).__backupBench.exportRaw()),
    )
    const ex = await withPeakHeap(page, () =>
      page.evaluate(() => (window as unknown as W).__backupBench.exportV2()),
    )
    results.push({
      name: `backup: export format 2, encrypted, streamed (Chromium, ${scale})`,
      value: round(ex.result.ms, 0),
      unit: 'ms',
      baseline: { name: 'raw paged read + JSON.stringify of every table', value: round(rawEx.result.ms, 0) },
      note: `${round(ex.result.bytes / 1048576, 1)} MB file; peak JS heap ${round(ex.peakMB, 0)} MB (baseline ${round(rawEx.peakMB, 0)} MB); seeded ${seeded.visits} visits in ${round(seeded.ms / 1000, 0)} s`,
    })
    results.push({
      name: `backup: export peak JS heap (Chromium, ${scale})`,
      value: round(ex.peakMB, 0),
      unit: 'MB',
      target: 500,
    })
    const rawRe = await withPeakHeap(page, () =>
      page.evaluate(() => (window as unknown as W).__backupBench.restoreRaw()),
    )
    const re = await withPeakHeap(page, () =>
      page.evaluate(() => (window as unknown as W).__backupBench.restoreV2()),
    )
    results.push({
      name: `backup: restore format 2 into a new database, verified (Chromium, ${scale})`,
      value: round(re.result.ms, 0),
      unit: 'ms',
      baseline: { name: 'raw paged read + bulkPut of the same rows', value: round(rawRe.result.ms, 0) },
      note: `${re.result.visits} visits restored; peak JS heap ${round(re.peakMB, 0)} MB (baseline ${round(rawRe.peakMB, 0)} MB)`,
    })
    results.push({
      name: `backup: restore peak JS heap (Chromium, ${scale})`,
      value: round(re.peakMB, 0),
      unit: 'MB',
      target: 500,
    })
  } finally {
    await b.close()
  }
  return results
}
