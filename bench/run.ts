/**
 * `npm run bench`: builds the app, serves it on 127.0.0.1, runs every bench/*.bench.ts, prints
 * the medians against their targets and writes bench-results/latest.json.
 * Machines are noisy: compare figures within one run.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startStaticServer } from '../scripts/serve'
import { createContext, ratioOf, type BenchContext, type BenchResult } from './lib'

const here = import.meta.dirname
const only = process.argv.slice(2)

if (!process.env['BENCH_SKIP_BUILD']) {
  const build = spawnSync('npx', ['--no-install', 'electron-vite', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = await startStaticServer()
const ctx = createContext(server.url)
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort((a, b) => (a.startsWith('startup') ? -1 : b.startsWith('startup') ? 1 : a.localeCompare(b)))

const all: (BenchResult & { suite: string; ok: boolean | null; ratio: number | null })[] = []
let failedSuites = 0
for (const f of files) {
  const suite = f.replace(/\.bench\.ts$/, '')
  console.log(`\n## ${suite}`)
  try {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as {
      default: (c: BenchContext) => Promise<BenchResult[]>
    }
    for (const r of await mod.default(ctx)) {
      const ok = r.target === undefined ? null : r.value < r.target
      const ratio = ratioOf(r)
      all.push({ ...r, suite, ok, ratio })
      const target =
        r.target === undefined ? '' : ` (target < ${r.target} ${r.unit}: ${ok ? 'met' : 'MISSED'})`
      const base = r.baseline
        ? `; baseline ${r.baseline.name}: ${r.baseline.value} ${r.unit}, ratio ${ratio}x`
        : ''
      console.log(`  ${r.name}: ${r.value} ${r.unit}${target}${base}${r.note ? `  [${r.note}]` : ''}`)
    }
  } catch (e) {
    failedSuites++
    console.error(`  suite ${suite} failed:`, e)
  }
}
await server.close()

const out = resolve(here, '../bench-results')
mkdirSync(out, { recursive: true })
const report = { date: new Date().toISOString(), node: process.version, results: all }
writeFileSync(join(out, 'latest.json'), JSON.stringify(report, null, 2))
const missed = all.filter((r) => r.ok === false)
console.log(
  `\n${all.length} figures, ${all.filter((r) => r.ok).length} targets met, ${missed.length} missed; written to bench-results/latest.json`,
)
if (failedSuites) process.exit(1)
