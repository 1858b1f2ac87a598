/**
 * Files written and read in pieces (backups of any size). A save writes to a temporary file in
 * the chosen folder; only `finish` syncs it to disk and renames it into place, so a full disk, a
 * cancel or a crash never leaves a half-written backup under the real name. Handles are random
 * and known only to the window that opened them (main trusts one window: see index.ts).
 */
import { randomBytes } from 'node:crypto'
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { filterFor, OPEN_PURPOSES, SAVE_PURPOSES, withAllowedExtension } from '../shared/files'
import type {
  ReadChunkResult,
  ReadOpenResult,
  Request,
  SaveBeginResult,
  SaveFileResult,
  StreamOkResult,
} from '../shared/ipc'
import type { DialogPort } from './handlers'
import { describeFsError } from './fsErrors'

interface SaveStream {
  fh: FileHandle
  tmp: string
  path: string
  viewable: boolean
  /** A write failed: the stream is closed and its temporary file removed. */
  failed: boolean
}

interface ReadStream {
  fh: FileHandle
  size: number
}

/** At most this many streams open at once: a page cannot exhaust main's file descriptors. */
const MAX_OPEN_STREAMS = 8

const GONE: { status: 'error'; message: string } = {
  status: 'error',
  message: 'The file is no longer open (it was finished, cancelled or closed). Start again.',
}

export function createFileStreams(dialog: DialogPort, onViewableSaved: (path: string) => void) {
  const saves = new Map<string, SaveStream>()
  const reads = new Map<string, ReadStream>()
  const newHandle = (): string => randomBytes(16).toString('hex')
  const full = (): boolean => saves.size + reads.size >= MAX_OPEN_STREAMS

  async function discard(handle: string): Promise<void> {
    const s = saves.get(handle)
    if (!s) return
    saves.delete(handle)
    await s.fh.close().catch(() => undefined)
    await unlink(s.tmp).catch(() => undefined)
  }

  return {
    async begin(req: Request<'file:save-begin'>): Promise<SaveBeginResult> {
      if (full()) return { status: 'error', message: 'Too many files are open. Finish or cancel one first.' }
      const kind = SAVE_PURPOSES[req.purpose]
      const chosen = await dialog.chooseSavePath(withAllowedExtension(req.suggestedName, kind), [
        filterFor(kind),
      ])
      if (!chosen) return { status: 'cancelled' }
      const path = withAllowedExtension(chosen, kind)
      const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
      try {
        const fh = await open(tmp, 'wx', kind.mode)
        const handle = newHandle()
        saves.set(handle, { fh, tmp, path, viewable: kind.viewable, failed: false })
        return { status: 'ready', handle, name: basename(path) }
      } catch (e) {
        return { status: 'error', message: describeFsError(e, 'save') }
      }
    },

    async write(req: Request<'file:save-write'>): Promise<StreamOkResult> {
      const s = saves.get(req.handle)
      if (!s) return GONE
      try {
        await s.fh.write(req.data)
        return { status: 'ok' }
      } catch (e) {
        await discard(req.handle)
        return { status: 'error', message: describeFsError(e, 'save') }
      }
    },

    async finish(req: Request<'file:save-finish'>): Promise<SaveFileResult> {
      const s = saves.get(req.handle)
      if (!s) return GONE
      try {
        await s.fh.sync()
        await s.fh.close()
        saves.delete(req.handle)
        await rename(s.tmp, s.path)
      } catch (e) {
        saves.delete(req.handle)
        await s.fh.close().catch(() => undefined)
        await unlink(s.tmp).catch(() => undefined)
        return { status: 'error', message: describeFsError(e, 'save') }
      }
      if (s.viewable) onViewableSaved(s.path)
      return { status: 'saved', path: s.path, name: basename(s.path) }
    },

    async abort(req: Request<'file:save-abort'>): Promise<StreamOkResult> {
      await discard(req.handle)
      return { status: 'ok' }
    },

    async openRead(req: Request<'file:read-open'>): Promise<ReadOpenResult> {
      if (full()) return { status: 'error', message: 'Too many files are open. Finish or cancel one first.' }
      const path = await dialog.chooseOpenPath([filterFor(OPEN_PURPOSES[req.purpose])])
      if (!path) return { status: 'cancelled' }
      try {
        const info = await stat(path)
        if (!info.isFile()) return { status: 'error', message: 'That is not a file. Choose a file.' }
        const fh = await open(path, 'r')
        const handle = newHandle()
        reads.set(handle, { fh, size: info.size })
        return { status: 'opened', handle, name: basename(path), size: info.size }
      } catch (e) {
        return { status: 'error', message: describeFsError(e, 'open') }
      }
    },

    async readChunk(req: Request<'file:read-chunk'>): Promise<ReadChunkResult> {
      const r = reads.get(req.handle)
      if (!r) return GONE
      const length = Math.max(0, Math.min(req.length, r.size - req.offset))
      const data = new Uint8Array(length)
      try {
        let got = 0
        while (got < length) {
          const { bytesRead } = await r.fh.read(data, got, length - got, req.offset + got)
          if (bytesRead === 0) break
          got += bytesRead
        }
        return { status: 'ok', data: got === length ? data : data.subarray(0, got) }
      } catch (e) {
        return { status: 'error', message: describeFsError(e, 'open') }
      }
    },

    async closeRead(req: Request<'file:read-close'>): Promise<StreamOkResult> {
      const r = reads.get(req.handle)
      reads.delete(req.handle)
      await r?.fh.close().catch(() => undefined)
      return { status: 'ok' }
    },

    /** The window went away (reload, close): unfinished saves are deleted, reads closed. */
    async closeAll(): Promise<void> {
      await Promise.all([...saves.keys()].map(discard))
      await Promise.all([...reads.keys()].map((h) => this.closeRead({ handle: h })))
    },
  }
}
