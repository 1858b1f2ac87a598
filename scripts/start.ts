/**
 * `npm start`: builds the app and opens the Electron window. Where the Electron runtime cannot
 * be had (no internet to fetch it), says so in one line and serves the same built app to a
 * browser on 127.0.0.1 until Ctrl+C.
 *
 * The browser fallback always uses the same port: IndexedDB belongs to an origin, so another
 * port would open an empty notes database (and whatever else later served on the old port
 * could read the notes). If the port is taken, it says so in one line and exits.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { startStaticServer } from './serve'

if (!process.env['CRAMP_SKIP_BUILD']) {
  const build = spawnSync('npx', ['--no-install', 'electron-vite', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

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
  const port = Number(process.env['PORT'] ?? 5199)
  const server = await startStaticServer(undefined, port).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EADDRINUSE') throw e
    console.error(
      `Port ${port} is in use by another program, so Cramp Clinic did not start: its notes belong to http://127.0.0.1:${port} and would look empty on any other port. Close that program (\`lsof -i :${port}\` names it), then run npm start again.`,
    )
    process.exit(1)
  })
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  // Before the line that invites Ctrl+C, so a stop that comes at once still ends cleanly.
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  console.log(
    `Electron runtime not available here, so the app is served for a browser instead: open ${server.url}/ (Ctrl+C to stop)`,
  )
}
