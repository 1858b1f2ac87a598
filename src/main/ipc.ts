/** The only place that touches ipcMain: every channel goes through the dispatcher's checks. */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../shared/ipc'
import type { Dispatch } from './dispatch'

export function registerIpc(dispatch: Dispatch, isOwnWindow: (w: BrowserWindow | null) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      dispatch(
        channel,
        payload,
        isOwnWindow(BrowserWindow.fromWebContents(event.sender)) && event.senderFrame?.parent == null,
      ),
    )
  }
}
