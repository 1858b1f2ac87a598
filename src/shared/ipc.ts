/**
 * The one IPC contract between the renderer and main. Each channel is ONE entry in `contract`:
 * the bridge method the page calls, main's request schema and (as a type) the response. The
 * preload builds `window.bridge` by iterating it, main registers exactly its channels and
 * validates every request against its schema, and the `Handlers` type makes main implement each.
 * Events main sends to the page are one entry each in `events`.
 *
 * Schemas are written as functions of zod, and zod is imported here as a type only: the
 * sandboxed preload bundles this file and can `require` nothing but electron, so it must not
 * pull zod in. Main builds the schemas once (src/main/dispatch.ts).
 */
import type { z } from 'zod'
import { OPEN_PURPOSE_NAMES, SAVE_PURPOSE_NAMES } from './files'

export type Zod = typeof z

export type { OpenPurpose, SavePurpose } from './files'

/** Largest file the renderer may ask main to read (backups, logos). */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024
/** Largest file the renderer may ask main to write. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024

/**
 * Largest piece of a streamed file per call (backups are written and read in pieces, so no file
 * is ever whole in memory on either side).
 */
export const MAX_STREAM_CHUNK = 8 * 1024 * 1024

/** A stream handle main gave out: 32 hex characters, unguessable. */
const handle = (z: Zod) => z.string().regex(/^[0-9a-f]{32}$/, 'must be a stream handle')

/** A plain file name: no folders, no control characters. */
const fileName = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(200)
    .refine((s) => !/[\\/\u0000-\u001f]/.test(s) && s !== '.' && s !== '..', 'must be a plain file name')

const bytes = (z: Zod, max: number) =>
  z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be bytes')
    .refine((b) => b.byteLength <= max, 'file too large')

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

/** Every streaming call answers either its result or a sentence for the user. */
export type StreamError = { status: 'error'; message: string }
export type SaveBeginResult =
  { status: 'ready'; handle: string; name: string } | { status: 'cancelled' } | StreamError
export type StreamOkResult = { status: 'ok' } | StreamError
export type ReadOpenResult =
  { status: 'opened'; handle: string; name: string; size: number } | { status: 'cancelled' } | StreamError
export type ReadChunkResult = { status: 'ok'; data: Uint8Array } | StreamError

export type OpenPathResult = { status: 'opened' } | { status: 'error'; message: string }

/** One channel: the bridge method name, the request schema, and the response type (type only). */
export interface ChannelSpec<M extends string, S extends z.ZodType, R> {
  method: M
  request: (zod: Zod) => S
  /** Never set: carries the response type for `Response<C>`. */
  response?: R
}

const invoke =
  <R>() =>
  <M extends string, S extends z.ZodType>(method: M, request: (zod: Zod) => S): ChannelSpec<M, S, R> => ({
    method,
    request,
  })

export const contract = {
  'app:info': invoke<AppInfo>()('appInfo', (z) => z.undefined()),
  'file:save': invoke<SaveFileResult>()('saveFile', (z) =>
    z
      .object({
        purpose: z.enum(SAVE_PURPOSE_NAMES),
        suggestedName: fileName(z),
        data: bytes(z, MAX_SAVE_BYTES),
      })
      .strict(),
  ),
  'file:open': invoke<OpenFileResult>()('openFile', (z) =>
    z
      .object({
        purpose: z.enum(OPEN_PURPOSE_NAMES),
        maxBytes: z.number().int().positive().max(MAX_OPEN_BYTES),
      })
      .strict(),
  ),
  // Streaming: a save goes to a temporary file in the chosen folder and is renamed into place
  // only by finish (abort deletes it); a read returns pieces at given offsets.
  'file:save-begin': invoke<SaveBeginResult>()('saveBegin', (z) =>
    z.object({ purpose: z.enum(SAVE_PURPOSE_NAMES), suggestedName: fileName(z) }).strict(),
  ),
  'file:save-write': invoke<StreamOkResult>()('saveWrite', (z) =>
    z.object({ handle: handle(z), data: bytes(z, MAX_STREAM_CHUNK) }).strict(),
  ),
  'file:save-finish': invoke<SaveFileResult>()('saveFinish', (z) => z.object({ handle: handle(z) }).strict()),
  'file:save-abort': invoke<StreamOkResult>()('saveAbort', (z) => z.object({ handle: handle(z) }).strict()),
  'file:read-open': invoke<ReadOpenResult>()('readOpen', (z) =>
    z.object({ purpose: z.enum(OPEN_PURPOSE_NAMES) }).strict(),
  ),
  'file:read-chunk': invoke<ReadChunkResult>()('readChunk', (z) =>
    z
      .object({
        handle: handle(z),
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        length: z.number().int().positive().max(MAX_STREAM_CHUNK),
      })
      .strict(),
  ),
  'file:read-close': invoke<StreamOkResult>()('readClose', (z) => z.object({ handle: handle(z) }).strict()),
  'file:open-path': invoke<OpenPathResult>()('openPath', (z) =>
    z.object({ path: z.string().min(1).max(4096) }).strict(),
  ),
} as const

/** Events main sends to the page: channel -> the `window.bridgeEvents` method that subscribes. */
export const events = {
  'menu:about': 'onAbout',
} as const

type Contract = typeof contract
export type Channel = keyof Contract
export type Request<C extends Channel> = z.infer<ReturnType<Contract[C]['request']>>
export type Response<C extends Channel> = NonNullable<Contract[C]['response']>
export type Method<C extends Channel> = Contract[C]['method']
export type EventChannel = keyof typeof events

export const CHANNELS = Object.keys(contract) as Channel[]
export const EVENT_CHANNELS = Object.keys(events) as EventChannel[]

export type SaveFileRequest = Request<'file:save'>
export type OpenFileRequest = Request<'file:open'>

/** What the preload puts on `window.bridge`: one method per channel, taking its request. */
export type DesktopBridge = {
  [C in Channel as Method<C>]: Request<C> extends undefined
    ? () => Promise<Response<C>>
    : (req: Request<C>) => Promise<Response<C>>
}

/** What the preload puts on `window.bridgeEvents`: each returns a function that unsubscribes. */
export type BridgeEvents = {
  [E in EventChannel as (typeof events)[E]]: (fn: () => void) => () => void
}
