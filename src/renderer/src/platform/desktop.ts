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
    async openPath(path) {
      const r = await bridge.openPath({ path })
      if (r.status === 'error') throw new PlatformError(r.message)
    },
    printPdf,
    onAbout: (fn) => events?.onAbout(fn) ?? (() => undefined),
  }
}
