/** The plain-browser fallback: downloads, a file input, and the browser's print. */
import { formatBytes } from '@shared/bytes'
import { APP_NAME } from '@shared/csp'
import { OPEN_PURPOSES, SAVE_PURPOSES, withAllowedExtension, type FileKind } from '@shared/files'
import { printPdf } from './print'
import { PlatformError, type OpenOutcome, type Platform } from './types'

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
}

function mimeFor(name: string): string {
  return MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream'
}

function pickFile(kind: FileKind): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = kind.extensions.map((e) => `.${e}`).join(',')
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    })
    document.body.append(input)
    input.click()
  })
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    canOpenPath: false,
    async appInfo() {
      return {
        name: APP_NAME,
        version: __APP_VERSION__,
        dataPath: `This browser's storage for ${location.origin}`,
        platform: navigator.platform || 'browser',
        runtime: 'browser',
      }
    },
    async saveFile({ purpose, suggestedName: asked, data }) {
      // The same rule as main's: the purpose, not the caller, decides the file type.
      const suggestedName = withAllowedExtension(asked, SAVE_PURPOSES[purpose])
      download(new Blob([data as Uint8Array<ArrayBuffer>], { type: mimeFor(suggestedName) }), suggestedName)
      return { status: 'saved', name: suggestedName, path: null }
    },
    async openFile({ purpose, maxBytes }): Promise<OpenOutcome> {
      const file = await pickFile(OPEN_PURPOSES[purpose])
      if (!file) return { status: 'cancelled' }
      if (file.size > maxBytes) {
        throw new PlatformError(
          `The file is too large (${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}).`,
        )
      }
      return { status: 'opened', name: file.name, data: new Uint8Array(await file.arrayBuffer()) }
    },
    async saveStream(purpose, asked) {
      // A plain browser cannot write a file in place: the pieces gather in a Blob (kept by the
      // browser, largely outside the JS heap) and download at the end.
      const name = withAllowedExtension(asked, SAVE_PURPOSES[purpose])
      let parts: BlobPart[] = []
      return {
        name,
        async write(data) {
          parts.push(new Blob([data as Uint8Array<ArrayBuffer>]))
        },
        async finish() {
          download(new Blob(parts, { type: mimeFor(name) }), name)
          parts = []
          return { name, path: null }
        },
        async abort() {
          parts = []
        },
      }
    },
    async openStream(purpose) {
      const file = await pickFile(OPEN_PURPOSES[purpose])
      if (!file) return null
      return {
        name: file.name,
        size: file.size,
        async read(offset, length) {
          return new Uint8Array(await file.slice(offset, offset + length).arrayBuffer())
        },
        async close() {},
      }
    },
    async openPath() {
      throw new PlatformError('In the browser, open the file from your downloads folder.')
    },
    printPdf,
    onAbout: () => () => undefined,
  }
}
