/** Shared pieces for `npm run bench`: timing helpers and a Chromium page on the built app. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/chromium'
import { waitForApp } from '../tests/e2e/fixtures'

export interface BenchResult {
  /** e.g. "search: per-keystroke query p95 (Chromium)" */
  name: string
  value: number
  unit: 'ms' | 'KB' | 'count' | 'MB'
  /** The target from the issue, if any; `value` must be below it. */
  target?: number
  /** Extra facts worth quoting (sample count, sizes...). */
  note?: string
  /**
   * The same work done the plainest way (bare pdfmake, raw Dexie bulkPut, an empty app, a linear
   * scan), measured in the same run on the same data: absolute times here move by 2x between
   * runs, a ratio to a same-run baseline does not.
   */
  baseline?: { name: string; value: number }
}

/**
 * value / baseline, rounded for printing (two significant digits below 0.1, where two decimals
 * printed a search 600 times faster than its linear scan as "0x"); null when there is no baseline.
 */
export function ratioOf(r: BenchResult): number | null {
  if (!r.baseline || r.baseline.value <= 0) return null
  const ratio = r.value / r.baseline.value
  return ratio >= 0.1 ? round(ratio, 2) : Number(ratio.toPrecision(2))
}

export interface BenchPage {
  page: Page
  context: BrowserContext
  /** Base URL of the served app (no trailing slash). */
  url: string
  close(): Promise<void>
}

export interface BenchContext {
  /** Base URL of the built app served on 127.0.0.1. */
  url: string
  /** Median of `n` runs of fn (after `warmup` unmeasured runs), in ms. */
  median(fn: () => unknown | Promise<unknown>, n?: number, warmup?: number): Promise<number>
  /** All timings of n runs, in ms. */
  samples(fn: () => unknown | Promise<unknown>, n?: number, warmup?: number): Promise<number[]>
  /**
   * A fresh Chromium profile on the app, opened at `hash` and ready (null: a blank page).
   * Requests anywhere but the app (and `alsoAllow`, e.g. a baseline's server) are aborted.
   */
  browser(hash?: string | null, alsoAllow?: string[]): Promise<BenchPage>
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

export const medianOf = (values: number[]): number => percentile(values, 50)

export function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

export function createContext(url: string): BenchContext {
  const samples = async (fn: () => unknown, n = 20, warmup = 2): Promise<number[]> => {
    for (let i = 0; i < warmup; i++) await fn()
    const out: number[] = []
    for (let i = 0; i < n; i++) {
      const t = performance.now()
      await fn()
      out.push(performance.now() - t)
    }
    return out
  }
  return {
    url,
    samples,
    median: async (fn, n, warmup) => medianOf(await samples(fn, n, warmup)),
    async browser(hash = '#/', alsoAllow = []) {
      const dir = mkdtempSync(join(tmpdir(), 'cramp-bench-'))
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: await findChromium(),
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
      })
      // Benchmarks must not reach out either.
      const allowed = [url, ...alsoAllow]
      await context.route(
        (u) => !allowed.some((a) => u.toString().startsWith(a)) && !/^(data|blob):/.test(u.toString()),
        (r) => r.abort('blockedbyclient'),
      )
      const page = context.pages()[0] ?? (await context.newPage())
      if (hash !== null) {
        await page.goto(`${url}/${hash}`)
        await waitForApp(page)
      }
      return {
        page,
        context,
        url,
        async close() {
          await context.close()
          rmSync(dir, { recursive: true, force: true })
        },
      }
    },
  }
}
