import { canonicalJson, sha256Hex } from '../canonical'
import { BACKUP_TABLES, type BackupTable, type NotesDB } from '../db'
import type { Setting } from '../model'
import { fromPatientRow, fromVisitRow } from '../rows'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  CHUNK,
  LOCAL_SETTING_KEYS,
  encodeTables,
  inPages,
  joinChunks,
  type BackupCounts,
} from './format'
import { RecordCheck } from './validate'

export interface ExportedBackup {
  bytes: Uint8Array<ArrayBuffer>
  createdAt: string
  counts: BackupCounts
  checksum: string
}

interface ExportOptions {
  appVersion: string
  now?: Date
  /** Check every record with the restore's own validation before handing the file over (default true). */
  verify?: boolean
}

/**
 * Writes the whole database as one backup document, every record going through the check a
 * restore makes (validate.ts) as it is written: a database that would give a file no restore
 * accepts (a visit whose patient is gone, say) is reported, and no file is handed over. Tables
 * are read in key-ordered pages inside one read transaction (a consistent snapshot).
 */
export async function exportBackup(db: NotesDB, options: ExportOptions): Promise<ExportedBackup> {
  let encoded: Awaited<ReturnType<typeof encodeTables>> | undefined
  const check = options.verify === false ? null : new RecordCheck()
  await db.transaction(
    'r',
    BACKUP_TABLES.map((t) => db.table(t)),
    async () => {
      encoded = await encodeTables(BACKUP_TABLES, (table) => pages(db, table as BackupTable, check))
    },
  )
  if (check) verify(check)
  return assemble(encoded!, options)
}

/**
 * A backup document from records held in memory (the seed script, tests): the same bytes as an
 * export of a database holding exactly these records in key order.
 */
export async function backupFromRecords(
  data: Partial<Record<BackupTable, unknown[]>>,
  options: ExportOptions,
): Promise<ExportedBackup> {
  const key = (table: string, r: unknown): string =>
    String((r as Record<string, unknown>)[table === 'settings' ? 'key' : 'id'])
  const encoded = await encodeTables(BACKUP_TABLES, (table) => {
    const rows = [...(data[table as BackupTable] ?? [])].sort((a, b) =>
      key(table, a) < key(table, b) ? -1 : 1,
    )
    return inPages(rows)
  })
  return assemble(encoded, { ...options })
}

function verify(check: RecordCheck): void {
  try {
    check.finish()
  } catch (e) {
    const why =
      e instanceof BackupError
        ? e.message.replace(
            /^This backup contains records that are not valid, so nothing was restored\. /,
            '',
          )
        : String(e)
    throw new BackupError(
      'invalid-database',
      `The notes on this computer hold records that a restore would refuse, so no backup file was written. ${why} Choose “Repair the records” to make them whole (nothing is deleted), then back up again.`,
      { cause: e },
    )
  }
}

/** Head, data and checksum in one buffer, copied once (peak memory about twice the file). */
async function assemble(
  encoded: { chunks: Uint8Array[]; counts: Record<string, number> },
  options: ExportOptions,
): Promise<ExportedBackup> {
  const encoder = new TextEncoder()
  const counts = encoded.counts as BackupCounts
  const createdAt = (options.now ?? new Date()).toISOString()
  const head = (checksum: string): string =>
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},` +
    `"createdAt":${JSON.stringify(createdAt)},"appVersion":${JSON.stringify(options.appVersion)},` +
    `"counts":${canonicalJson(counts)},"checksum":{"algorithm":"SHA-256","value":"${checksum}"},"data":`
  const headBytes = encoder.encode(head('0'.repeat(64)))
  const { bytes, length } = joinChunks([headBytes, ...encoded.chunks], 2)
  encoded.chunks.length = 0
  const checksum = await sha256Hex(bytes.subarray(headBytes.length, length))
  bytes.set(encoder.encode(head(checksum)), 0)
  bytes.set(encoder.encode('}\n'), length)
  return { bytes, createdAt, counts, checksum }
}

async function* pages(db: NotesDB, table: BackupTable, check: RecordCheck | null): AsyncGenerator<unknown[]> {
  const t = db.table(table)
  let last: unknown = undefined
  for (;;) {
    const page: unknown[] =
      last === undefined
        ? await t.orderBy(':id').limit(CHUNK).toArray()
        : await t.where(':id').above(last).limit(CHUNK).toArray()
    if (!page.length) return
    const records = page.map((row) => exportRecord(table, row)).filter((r) => r !== undefined)
    if (check) for (const r of records) check.add(table, r)
    yield records
    if (page.length < CHUNK) return
    const r = page[page.length - 1] as Record<string, unknown>
    last = table === 'settings' ? r['key'] : r['id']
  }
}

function exportRecord(table: BackupTable, row: unknown): unknown {
  switch (table) {
    case 'patients':
      return fromPatientRow(row as Parameters<typeof fromPatientRow>[0])
    case 'visits':
      return fromVisitRow(row as Parameters<typeof fromVisitRow>[0])
    case 'settings':
      return LOCAL_SETTING_KEYS.has((row as Setting).key) ? undefined : row
    default:
      return row
  }
}
