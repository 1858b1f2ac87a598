import { fromBase64Url, fromUtf8 } from '../../../security/bytes'
import { BackupError } from '../format'
import { headerHash, MAX_HEADER_BYTES, parseHeader, type BackupHeader } from './header'
import { tampered, type OpenedKeys } from './keys'
import { cancelled } from './write'
import { decodeRows } from './rowCodec'
import { MAX_CHUNK_PLAIN, openChunk, TAG_BYTES, type StreamKeys } from './stream'

/** A file read in pieces: a platform ReadSource, or bytes in memory in tests. */
export interface ByteSource {
  readonly size: number
  read(offset: number, length: number): Promise<Uint8Array>
}

export function memorySource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (o, n) => bytes.subarray(o, Math.min(bytes.length, o + n)) }
}

export interface OpenedHeader {
  header: BackupHeader
  line: Uint8Array<ArrayBuffer>
}

/** The header of a version 2 file; null when the file is not one (a version 1 JSON file). */
export async function readHeader(src: ByteSource): Promise<OpenedHeader | null> {
  const head = await src.read(0, Math.min(src.size, MAX_HEADER_BYTES))
  const end = head.indexOf(0x0a)
  if (end < 0) {
    if (head.length && head[0] !== 0x7b) throw notBackup()
    return null
  }
  const header = parseHeader(fromUtf8(head.subarray(0, end)))
  return header ? { header, line: new Uint8Array(head.subarray(0, end + 1)) } : null
}

function notBackup(): BackupError {
  return new BackupError('wrong-format', 'This file is not a Cramp Clinic backup. Nothing was changed.')
}

const WINDOW = 8 * 1024 * 1024

/**
 * The chunks of a version 2 file in order, authenticated and decoded. A chunk is final exactly
 * when the file ends after it; a file cut short therefore fails its last chunk's tag, as does a
 * chunk moved, dropped or from another file. The final chunk must be the end marker, whose counts
 * must match the rows read.
 */
export async function* readChunks(
  src: ByteSource,
  opened: OpenedHeader,
  keys: OpenedKeys,
  opts: { signal?: AbortSignal; onBytes?: (read: number) => void } = {},
): AsyncGenerator<{ t: string; r: unknown[] }> {
  const stream: StreamKeys = {
    key: keys.contentKey,
    prefix: fromBase64Url(opened.header.cipher.noncePrefix),
    headerHash: await headerHash(opened.line),
  }
  let offset = opened.line.length
  let buf = new Uint8Array(0)
  let bufAt = offset
  const take = async (n: number): Promise<Uint8Array<ArrayBuffer> | null> => {
    if (offset + n > src.size) return null
    if (offset + n > bufAt + buf.length) {
      const keep = buf.subarray(offset - bufAt)
      const more = await src.read(bufAt + buf.length, Math.max(WINDOW, n - keep.length))
      const next = new Uint8Array(keep.length + more.length)
      next.set(keep)
      next.set(more, keep.length)
      buf = next
      bufAt = offset
      if (offset + n > bufAt + buf.length) return null
    }
    const out = buf.slice(offset - bufAt, offset - bufAt + n)
    offset += n
    return out
  }
  const counts: Record<string, number> = {}
  for (let index = 0; ; index++) {
    if (opts.signal?.aborted) throw cancelled()
    const lenBytes = await take(4)
    if (!lenBytes) throw truncated()
    const len = new DataView(lenBytes.buffer).getUint32(0)
    if (len < TAG_BYTES || len > MAX_CHUNK_PLAIN + TAG_BYTES) throw tampered()
    const sealed = await take(len)
    if (!sealed) throw truncated()
    const final = offset === src.size
    const plain = await openChunk(stream, index, final, sealed)
    if (!plain) throw final && index > 0 ? truncatedOrTampered() : tampered()
    opts.onBytes?.(offset)
    const chunk = decodeRows(fromUtf8(plain))
    if (chunk.t === '$end') {
      if (!final) throw tampered()
      const expected = (chunk as unknown as { counts: Record<string, number> }).counts
      for (const [t, n] of Object.entries(expected)) if ((counts[t] ?? 0) !== n) throw tampered()
      return
    }
    if (final) throw tampered()
    counts[chunk.t] = (counts[chunk.t] ?? 0) + chunk.r.length
    yield chunk
  }
}

function truncated(): BackupError {
  return new BackupError(
    'truncated',
    'This backup file is incomplete: it ends before its last part (it may have been copied only in part). Nothing was changed. Try another copy of the backup.',
  )
}

function truncatedOrTampered(): BackupError {
  return new BackupError(
    'tampered',
    'This backup file is incomplete or has been changed since it was made (its last part does not check out), so it cannot be trusted. Nothing was changed. Try another copy of the backup.',
  )
}
