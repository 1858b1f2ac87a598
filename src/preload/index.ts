/**
 * The page gets named methods only, one per IPC channel; never ipcRenderer itself.
 * Bundled as one self-contained CommonJS file (a sandboxed preload cannot load modules).
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { BridgeEvents, DesktopBridge } from '../shared/ipc'

const bridge: DesktopBridge = {
  appInfo: () => ipcRenderer.invoke('app:info'),
  saveFile: (req) => ipcRenderer.invoke('file:save', req),
  openFile: (req) => ipcRenderer.invoke('file:open', req),
  openPath: (path) => ipcRenderer.invoke('file:open-path', { path }),
}

const events: BridgeEvents = {
  onAbout: (fn) => {
    const listener = (): void => fn()
    ipcRenderer.on('menu:about', listener)
    return () => ipcRenderer.removeListener('menu:about', listener)
  },
}

contextBridge.exposeInMainWorld('bridge', bridge)
contextBridge.exposeInMainWorld('bridgeEvents', events)
