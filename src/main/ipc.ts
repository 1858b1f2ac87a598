/** The only place that touches ipcMain: every channel goes through the dispatcher's checks. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type EventChannel } from '../shared/ipc'
import type { Dispatch } from './dispatch'

/** Registers exactly the contract's channels; `isTrusted` decides who may call them. */
export function registerIpc(dispatch: Dispatch, isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      dispatch(channel, payload, isTrusted(event)),
    )
  }
}

/** Sends one of the contract's events to the page (the preload subscribes by the same name). */
export function emit(contents: { send(channel: string): void } | undefined, channel: EventChannel): void {
  contents?.send(channel)
}
