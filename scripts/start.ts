/**
 * `npm start`: builds the app and opens the Electron window. Where the Electron runtime cannot
 * be had (no internet to fetch it), says so in one line and serves the same built app to a
 * browser on 127.0.0.1 until Ctrl+C.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { startStaticServer } from './serve'

const build = spawnSync('npx', ['--no-install', 'electron-vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

function electronPath(): string | null {
  // require('electron') resolves the binary, downloading it on first use; it throws when it cannot.
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    encoding: 'utf8',
    timeout: 180_000,
  })
  const path = probe.status === 0 ? probe.stdout.trim() : ''
  return path && existsSync(path) ? path : null
}

const electron = process.env['CRAMP_BROWSER'] ? null : electronPath()
if (electron) {
  const child = spawn(electron, ['.'], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  const wanted = Number(process.env['PORT'] ?? 5199)
  const server = await startStaticServer(undefined, wanted).catch(() => startStaticServer(undefined, 0))
  console.log(
    `Electron runtime not available here, so the app is served for a browser instead: open ${server.url}/ (Ctrl+C to stop)`,
  )
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
