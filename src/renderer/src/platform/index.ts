/**
 * The rest of the app talks to the machine only through `platform`: the Electron bridge when
 * the preload put one on window, the plain browser otherwise.
 */
import type { BridgeEvents, DesktopBridge } from '@shared/ipc'
import { browserPlatform } from './browser'
import { desktopPlatform } from './desktop'
import type { Platform } from './types'

export * from './types'

declare global {
  interface Window {
    bridge?: DesktopBridge
    bridgeEvents?: BridgeEvents
  }
}

export const platform: Platform = window.bridge
  ? desktopPlatform(window.bridge, window.bridgeEvents)
  : browserPlatform()
