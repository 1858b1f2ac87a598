import type Dexie from 'dexie'
import { utf8 } from '../../../security/bytes'
import { BackupError } from '../format'
import {
  headerHash,
  headerLine,
  newBackupId,
  newNoncePrefix,
  STREAM_FORMAT,
  STREAM_VERSION,
  type BackupHeader,
} from './header'
import { newContentKey, wrapKeys, type WrapChoice } from './keys'
import { encodeRows } from './rowCodec'
import { MAX_CHUNK_PLAIN, sealChunk, type StreamKeys } from './stream'
import { backupTables, isLocalRow } from './tables'
import { readStart, snapshotPages } from './snapshot'
import { fromBase64Url } from '../../../security/bytes'

/** Where the file goes: a platform SaveSink, or memory in tests. */
export interface ByteSink {
  write(data: Uint8Array): Promise<void>
}

export interface WriteProgress {
  rows: number
  /** Rows counted at the start (an estimate: records saved meanwhile are included too). */
  totalRows: number
  bytes: number
  /** The table of the page just written. */
  table: string
}

export interface WriteOptions extends WrapChoice {
  /** A plain connection to the notes database (rows exactly as stored). */
  db: Dexie
  dataKey: CryptoKey
  appVersion: string
  now?: Date
  /** Called after each page is written, and awaited: nothing is read while it runs. */
  onProgress?: (p: WriteProgress) => void | Promise<void>
  signal?: AbortSignal
  /** Rows per page (tests use small pages to act between them). */
  pageRows?: number
}

export interface WriteResult {
  header: BackupHeader
  bytes: number
}

export function cancelled(): BackupError {
  return new BackupError('cancelled', 'The backup was cancelled. Nothing was saved.')
}

/**
 * Writes a version 2 backup: the clear header line, then the rows of every table, a page at a
 * time, each page one encrypted chunk (split when larger than a chunk may be), then a final chunk
 * holding the counts. Memory stays at about one page whatever the size of the clinic.
 */
export async function writeBackupV2(sink: ByteSink, o: WriteOptions): Promise<WriteResult> {
  const tables = backupTables(o.db)
  const start = await readStart(o.db)
  const counts: Record<string, number> = {}
  for (const t of tables) {
    counts[t.name] =
      t.name === 'audit'
        ? (start.head?.seq ?? 0)
        : t.name === 'auditPending'
          ? start.pending.length
          : t.name === 'settings'
            ? await t.filter((r) => !isLocalRow('settings', r)).count()
            : await t.count()
  }
  const clinicName =
    ((await o.db.table('clinicKeys').get('clinic')) as { clinicName?: string } | undefined)?.clinicName ?? ''
  const backupId = newBackupId()
  const contentKey = await newContentKey()
  const header: BackupHeader = {
    format: STREAM_FORMAT,
    version: STREAM_VERSION,
    backupId,
    createdAt: (o.now ?? new Date()).toISOString(),
    appVersion: o.appVersion,
    clinicName,
    schemaVersion: o.db.verno,
    counts,
    cipher: {
      algorithm: 'AES-256-GCM',
      construction: 'STREAM',
      noncePrefix: newNoncePrefix(),
      maxChunkBytes: MAX_CHUNK_PLAIN,
    },
    keys: await wrapKeys(backupId, contentKey, o.dataKey, o),
  }
  const line = headerLine(header)
  const stream: StreamKeys = {
    key: contentKey,
    prefix: fromBase64Url(header.cipher.noncePrefix),
    headerHash: await headerHash(line),
  }
  const totalRows = Object.values(counts).reduce((a, b) => a + b, 0)
  let index = 0
  let bytes = 0
  let rows = 0
  const put = async (data: Uint8Array): Promise<void> => {
    if (o.signal?.aborted) throw cancelled()
    await sink.write(data)
    bytes += data.length
  }
  const chunk = async (text: string, final: boolean): Promise<void> => {
    const sealed = await sealChunk(stream, index++, final, utf8(text))
    const frame = new Uint8Array(4 + sealed.length)
    new DataView(frame.buffer).setUint32(0, sealed.length)
    frame.set(sealed, 4)
    await put(frame)
  }
  const emit = async (table: string, page: unknown[]): Promise<void> => {
    const text = encodeRows(table, page)
    if (text.length * 3 <= MAX_CHUNK_PLAIN || utf8(text).length <= MAX_CHUNK_PLAIN) return chunk(text, false)
    if (page.length === 1) {
      throw new BackupError(
        'write-failed',
        `One ${table} record is larger than a backup chunk may be (4 MB), so no backup was made.`,
      )
    }
    const half = Math.ceil(page.length / 2)
    await emit(table, page.slice(0, half))
    await emit(table, page.slice(half))
  }

  // Consistent page by page where the restore checks rows against each other (snapshot.ts).
  // Records saved meanwhile (a draft's autosave) may change a count: the header's counts are
  // those at the start, the final chunk's (authenticated) what was written.
  const written: Record<string, number> = Object.fromEntries(tables.map((t) => [t.name, 0]))
  await put(line)
  for await (const page of snapshotPages(o.db, start, o.pageRows)) {
    if (page.rows.length) await emit(page.table, page.rows)
    written[page.table] = (written[page.table] ?? 0) + page.rows.length
    rows += page.rows.length
    await o.onProgress?.({ rows, totalRows, bytes, table: page.table })
  }
  await chunk(JSON.stringify({ t: '$end', counts: written }), true)
  await o.onProgress?.({ rows, totalRows, bytes, table: '$end' })
  return { header, bytes }
}
