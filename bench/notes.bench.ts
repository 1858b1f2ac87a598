/**
 * Notes at scale (issue 4), in Chromium with real IndexedDB: 10,000 patients and 100,000 visits
 * seeded by the deterministic generator (scripts/seed-data.ts) inside the page, then the patient
 * list's first page (< 100 ms), opening a visit (< 50 ms), note search (< 100 ms), saving an
 * edit (< 20 ms), and export and restore of the whole set with their times.
 * The real notes modules are bundled by Vite and run in a page on the app's origin.
 */
import { resolve } from 'node:path'
import { build } from 'vite'
import type { BenchContext, BenchResult } from './lib'
import { medianOf, percentile, round } from './lib'
import type { NotesBench } from './notes-browser-entry'

const ROOT = resolve(import.meta.dirname, '..')
const PATIENTS = Number(process.env['NOTES_BENCH_PATIENTS'] ?? 10_000)
const VISITS = Number(process.env['NOTES_BENCH_VISITS'] ?? 100_000)
const QUERIES = ['calf', 'orthotics heel', 'pregn', 'night splint stretching', 'quinine']

async function browserBundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(ROOT, 'bench/notes-browser-entry.ts'),
        formats: ['iife'],
        name: 'notesBench',
        fileName: 'notes-bench',
      },
    },
  })
  const outputs = Array.isArray(out) ? out : [out]
  for (const o of outputs) {
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code
  }
  throw new Error('the notes bench bundle produced no code')
}

type W = Window & { __notesBench: NotesBench }

export default async function notesBench(ctx: BenchContext): Promise<BenchResult[]> {
  const code = await browserBundle()
  const b = await ctx.browser('#/settings')
  const results: BenchResult[] = []
  const scale = `${PATIENTS.toLocaleString('en')} patients, ${VISITS.toLocaleString('en')} visits`
  try {
    const { page } = b
    await page.evaluate(code)
    const seeded = await page.evaluate(
      ([p, v]) => (window as unknown as W).__notesBench.seed(p!, v!),
      [PATIENTS, VISITS],
    )
    results.push({
      name: 'notes: seed (bulkPut in chunks, Chromium)',
      value: round(seeded.ms / 1000, 1) * 1000,
      unit: 'ms',
      note: `${seeded.patients} patients, ${seeded.visits} visits`,
    })
    const m = await page.evaluate(
      ([p, v, q]) => (window as unknown as W).__notesBench.measure(p as number, v as number, q as string[]),
      [PATIENTS, VISITS, QUERIES] as const,
    )
    const fig = (name: string, ms: number[], target?: number, note?: string): BenchResult => ({
      name: `notes: ${name}, median (Chromium, ${scale})`,
      value: round(medianOf(ms), 2),
      unit: 'ms',
      target,
      note: `p95 ${round(percentile(ms, 95), 2)} ms, ${ms.length} runs${note ? `; ${note}` : ''}`,
    })
    results.push(fig('patient list first page (50 by last visit)', m.listFirstPage, 100))
    results.push(fig('patient search by name, chart number or birth date', m.findPatient, 100))
    results.push(fig('open a visit (visit + patient)', m.openVisit, 50))
    results.push(fig("a patient's visits, newest first", m.visitsOfPatient, 50))
    results.push({
      name: `notes: note search index build, once per app start (Chromium, ${scale})`,
      value: round(m.indexBuild, 0),
      unit: 'ms',
      note: 'reads every visit once, in the background after start-up; searches wait for it only if typed first',
    })
    const allSearch = m.search.flatMap((s) => s.ms)
    results.push(
      fig(
        'note search (20 newest hits)',
        allSearch,
        100,
        m.search.map((s) => `"${s.q}" ${round(medianOf(s.ms), 1)} ms/${s.total} hits`).join(', '),
      ),
    )
    const worst = Math.max(...m.search.map((s) => medianOf(s.ms)))
    results.push({
      name: `notes: note search, slowest query median (Chromium, ${scale})`,
      value: round(worst, 2),
      unit: 'ms',
      target: 100,
    })
    results.push(fig('save an edit (conflict check + index words)', m.save, 20))

    // Unbounded: tens of seconds at full scale.
    page.setDefaultTimeout(0)
    const ex = await page.evaluate(() => (window as unknown as W).__notesBench.exportAll())
    results.push({
      name: `notes: export whole database (Chromium, ${scale})`,
      value: round(ex.ms, 0),
      unit: 'ms',
      note: `${round(ex.bytes / 1048576, 1)} MB file${ex.heapMB ? `, JS heap after ${round(ex.heapMB, 0)} MB` : ''}`,
    })
    const re = await page.evaluate(() => (window as unknown as W).__notesBench.restoreAll())
    results.push({
      name: `notes: restore whole backup, validate (parse, checksum, schema) (Chromium, ${scale})`,
      value: round(re.readMs, 0),
      unit: 'ms',
    })
    results.push({
      name: `notes: restore whole backup, replace in one transaction (Chromium, ${scale})`,
      value: round(re.applyMs, 0),
      unit: 'ms',
      note: `${re.visits} visits after restore`,
    })
    // The screen itself: navigate to the patient list and wait for its first rows.
    const t = Date.now()
    await page.goto(`${b.url}/#/patients`)
    await page.getByTestId('patient-row').first().waitFor()
    results.push({
      name: `notes: patients screen shown with first page, from navigation (Chromium, ${scale})`,
      value: Date.now() - t,
      unit: 'ms',
      note: 'includes page load and app start',
    })
  } finally {
    await b.close()
  }
  return results
}
