/**
 * Finds a Chromium to drive: CHROME_PATH, then a system Chromium/Chrome, then the browser
 * shipped inside the @sparticuz/chromium npm package, so `npm ci && npm test` needs nothing else.
 */
import { existsSync } from 'node:fs'

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

let cached: Promise<string> | null = null

export function findChromium(): Promise<string> {
  cached ??= (async () => {
    const fromEnv = process.env['CHROME_PATH']
    if (fromEnv) {
      if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH points to ${fromEnv}, which does not exist`)
      return fromEnv
    }
    const system = SYSTEM.find((p) => existsSync(p))
    if (system) return system
    const { default: packaged } = await import('@sparticuz/chromium')
    return packaged.executablePath()
  })()
  return cached
}

/** Flags that keep Chromium off this machine's closed network and quiet in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--metrics-recording-only',
  '--no-default-browser-check',
]
