/**
 * `npm start`'s browser fallback keeps one origin (issue 9): the notes database belongs to
 * http://127.0.0.1:<port>, so when that port is taken it must stop and say so, never serve on
 * another port (an empty-looking database, and the old port left to whatever took it).
 * The real script runs here, as `npm start` runs it, without the build step.
 */
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs scripts/start.ts in browser-fallback mode; `until` ends it (SIGTERM) once stdout matches. */
function start(port: number, until?: RegExp): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, CRAMP_SKIP_BUILD: '1', CRAMP_BROWSER: '1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`npm start neither exited nor served in time.\n${stdout}\n${stderr}`))
    }, 15_000)
    child.stdout.on('data', (d: Buffer) => {
      stdout += String(d)
      if (until?.test(stdout)) child.kill('SIGTERM')
    })
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)))
    child.on('exit', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr })
    })
  })
}

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((ok, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      ok({ server, port: typeof address === 'object' && address ? address.port : 0 })
    })
  })
}

const SERVING = /open http:\/\/127\.0\.0\.1:\d+\//

let held: Server | null = null
afterEach(async () => {
  await new Promise((r) => (held ? held.close(r) : r(undefined)))
  held = null
})

describe('npm start, browser fallback', () => {
  it('with its port taken: one line naming the port and how to free it, and a non-zero exit', async () => {
    const { server, port } = await listen()
    held = server
    // Were it to serve anyway (on another port), it is stopped and the checks below say so.
    const run = await start(port, SERVING)
    expect(run.code).not.toBe(0)
    expect(run.code).not.toBeNull()
    const lines = run.stderr.trim().split('\n')
    expect(lines, run.stderr).toHaveLength(1)
    expect(lines[0]).toContain(`Port ${port} is in use`)
    expect(lines[0]).toContain(`lsof -i :${port}`)
    // It did not move to another port.
    expect(run.stdout).not.toMatch(/http:\/\/127\.0\.0\.1:\d+/)
  })

  it('with its port free: serves on exactly that port, and Ctrl+C ends it cleanly', async () => {
    const { server, port } = await listen()
    await new Promise((r) => server.close(r))
    const run = await start(port, SERVING)
    expect(run.stdout).toContain(`open http://127.0.0.1:${port}/`)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })
})
