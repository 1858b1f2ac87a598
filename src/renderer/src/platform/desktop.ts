import type { BridgeEvents, DesktopBridge } from '@shared/ipc'
import { printPdf } from './print'
import { PlatformError, type Platform } from './types'

export function desktopPlatform(bridge: DesktopBridge, events: BridgeEvents | undefined): Platform {
  return {
    kind: 'desktop',
    canOpenPath: true,
    appInfo: () => bridge.appInfo(),
    async saveFile(opts) {
      const r = await bridge.saveFile(opts)
      if (r.status === 'error') throw new PlatformError(r.message)
      return r.status === 'saved' ? { status: 'saved', name: r.name, path: r.path } : r
    },
    async openFile(opts) {
      const r = await bridge.openFile(opts)
      if (r.status === 'error') throw new PlatformError(r.message)
      return r
    },
    async saveStream(purpose, suggestedName) {
      const r = await bridge.saveBegin({ purpose, suggestedName })
      if (r.status === 'error') throw new PlatformError(r.message)
      if (r.status === 'cancelled') return null
      const { handle, name } = r
      return {
        name,
        async write(data) {
          const w = await bridge.saveWrite({ handle, data })
          if (w.status === 'error') throw new PlatformError(w.message)
        },
        async finish() {
          const f = await bridge.saveFinish({ handle })
          if (f.status === 'error') throw new PlatformError(f.message)
          if (f.status !== 'saved') throw new PlatformError('The file was not saved.')
          return { name: f.name, path: f.path }
        },
        async abort() {
          await bridge.saveAbort({ handle })
        },
      }
    },
    async openStream(purpose) {
      const r = await bridge.readOpen({ purpose })
      if (r.status === 'error') throw new PlatformError(r.message)
      if (r.status === 'cancelled') return null
      const { handle, name, size } = r
      return {
        name,
        size,
        async read(offset, length) {
          const c = await bridge.readChunk({ handle, offset, length })
          if (c.status === 'error') throw new PlatformError(c.message)
          return c.data
        },
        async close() {
          await bridge.readClose({ handle })
        },
      }
    },
    async openPath(path) {
      const r = await bridge.openPath({ path })
      if (r.status === 'error') throw new PlatformError(r.message)
    },
    printPdf,
    onAbout: (fn) => events?.onAbout(fn) ?? (() => undefined),
  }
}
