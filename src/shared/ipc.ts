/**
 * The one IPC contract between the renderer and main. Channel name -> request and response.
 * Main validates every request against `requestSchemas` before acting; the preload exposes one
 * named method per channel and nothing else. Pure: imports only zod.
 */
import { z } from 'zod'

/** Largest file the renderer may ask main to read (backups, logos). */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024
/** Largest file the renderer may ask main to write. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024

const FileFilterSchema = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z
      .array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/))
      .min(1)
      .max(20),
  })
  .strict()
export type FileFilter = z.infer<typeof FileFilterSchema>

/** A plain file name: no folders, no control characters. */
const FileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\\/\u0000-\u001f]/.test(s) && s !== '.' && s !== '..', 'must be a plain file name')

const BytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be bytes')

export const requestSchemas = {
  'app:info': z.undefined(),
  'file:save': z
    .object({
      suggestedName: FileNameSchema,
      filters: z.array(FileFilterSchema).max(10),
      data: BytesSchema.refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file too large'),
    })
    .strict(),
  'file:open': z
    .object({
      filters: z.array(FileFilterSchema).max(10),
      maxBytes: z.number().int().positive().max(MAX_OPEN_BYTES),
    })
    .strict(),
  'file:open-path': z.object({ path: z.string().min(1).max(4096) }).strict(),
} as const

export interface AppInfo {
  name: string
  version: string
  /** Where the user's data (IndexedDB, window state) is kept. */
  dataPath: string
  platform: string
  runtime: 'electron' | 'browser'
  electronVersion?: string
}

export type SaveFileResult =
  | { status: 'saved'; path: string; name: string }
  | { status: 'cancelled' }
  | { status: 'error'; message: string }

export type OpenFileResult =
  | { status: 'opened'; name: string; data: Uint8Array }
  | { status: 'cancelled' }
  | { status: 'error'; message: string }

export type OpenPathResult = { status: 'opened' } | { status: 'error'; message: string }

export interface IpcContract {
  'app:info': { request: z.infer<(typeof requestSchemas)['app:info']>; response: AppInfo }
  'file:save': { request: z.infer<(typeof requestSchemas)['file:save']>; response: SaveFileResult }
  'file:open': { request: z.infer<(typeof requestSchemas)['file:open']>; response: OpenFileResult }
  'file:open-path': {
    request: z.infer<(typeof requestSchemas)['file:open-path']>
    response: OpenPathResult
  }
}

export type Channel = keyof IpcContract
export type Request<C extends Channel> = IpcContract[C]['request']
export type Response<C extends Channel> = IpcContract[C]['response']

export const CHANNELS = Object.keys(requestSchemas) as Channel[]

export type SaveFileRequest = Request<'file:save'>
export type OpenFileRequest = Request<'file:open'>

/** What the preload puts on `window.bridge`: one named method per channel. */
export interface DesktopBridge {
  appInfo(): Promise<AppInfo>
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>
  openFile(req: OpenFileRequest): Promise<OpenFileResult>
  openPath(path: string): Promise<OpenPathResult>
}

/** Maps bridge methods to channels, so the preload and the test harness agree. */
export const BRIDGE_METHODS = {
  appInfo: 'app:info',
  saveFile: 'file:save',
  openFile: 'file:open',
  openPath: 'file:open-path',
} as const satisfies Record<keyof DesktopBridge, Channel>

/** Events main sends to the page (menu items); exposed by the preload as `window.bridgeEvents`. */
export interface BridgeEvents {
  /** Returns a function that removes the listener. */
  onAbout(fn: () => void): () => void
}
