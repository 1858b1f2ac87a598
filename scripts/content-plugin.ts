/**
 * Vite plugin: `import content from 'virtual:reference-content'` gives the validated content as
 * plain JSON. Validation runs at build time, so a bad content file fails the build with the file
 * name and the field, and the app ships no YAML parser.
 */
import type { Plugin } from 'vite'
import { CONTENT_DIR, readContentFiles } from './content-fs'
import { parseContent } from '../src/renderer/src/reference/load'

const ID = 'virtual:reference-content'
const RESOLVED = '\0' + ID

export function contentPlugin(dir = CONTENT_DIR): Plugin {
  return {
    name: 'reference-content',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined
    },
    load(id) {
      if (id !== RESOLVED) return undefined
      const files = readContentFiles(dir)
      for (const f of files) this.addWatchFile(`${dir}/${f.path}`)
      const content = parseContent(files)
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(content))})`
    },
  }
}
