/**
 * What main does for each IPC channel. Imports no electron: the native parts (dialogs, the
 * system viewer) come in as ports, so the same handlers run in Electron and, in browser tests,
 * in Node behind the test harness.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, stat, unlink, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type {
  AppInfo,
  FileFilter,
  IpcContract,
  OpenFileResult,
  OpenPathResult,
  Request,
  SaveFileResult,
} from '../shared/ipc'

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
}

export type Handlers = {
  [C in keyof IpcContract]: (req: IpcContract[C]['request']) => Promise<IpcContract[C]['response']>
}

/** Turns a file-system error into a sentence a clinic receptionist can act on. */
export function describeFsError(e: unknown, action: 'save' | 'open'): string {
  const code = (e as NodeJS.ErrnoException)?.code
  const verb = action === 'save' ? 'saved' : 'opened'
  switch (code) {
    case 'ENOSPC':
      return `The file could not be ${verb}: the disk is full. Free some space or choose another drive.`
    case 'EACCES':
    case 'EPERM':
      return `The file could not be ${verb}: this folder does not allow it. Choose another folder.`
    case 'EROFS':
      return `The file could not be ${verb}: the drive is read-only.`
    case 'ENOENT':
      return `The file could not be ${verb}: the file or folder no longer exists.`
    case 'EISDIR':
      return `The file could not be ${verb}: that is a folder, not a file.`
    default:
      return `The file could not be ${verb} (${code ?? (e as Error)?.message ?? 'unknown error'}).`
  }
}

/**
 * Writes through a temporary file in the same folder and renames it into place, so a full disk
 * or a crash never leaves a half-written file where the old one was.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const fh = await open(tmp, 'wx')
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

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} bytes`
}

export function createHandlers(deps: HandlerDeps): Handlers {
  /** Only files the user saved through the dialog in this session may be opened in the viewer. */
  const savedPaths = new Set<string>()

  return {
    async 'app:info'() {
      return deps.appInfo()
    },

    async 'file:save'(req: Request<'file:save'>): Promise<SaveFileResult> {
      const path = await deps.dialog.chooseSavePath(req.suggestedName, req.filters)
      if (!path) return { status: 'cancelled' }
      try {
        await writeFileAtomic(path, req.data)
      } catch (e) {
        return { status: 'error', message: describeFsError(e, 'save') }
      }
      savedPaths.add(path)
      return { status: 'saved', path, name: basename(path) }
    },

    async 'file:open'(req: Request<'file:open'>): Promise<OpenFileResult> {
      const path = await deps.dialog.chooseOpenPath(req.filters)
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

    async 'file:open-path'(req: Request<'file:open-path'>): Promise<OpenPathResult> {
      if (!savedPaths.has(req.path)) {
        return { status: 'error', message: 'Only files saved from the app in this session can be opened.' }
      }
      const error = await deps.shell.openPath(req.path)
      return error
        ? { status: 'error', message: `The file could not be opened: ${error}` }
        : { status: 'opened' }
    },
  }
}
