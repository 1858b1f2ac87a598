/**
 * Reference speed (issue 3): content load + index build at start-up (< 50 ms), per-keystroke
 * search query p95 (< 5 ms) in Node and in Chromium, cause finder per change (< 5 ms).
 * The same workload module runs in both: in Chromium it is bundled by Vite with the real content
 * and run inside a page, timed there with performance.now().
 */
import { resolve } from 'node:path'
import { build } from 'vite'
import { loadContent } from '../scripts/content-fs'
import { contentPlugin } from '../scripts/content-plugin'
import type { BenchContext, BenchResult } from './lib'
import { round } from './lib'
import { runWorkload, type WorkloadFigures } from './reference-workload'

const ROOT = resolve(import.meta.dirname, '..')

async function browserBundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    plugins: [contentPlugin()],
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(ROOT, 'bench/reference-browser-entry.ts'),
        formats: ['iife'],
        name: 'referenceBench',
        fileName: 'bench',
      },
    },
  })
  const outputs = Array.isArray(out) ? out : [out]
  for (const o of outputs) {
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code
  }
  throw new Error('the reference bench bundle produced no code')
}

function figures(where: string, f: WorkloadFigures): BenchResult[] {
  return [
    {
      name: `reference: content load + index build, first (${where})`,
      value: round(f.loadBuildFirst, 2),
      unit: 'ms',
      target: 50,
      note: `${f.documents} documents; warm median ${round(f.loadBuildMedian, 2)} ms`,
    },
    {
      name: `reference: content load + index build, warm median (${where})`,
      value: round(f.loadBuildMedian, 2),
      unit: 'ms',
      target: 50,
    },
    {
      name: `reference: search per keystroke, median (${where})`,
      value: round(f.queryMedian, 3),
      unit: 'ms',
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
      target: 5,
      note: `${f.finderChanges} changes; p95 ${round(f.finderP95, 3)} ms`,
    },
  ]
}

export default async function reference(ctx: BenchContext): Promise<BenchResult[]> {
  const json = JSON.stringify(loadContent())
  const node = runWorkload(json, () => performance.now())

  const code = await browserBundle()
  const b = await ctx.browser(null)
  try {
    await b.page.goto('about:blank')
    await b.page.addScriptTag({ content: code })
    const chromium = (await b.page.evaluate(() =>
      (window as unknown as { __referenceBench: () => WorkloadFigures }).__referenceBench(),
    )) as WorkloadFigures
    return [...figures('Node', node), ...figures('Chromium', chromium)]
  } finally {
    await b.close()
  }
}
