import { z } from 'zod'
import { canonicalJson } from '../canonical'
import { BACKUP_TABLES, type BackupTable } from '../db'
import type { HandoutRow, HandoutTemplate, HistoryEntry, Patient, Setting, TrashEntry, Visit } from '../model'

/**
 * The backup file: one JSON document, its data in canonical JSON (sorted keys) with a SHA-256 of
 * that text, so a checksum survives parsing and re-serialising.
 * Format 1: patients, visits (handouts inside), trash, settings, templates.
 * Format 2: adds the version history and handouts in their own list; every patient and visit
 * carries its version fields. Format 1 files still restore (read.ts upgrades them).
 */
export const BACKUP_FORMAT = 'cramp-clinic-backup'
export const BACKUP_VERSION = 2
/** Above 10,000 patients with 100,000 long notes and their history; the file bridge's own cap. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024
/** Settings that describe this machine, not the clinic's records: never exported or replaced. */
export const LOCAL_SETTING_KEYS = new Set(['lastBackupAt', 'storage.persistRequested'])
export const LAST_BACKUP_KEY = 'lastBackupAt'
/** Records encoded or written per step: large enough to be fast, small enough to keep memory flat. */
export const CHUNK = 2000

export type BackupCounts = Record<BackupTable, number>

export interface BackupData {
  handoutTemplates: HandoutTemplate[]
  handouts: HandoutRow[]
  history: HistoryEntry[]
  patients: Patient[]
  settings: Setting[]
  trash: TrashEntry[]
  visits: Visit[]
}

export interface BackupPreview {
  createdAt: string
  appVersion: string
  /** The file's format: 1 for backups made before version history was kept. */
  format: number
  counts: BackupCounts
  sizeBytes: number
}

export interface ParsedBackup {
  preview: BackupPreview
  data: BackupData
}

export type BackupErrorCode =
  | 'too-large'
  | 'empty'
  | 'not-text'
  | 'truncated'
  | 'malformed'
  | 'wrong-format'
  | 'newer-version'
  | 'unknown-version'
  | 'bad-checksum'
  | 'invalid-records'
  | 'invalid-database'
  | 'write-failed'
  | 'wrong-key'
  | 'tampered'
  | 'cancelled'
  | 'not-allowed'
  | 'not-verified'

/** Why a backup cannot be made or restored, in words for the person holding the file. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'BackupError'
  }
}

export function emptyCounts(): BackupCounts {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as BackupCounts
}

const encoder = new TextEncoder()

/**
 * The canonical text of a data object, table by table and page by page, as byte chunks: the
 * export writes it, and reading a file recomputes it to check the checksum.
 */
export async function encodeTables(
  tables: readonly string[],
  source: (table: string) => AsyncIterable<unknown[]> | Iterable<unknown[]>,
): Promise<{ chunks: Uint8Array[]; counts: Record<string, number> }> {
  const chunks: Uint8Array[] = []
  const counts: Record<string, number> = {}
  // Canonical order of the data object's keys: alphabetical.
  const sorted = [...tables].sort()
  chunks.push(encoder.encode('{'))
  for (const [i, table] of sorted.entries()) {
    counts[table] = 0
    chunks.push(encoder.encode(`${i ? ',' : ''}${JSON.stringify(table)}:[`))
    let first = true
    for await (const page of source(table)) {
      if (!page.length) continue
      counts[table] += page.length
      const text = page.map((r) => canonicalJson(r)).join(',')
      chunks.push(encoder.encode(`${first ? '' : ','}${text}`))
      first = false
    }
    chunks.push(encoder.encode(']'))
  }
  chunks.push(encoder.encode('}'))
  return { chunks, counts }
}

export function* inPages<T>(rows: T[], size = CHUNK): Iterable<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size)
}

export function joinChunks(
  chunks: Uint8Array[],
  extra = 0,
): { bytes: Uint8Array<ArrayBuffer>; length: number } {
  const length = chunks.reduce((n, c) => n + c.length, 0)
  const bytes = new Uint8Array(length + extra)
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.length
  }
  return { bytes, length }
}

export const envelopeSchema = z.object({
  format: z.string(),
  version: z.number(),
  createdAt: z.iso.datetime({ offset: true }),
  appVersion: z.string(),
  counts: z.record(z.string(), z.number().int().min(0)),
  checksum: z.object({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  data: z.record(z.string(), z.array(z.unknown())),
})

/** "Cramp Clinic backup 2026-11-21.json" in local time. */
export function backupFileName(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `Cramp Clinic backup ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`
}

export { formatBytes } from '../../../../shared/bytes'

export { canonicalJson }
