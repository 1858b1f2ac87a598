/** Node side of content loading: reads resources/content from disk for the build, tests and CLI. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseContent, type ContentFile } from '../src/renderer/src/reference/load'
import type { Content } from '../src/renderer/src/reference/schema'

export const CONTENT_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../resources/content')

export function readContentFiles(dir = CONTENT_DIR): ContentFile[] {
  const out: ContentFile[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (/\.(ya?ml|tsv)$/.test(e.name))
        out.push({ path: relative(dir, p).split(sep).join('/'), text: readFileSync(p, 'utf8') })
    }
  }
  walk(dir)
  return out
}

export function loadContent(dir = CONTENT_DIR): Content {
  return parseContent(readContentFiles(dir))
}
