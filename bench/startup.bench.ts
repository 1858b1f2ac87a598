/**
 * Start-up figures later features must not spoil: navigation to an interactive shell in
 * Chromium (median of 10 cold loads, each in a fresh profile), against the same measure for an
 * empty Vue app (bench/baseline-app) built with the same Vue plugin and minification and served
 * by the same server with the same CSP, loads of the two interleaved so both see the same noise.
 * Also the start-up JavaScript the browser actually fetched before the shell was interactive,
 * gzipped, against the empty app's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import vue from '@vitejs/plugin-vue'
import { build } from 'vite'
import { startStaticServer } from '../scripts/serve'
import type { BenchContext, BenchResult } from './lib'
import { medianOf, round } from './lib'

const RENDERER = resolve(import.meta.dirname, '../out/renderer')
const LOADS = 10

async function buildBaseline(outDir: string): Promise<void> {
  await build({
    root: resolve(import.meta.dirname, 'baseline-app'),
    configFile: false,
    logLevel: 'silent',
    plugins: [vue()],
    build: { outDir, emptyOutDir: true, minify: true },
  })
}

interface Load {
  ms: number
  js: string[]
}

/** One cold load: a fresh profile that has never seen the page, timed from navigation start. */
async function coldLoad(ctx: BenchContext, url: string): Promise<Load> {
  const b = await ctx.browser(null, [new URL(url).origin])
  try {
    const js: string[] = []
    b.page.on('response', (r) => {
      if (/\.m?js$/.test(r.url())) js.push(new URL(r.url()).pathname)
    })
    await b.page.goto(url)
    await b.page.locator('html[data-ready="true"]').waitFor({ state: 'attached' })
    const ms = await b.page.evaluate(
      () => performance.getEntriesByName('app-interactive')[0]?.startTime ?? NaN,
    )
    return { ms, js: [...new Set(js)] }
  } finally {
    await b.close()
  }
}

const gzippedKb = (root: string, files: string[]): number =>
  round(files.reduce((sum, p) => sum + gzipSync(readFileSync(join(root, p))).length, 0) / 1024, 1)

export default async function startup(ctx: BenchContext): Promise<BenchResult[]> {
  const baselineDir = mkdtempSync(join(tmpdir(), 'cramp-bench-empty-vue-'))
  await buildBaseline(baselineDir)
  const baseline = await startStaticServer(baselineDir)
  try {
    const app: Load[] = []
    const empty: Load[] = []
    for (let i = 0; i < LOADS; i++) {
      app.push(await coldLoad(ctx, `${ctx.url}/#/reference`))
      empty.push(await coldLoad(ctx, `${baseline.url}/`))
    }
    const appMs = app.map((l) => l.ms)
    const emptyMs = empty.map((l) => l.ms)
    const appJs = app[0]!.js
    return [
      {
        name: `navigation to interactive shell (Chromium, cold, median of ${LOADS})`,
        value: round(medianOf(appMs), 1),
        unit: 'ms',
        target: 1000,
        note: `min ${round(Math.min(...appMs), 1)}, max ${round(Math.max(...appMs), 1)}`,
        baseline: { name: 'empty Vue app, same build and server', value: round(medianOf(emptyMs), 1) },
      },
      {
        name: 'start-up JavaScript, gzipped',
        value: gzippedKb(RENDERER, appJs),
        unit: 'KB',
        target: 300,
        note: `${appJs.length} files: ${appJs.map((f) => f.split('/').pop()).join(', ')}`,
        baseline: { name: 'empty Vue app', value: gzippedKb(baselineDir, empty[0]!.js) },
      },
    ]
  } finally {
    await baseline.close()
    rmSync(baselineDir, { recursive: true, force: true })
  }
}
