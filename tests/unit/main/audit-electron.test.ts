import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const audit = (dir: string) =>
  spawnSync(process.execPath, ['scripts/audit-electron.mjs', dir], { encoding: 'utf8', timeout: 120_000 })

describe('audit:electron gate', () => {
  it('fails on a window that turns the sandbox off, although electronegativity itself exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'))
    writeFileSync(
      join(dir, 'main.ts'),
      `import { BrowserWindow } from 'electron'\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })\n`,
    )
    const r = audit(dir)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/FAIL\s+(NODE_INTEGRATION|CONTEXT_ISOLATION|SANDBOX)/)
  }, 120_000)
})
