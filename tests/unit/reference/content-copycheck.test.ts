/**
 * Facts come from the source articles; their sentences may not. The project's copycheck tool
 * lists any run of ten words shared with the sources, over src/, resources/, tests/, docs/ and
 * README.md. It lives outside the repo (../shared/tools); where it is absent the test fails and
 * says so, because a skipped check would pass silently (CI always has the tool).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')
const COPYCHECK = resolve(ROOT, '../shared/tools/copycheck')

function requireTool(): void {
  if (!existsSync(COPYCHECK)) {
    throw new Error(
      `copycheck is missing: expected ${COPYCHECK} (the team's shared folder beside the repo). ` +
        'This check cannot be skipped: put the shared folder there and run the tests again.',
    )
  }
}

describe('copycheck', () => {
  it('finds no text copied from the source articles (tool at ../shared/tools/copycheck)', () => {
    requireTool()
    const run = spawnSync(process.execPath, [COPYCHECK], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(run.error).toBeUndefined()
    const copied = run.stdout
      .split('\n')
      .filter((line) => /:\d+: \d+ words shared with /.test(line))
      .join('\n')
    expect(copied, `copycheck lists copied runs:\n${copied}`).toBe('')
    expect(run.status, run.stdout + run.stderr).toBe(0)
  })

  it('the tool catches a copied run (so a clean result means something)', () => {
    requireTool()
    const sources = resolve(ROOT, '../shared/sources')
    const article = readdirSync(sources).find((f) => f.endsWith('.txt'))!
    const copied = readFileSync(resolve(sources, article), 'utf8').split(/\s+/).slice(0, 14).join(' ')
    const dir = mkdtempSync(join(tmpdir(), 'copycheck-'))
    try {
      writeFileSync(join(dir, 'copied.md'), `Some words of ours. ${copied} And more of ours.\n`)
      const run = spawnSync(process.execPath, [COPYCHECK, dir], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      })
      expect(run.status).toBe(1)
      expect(run.stdout).toContain('copied.md')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
