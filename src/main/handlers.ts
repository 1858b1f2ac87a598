/**
 * What main does for each IPC channel. Imports no electron: the native parts (dialogs, the
 * system viewer) come in as ports, so the same handlers run in Electron and, in browser tests,
 * in Node behind the test harness.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, stat, unlink, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { formatBytes } from '../shared/bytes'
import { filterFor, OPEN_PURPOSES, SAVE_PURPOSES, withAllowedExtension } from '../shared/files'
import { createFileStreams } from './fileStreams'
import { describeFsError } from './fsErrors'
import type {
  AppInfo,
  Channel,
  OpenFileResult,
  OpenPathResult,
  Request,
  Response,
  SaveFileResult,
} from '../shared/ipc'

/** A native dialog's file-type filter (Electron's shape). */
export interface FileFilter {
  name: string
  extensions: string[]
}

export interface DialogPort {
  /** Native save dialog: the chosen path, or null when cancelled. */
  chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>
  /** Native open dialog: the chosen path, or null when cancelled. */
  chooseOpenPath(filters: FileFilter[]): Promise<string | null>
}

export interface ShellPort {
  /** Opens a file in the system's viewer; resolves to an error message, or '' on success. */
  openPath(path: string): Promise<string>
}

export interface HandlerDeps {
  dialog: DialogPort
  shell: ShellPort
  appInfo: () => AppInfo
  /** Called when the page is gone (reload, navigation, window closed): its open streams end. */
  onPageGone?: (fn: () => void) => void
}

export { describeFsError }

export type Handlers = {
  [C in Channel]: (req: Request<C>) => Promise<Response<C>>
}

/**
 * Writes through a temporary file in the same folder and renames it into place, so a full disk
 * or a crash never leaves a half-written file where the old one was.
 */
export async function writeFileAtomic(path: string, data: Uint8Array, mode = 0o666): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const fh = await open(tmp, 'wx', mode)
  try {
    await fh.writeFile(data)
    await fh.sync()
  } catch (e) {
    await fh.close().catch(() => undefined)
    await unlink(tmp).catch(() => undefined)
    throw e
  }
  await fh.close()
  try {
    await rename(tmp, path)
  } catch (e) {
    await unlink(tmp).catch(() => undefined)
    throw e
  }
}

export function createHandlers(deps: HandlerDeps): Handlers {
  /**
   * Only files the user saved through the dialog in this session, of a purpose the system viewer
   * is for (PDFs), may be opened in it.
   */
  const viewablePaths = new Set<string>()
  const streams = createFileStreams(deps.dialog, (path) => viewablePaths.add(path))
  // A half-written backup of a page that reloaded or closed is deleted, never left as a temp file.
  deps.onPageGone?.(() => void streams.closeAll())

  return {
    async 'app:info'() {
      return deps.appInfo()
    },

    async 'file:save'(req: Request<'file:save'>): Promise<SaveFileResult> {
      const kind = SAVE_PURPOSES[req.purpose]
      const chosen = await deps.dialog.chooseSavePath(withAllowedExtension(req.suggestedName, kind), [
        filterFor(kind),
      ])
      if (!chosen) return { status: 'cancelled' }
      // Dialogs on Linux let the user type any name: the purpose, not the name, decides the type.
      const path = withAllowedExtension(chosen, kind)
      try {
        await writeFileAtomic(path, req.data, kind.mode)
      } catch (e) {
        return { status: 'error', message: describeFsError(e, 'save') }
      }
      if (kind.viewable) viewablePaths.add(path)
      return { status: 'saved', path, name: basename(path) }
    },

    async 'file:open'(req: Request<'file:open'>): Promise<OpenFileResult> {
      const path = await deps.dialog.chooseOpenPath([filterFor(OPEN_PURPOSES[req.purpose])])
      if (!path) return { status: 'cancelled' }
      try {
        const info = await stat(path)
        if (!info.isFile()) return { status: 'error', message: 'That is not a file. Choose a file.' }
        if (info.size > req.maxBytes) {
          return {
            status: 'error',
            message: `The file is too large (${formatBytes(info.size)}; the limit is ${formatBytes(req.maxBytes)}).`,
          }
        }
        const data = new Uint8Array(await readFile(path))
        return { status: 'opened', name: basename(path), data }
      } catch (e) {
        return { status: 'error', message: describeFsError(e, 'open') }
      }
    },

    'file:save-begin': (req) => streams.begin(req),
    'file:save-write': (req) => streams.write(req),
    'file:save-finish': (req) => streams.finish(req),
    'file:save-abort': (req) => streams.abort(req),
    'file:read-open': (req) => streams.openRead(req),
    'file:read-chunk': (req) => streams.readChunk(req),
    'file:read-close': (req) => streams.closeRead(req),

    async 'file:open-path'(req: Request<'file:open-path'>): Promise<OpenPathResult> {
      if (!viewablePaths.has(req.path)) {
        return {
          status: 'error',
          message: 'Only handouts saved from the app in this session can be opened from here.',
        }
      }
      const error = await deps.shell.openPath(req.path)
      return error
        ? { status: 'error', message: `The file could not be opened: ${error}` }
        : { status: 'opened' }
    },
  }
}
