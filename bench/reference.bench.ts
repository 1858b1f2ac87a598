/**
 * Reference speed (issue 3): content load + index build at start-up (< 50 ms), per-keystroke
 * search query p95 (< 5 ms) in Node and in Chromium, cause finder per change (< 5 ms). Each beside
 * a same-run baseline on the same data: a default MiniSearch index, a linear scan, a weight sum.
 * The same workload module runs in both: in Chromium it is bundled by Vite with the real content
 * and run inside a page, timed there with performance.now().
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { browserBundle } from './bundle'
import { loadContent } from '../scripts/content-fs'
import { contentPlugin } from '../scripts/content-plugin'
import type { BenchContext, BenchResult } from './lib'
import { medianOf, round } from './lib'
import { runWorkload, type WorkloadFigures } from './reference-workload'

const ROOT = resolve(import.meta.dirname, '..')

const COLD_RUNS = 7

/** Start-up cost: each sample is a fresh Node process, so nothing is warmed up. */
function nodeColdStarts(json: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'cramp-reference-bench-'))
  const file = join(dir, 'content.json')
  writeFileSync(file, json)
  const out: number[] = []
  for (let i = 0; i < COLD_RUNS; i++) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', resolve(ROOT, 'bench/reference-cold.ts'), file],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    )
    const ms = Number(r.stdout.trim())
    if (r.status !== 0 || !Number.isFinite(ms)) throw new Error(`cold start failed: ${r.stderr}`)
    out.push(ms)
  }
  rmSync(dir, { recursive: true, force: true })
  return out
}

function figures(where: string, f: WorkloadFigures, cold: number[]): BenchResult[] {
  return [
    {
      name: `reference: content load + index build at start-up, median of ${cold.length} cold starts (${where})`,
      value: round(medianOf(cold), 2),
      unit: 'ms',
      target: 50,
      note: `${f.documents} documents; cold min ${round(Math.min(...cold), 1)}, max ${round(Math.max(...cold), 1)}; warm median ${round(f.loadBuildMedian, 2)} ms`,
    },
    {
      name: `reference: content load + index build, warm median (${where})`,
      value: round(f.loadBuildMedian, 2),
      unit: 'ms',
      baseline: {
        name: 'the same documents in a MiniSearch index with its defaults',
        value: round(f.plainBuildMedian, 2),
      },
    },
    {
      name: `reference: search per keystroke, median (${where})`,
      value: round(f.queryMedian, 3),
      unit: 'ms',
      baseline: { name: 'a linear scan of the same text for the typed words', value: round(f.scanMedian, 4) },
      note: `${f.queries} queries (every prefix of 44 phrases, 3 rounds; each the mean of 5 repeats)`,
    },
    {
      name: `reference: search per keystroke, p95 (${where})`,
      value: round(f.queryP95, 3),
      unit: 'ms',
      target: 5,
      note: `max ${round(f.queryMax, 2)} ms`,
    },
    {
      name: `reference: cause finder per change, median (${where})`,
      value: round(f.finderMedian, 3),
      unit: 'ms',
      baseline: { name: 'a bare sum of the same weights', value: round(f.weightSumMedian, 4) },
      target: 5,
      note: `${f.finderChanges} changes; p95 ${round(f.finderP95, 3)} ms`,
    },
  ]
}

export default async function reference(ctx: BenchContext): Promise<BenchResult[]> {
  const json = JSON.stringify(loadContent())
  const nodeCold = nodeColdStarts(json)
  const node = runWorkload(json, () => performance.now())

  const code = await browserBundle('bench/reference-browser-entry.ts', 'referenceBench', [contentPlugin()])
  const b = await ctx.browser(null)
  try {
    // Each cold sample is a fresh document: a new JavaScript context with nothing warmed up.
    const browserCold: number[] = []
    for (let i = 0; i < COLD_RUNS; i++) {
      await b.page.goto(`about:blank#${i}`)
      await b.page.reload()
      await b.page.addScriptTag({ content: code })
      browserCold.push(
        await b.page.evaluate(() =>
          (window as unknown as { __referenceFirstBuild: () => number }).__referenceFirstBuild(),
        ),
      )
    }
    const chromium = await b.page.evaluate(() =>
      (window as unknown as { __referenceBench: () => WorkloadFigures }).__referenceBench(),
    )
    return [...figures('Node', node, nodeCold), ...figures('Chromium', chromium, browserCold)]
  } finally {
    await b.close()
  }
}
