/**
 * Start-up figures later features must not spoil: navigation to an interactive shell in
 * Chromium (median of 10 cold loads, each in a fresh profile) and the start-up JavaScript
 * the browser actually fetched before the shell was interactive, gzipped.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BenchContext, BenchResult } from './lib'
import { medianOf, round } from './lib'

const RENDERER = resolve(import.meta.dirname, '../out/renderer')

export default async function startup(ctx: BenchContext): Promise<BenchResult[]> {
  const loads: number[] = []
  let jsFiles: string[] = []
  for (let i = 0; i < 10; i++) {
    // A cold load: a fresh profile that has never seen the app, timed from navigation start.
    const b = await ctx.browser(null)
    const page = b.page
    const fetched: string[] = []
    page.on('response', (r) => {
      if (/\.m?js$/.test(r.url())) fetched.push(new URL(r.url()).pathname)
    })
    await page.goto(`${ctx.url}/#/reference`)
    await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' })
    const ms = await page.evaluate(() => performance.getEntriesByName('app-interactive')[0]?.startTime ?? NaN)
    loads.push(ms)
    if (i === 0) jsFiles = [...new Set(fetched)]
    await b.close()
  }
  const gz = jsFiles.reduce((sum, p) => sum + gzipSync(readFileSync(`${RENDERER}${p}`)).length, 0)
  return [
    {
      name: 'navigation to interactive shell (Chromium, cold, median of 10)',
      value: round(medianOf(loads), 1),
      unit: 'ms',
      target: 1000,
      note: `min ${round(Math.min(...loads), 1)}, max ${round(Math.max(...loads), 1)}`,
    },
    {
      name: 'start-up JavaScript, gzipped',
      value: round(gz / 1024, 1),
      unit: 'KB',
      target: 300,
      note: `${jsFiles.length} files: ${jsFiles.map((f) => f.split('/').pop()).join(', ')}`,
    },
  ]
}
