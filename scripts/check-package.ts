/**
 * `npm run check:package` (part of `npm test`): packages the app with electron-builder's `dir`
 * target, exactly as `npm run dist` would but against a stand-in Electron distribution (the real
 * one cannot be downloaded here), then checks what went into app.asar: the built app (main,
 * preload, renderer with the clinical content compiled in) and nothing else: no sources, tests,
 * benchmarks, source maps or node_modules, and no module the packaged main or preload would
 * need from node_modules. Run `npm run build` first.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { extractFile, listPackage } from '@electron/asar'
import electronPkg from 'electron/package.json' with { type: 'json' }

const ROOT = resolve(import.meta.dirname, '..')
/** Far above the app (about 5 MB) and far below any node_modules that slipped in. */
const MAX_ASAR_MB = 25

/** The files of an unpacked Electron for Linux that electron-builder copies and renames. */
function makeStandInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  mkdirSync(join(dir, 'locales'))
  writeFileSync(
    join(dir, 'electron'),
    '#!/bin/sh\necho "This is a stand-in for Electron, used only to check packaging." >&2\nexit 1\n',
  )
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'version'), electronPkg.version)
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n')
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n')
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '')
}

/** Bare module names a built file imports or requires (Node built-ins aside). */
function externalImports(code: string): string[] {
  const names = [
    ...code.matchAll(/^\s*import\s[^'"]*?['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!)
  const builtin = (n: string): boolean => n.startsWith('node:') || builtinModules.includes(n.split('/')[0]!)
  return [...new Set(names.filter((n) => !n.startsWith('.') && !builtin(n)))]
}

const problems: string[] = []
const check = (ok: boolean, problem: string): void => {
  if (!ok) problems.push(problem)
}

if (!existsSync(join(ROOT, 'out/main/index.js'))) {
  console.error('check:package: out/ is missing: run `npm run build` first.')
  process.exit(1)
}

const work = mkdtempSync(join(tmpdir(), 'cramp-package-'))
try {
  const standIn = join(work, 'electron')
  const output = join(work, 'dist')
  makeStandInElectron(standIn)
  const run = spawnSync(
    'npx',
    [
      '--no-install',
      'electron-builder',
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
  )
  if (run.status !== 0) {
    console.error(`check:package: electron-builder failed (exit ${run.status}).\n${run.stdout}${run.stderr}`)
    process.exit(1)
  }

  const appDir = join(output, 'linux-unpacked')
  const asarPath = join(appDir, 'resources', 'app.asar')
  const files = listPackage(asarPath, { isPack: false }).map((f) => f.replace(/\\/g, '/'))
  const read = (f: string): string => extractFile(asarPath, f.replace(/^\//, '')).toString('utf8')
  const sizeMb = statSync(asarPath).size / (1024 * 1024)

  // What must be there.
  for (const f of [
    '/package.json',
    '/out/main/index.js',
    '/out/preload/index.cjs',
    '/out/renderer/index.html',
  ]) {
    check(files.includes(f), `app.asar has no ${f}`)
  }
  check(existsSync(join(appDir, 'cramp-clinic')), 'the Electron executable was not renamed to cramp-clinic')
  const pkg = JSON.parse(read('/package.json')) as { main?: string }
  check(
    files.includes(`/${pkg.main?.replace(/^\.\//, '')}`),
    `package.json "main" (${pkg.main}) is not in app.asar`,
  )

  // The clinical content is compiled into the renderer: every cause must be in its scripts.
  const rendererJs = files
    .filter((f) => f.startsWith('/out/renderer/') && /\.m?js$/.test(f))
    .map(read)
    .join('\n')
  const causes = readdirSync(join(ROOT, 'resources/content/causes')).map((f) => f.replace(/\.yaml$/, ''))
  const missing = causes.filter((c) => !rendererJs.includes(`"${c}"`))
  check(causes.length > 0 && missing.length === 0, `content missing from the renderer: ${missing.join(', ')}`)

  // What must not be.
  const stray = files.filter((f) =>
    /^\/(src|tests|bench|scripts|docs|resources|examples|node_modules|dist|screenshots)(\/|$)|\/node_modules\/|\.map$|\.tsx?$/.test(
      f,
    ),
  )
  check(stray.length === 0, `files that do not belong in the app: ${stray.slice(0, 10).join(', ')}`)
  const outside = files.filter((f) => f !== '/package.json' && f !== '/out' && !f.startsWith('/out/'))
  check(outside.length === 0, `files outside out/: ${outside.slice(0, 10).join(', ')}`)
  // Nothing may need node_modules at run time, so no dependency (dev or not) has to ship.
  const mainNeeds = externalImports(read('/out/main/index.js')).filter((n) => n !== 'electron')
  check(mainNeeds.length === 0, `packaged main would need node_modules: ${mainNeeds.join(', ')}`)
  const preloadNeeds = externalImports(read('/out/preload/index.cjs')).filter((n) => n !== 'electron')
  check(preloadNeeds.length === 0, `packaged preload would need node_modules: ${preloadNeeds.join(', ')}`)
  check(sizeMb < MAX_ASAR_MB, `app.asar is ${sizeMb.toFixed(1)} MB (limit ${MAX_ASAR_MB} MB)`)

  if (problems.length) {
    for (const p of problems) console.error(`FAIL ${p}`)
    process.exit(1)
  }
  const counts = ['main', 'preload', 'renderer'].map(
    (d) => `${d} ${files.filter((f) => f.startsWith(`/out/${d}/`) && !f.endsWith('/')).length}`,
  )
  console.log(
    `check:package: ok: app.asar ${sizeMb.toFixed(2)} MB, ${files.length} entries (${counts.join(', ')}), ` +
      `${causes.length} causes in the renderer; no sources, tests, benchmarks, maps or node_modules.`,
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
