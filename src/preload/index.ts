/**
 * The page gets named methods only, built from the IPC contract: one per channel, each invoking
 * exactly its own channel with the request it is given; never ipcRenderer itself.
 * Bundled as one self-contained CommonJS file (a sandboxed preload cannot load modules).
 */
import { contextBridge, ipcRenderer } from 'electron'
import {
  CHANNELS,
  contract,
  EVENT_CHANNELS,
  events,
  type BridgeEvents,
  type Channel,
  type DesktopBridge,
  type EventChannel,
  type Request,
  type Response,
} from '../shared/ipc'

/** Typed invoke, as GitHub Desktop's ipc-renderer: the channel decides request and response. */
function invoke<C extends Channel>(channel: C, req: Request<C>): Promise<Response<C>> {
  return ipcRenderer.invoke(channel, req)
}

function subscribe(channel: EventChannel, fn: () => void): () => void {
  // A wrapper, so the page never sees the IpcRendererEvent (it holds `sender`).
  const listener = (): void => fn()
  ipcRenderer.on(channel, listener)
  return () => ipcRenderer.removeListener(channel, listener)
}

const bridge = Object.fromEntries(
  CHANNELS.map((channel) => [
    contract[channel].method,
    (req: Request<typeof channel>) => invoke(channel, req),
  ]),
) as DesktopBridge

const bridgeEvents = Object.fromEntries(
  EVENT_CHANNELS.map((channel) => [events[channel], (fn: () => void) => subscribe(channel, fn)]),
) as BridgeEvents

contextBridge.exposeInMainWorld('bridge', bridge)
contextBridge.exposeInMainWorld('bridgeEvents', bridgeEvents)
