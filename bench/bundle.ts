import { resolve } from 'node:path'
import { build, type PluginOption } from 'vite'

const ROOT = resolve(import.meta.dirname, '..')

/**
 * A bench's browser-side entry bundled into one IIFE script, to be added to the page: the benches
 * run the app's own modules inside Chromium, against real IndexedDB and WebCrypto.
 */
export async function browserBundle(
  entry: string,
  name: string,
  plugins: PluginOption[] = [],
): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    plugins,
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(ROOT, entry), formats: ['iife'], name, fileName: name },
    },
  })
  for (const o of Array.isArray(out) ? out : [out]) {
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code
  }
  throw new Error(`the bench bundle of ${entry} produced no code`)
}
