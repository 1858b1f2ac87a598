import Dexie from 'dexie'
import { z } from 'zod'
import { canonicalJson, sha256Hex } from './canonical'
import { BACKUP_TABLES, type BackupTable, type NotesDB } from './db'
import {
  handoutTemplateSchema,
  patientSchema,
  settingSchema,
  trashEntrySchema,
  visitSchema,
  type HandoutTemplate,
  type Patient,
  type Setting,
  type TrashEntry,
  type Visit,
} from './model'
import { fromPatientRow, fromVisitRow, toPatientRow, toVisitRow } from './rows'
import { visitsChanged } from './searchIndex'

export const BACKUP_FORMAT = 'cramp-clinic-backup'
export const BACKUP_VERSION = 1
/** Above 10,000 patients with 100,000 long notes (about 100 MB); the file bridge's own cap. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024
/** Settings that describe this machine, not the clinic's records: never exported or replaced. */
export const LOCAL_SETTING_KEYS = new Set(['lastBackupAt', 'storage.persistRequested'])
export const LAST_BACKUP_KEY = 'lastBackupAt'

export type BackupCounts = Record<BackupTable, number>

export interface BackupData {
  handoutTemplates: HandoutTemplate[]
  patients: Patient[]
  settings: Setting[]
  trash: TrashEntry[]
  visits: Visit[]
}

export interface BackupPreview {
  createdAt: string
  appVersion: string
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
  | 'write-failed'

/** Why a backup cannot be restored, in words for the person holding the file. */
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

const encoder = new TextEncoder()
const CHUNK = 2000

// ---- export -------------------------------------------------------------------------------------

export interface ExportedBackup {
  bytes: Uint8Array<ArrayBuffer>
  createdAt: string
  counts: BackupCounts
  checksum: string
}

/**
 * Writes the whole database as one backup document. Tables are read in key-ordered pages inside
 * one read transaction (a consistent snapshot) and each page is encoded to bytes at once, so the
 * peak memory is about twice the file size rather than the size of every record as objects.
 */
export async function exportBackup(
  db: NotesDB,
  options: { appVersion: string; now?: Date },
): Promise<ExportedBackup> {
  let encoded: { chunks: Uint8Array[]; counts: BackupCounts } | undefined
  await db.transaction(
    'r',
    BACKUP_TABLES.map((t) => db.table(t)),
    async () => {
      encoded = await encodeData((table) => pages(db, table))
    },
  )
  return assemble(encoded!, options)
}

/**
 * A backup document from records held in memory (the seed script, tests): the same bytes as an
 * export of a database holding exactly these records in key order.
 */
export async function backupFromRecords(
  data: Partial<Record<BackupTable, unknown[]>>,
  options: { appVersion: string; now?: Date },
): Promise<ExportedBackup> {
  const key = (table: BackupTable, r: unknown): string =>
    String((r as Record<string, unknown>)[table === 'settings' ? 'key' : 'id'])
  const encoded = await encodeData(async function* (table) {
    const rows = [...(data[table] ?? [])].sort((a, b) => (key(table, a) < key(table, b) ? -1 : 1))
    for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK)
  })
  return assemble(encoded, options)
}

/** The canonical text of the data object, table by table, page by page, as bytes. */
async function encodeData(
  source: (table: BackupTable) => AsyncIterable<unknown[]>,
): Promise<{ chunks: Uint8Array[]; counts: BackupCounts }> {
  const chunks: Uint8Array[] = []
  const counts = emptyCounts()
  // Canonical order of the data object's keys: alphabetical.
  const tables = [...BACKUP_TABLES].sort()
  chunks.push(encoder.encode('{'))
  for (const [i, table] of tables.entries()) {
    chunks.push(encoder.encode(`${i ? ',' : ''}${JSON.stringify(table)}:[`))
    let first = true
    for await (const page of source(table)) {
      const records = page.map((row) => exportRecord(table, row)).filter((r) => r !== undefined)
      if (!records.length) continue
      counts[table] += records.length
      const text = records.map((r) => canonicalJson(r)).join(',')
      chunks.push(encoder.encode(`${first ? '' : ','}${text}`))
      first = false
    }
    chunks.push(encoder.encode(']'))
  }
  chunks.push(encoder.encode('}'))
  return { chunks, counts }
}

/** Head, data and checksum in one buffer, copied once (peak memory about twice the file). */
async function assemble(
  encoded: { chunks: Uint8Array[]; counts: BackupCounts },
  options: { appVersion: string; now?: Date },
): Promise<ExportedBackup> {
  const { chunks, counts } = encoded
  const createdAt = (options.now ?? new Date()).toISOString()
  const dataLength = chunks.reduce((n, c) => n + c.length, 0)
  const head = (checksum: string): string =>
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},` +
    `"createdAt":${JSON.stringify(createdAt)},"appVersion":${JSON.stringify(options.appVersion)},` +
    `"counts":${canonicalJson(counts)},"checksum":{"algorithm":"SHA-256","value":"${checksum}"},"data":`
  const headLength = encoder.encode(head('0'.repeat(64))).length
  const bytes = new Uint8Array(headLength + dataLength + 2)
  let at = headLength
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  chunks.length = 0
  const checksum = await sha256Hex(bytes.subarray(headLength, headLength + dataLength))
  bytes.set(encoder.encode(head(checksum)), 0)
  bytes.set(encoder.encode('}\n'), headLength + dataLength)
  return { bytes, createdAt, counts, checksum }
}

async function* pages(db: NotesDB, table: BackupTable): AsyncGenerator<unknown[]> {
  const t = db.table(table)
  let last: unknown = undefined
  for (;;) {
    const page: unknown[] =
      last === undefined
        ? await t.orderBy(':id').limit(CHUNK).toArray()
        : await t.where(':id').above(last).limit(CHUNK).toArray()
    if (!page.length) return
    yield page
    if (page.length < CHUNK) return
    last = primaryKeyOf(table, page[page.length - 1])
  }
}

function primaryKeyOf(table: BackupTable, row: unknown): unknown {
  const r = row as Record<string, unknown>
  return table === 'settings' ? r.key : r.id
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

function emptyCounts(): BackupCounts {
  return { patients: 0, visits: 0, trash: 0, settings: 0, handoutTemplates: 0 }
}

/** "Cramp Clinic backup 2026-11-21.json" in local time. */
export function backupFileName(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `Cramp Clinic backup ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`
}

// ---- reading and validating ---------------------------------------------------------------------

const envelopeSchema = z.object({
  format: z.string(),
  version: z.number(),
  createdAt: z.iso.datetime({ offset: true }),
  appVersion: z.string(),
  counts: z.object({
    patients: z.number().int().min(0),
    visits: z.number().int().min(0),
    trash: z.number().int().min(0),
    settings: z.number().int().min(0),
    handoutTemplates: z.number().int().min(0),
  }),
  checksum: z.object({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  data: z.object({
    handoutTemplates: z.array(z.unknown()),
    patients: z.array(z.unknown()),
    settings: z.array(z.unknown()),
    trash: z.array(z.unknown()),
    visits: z.array(z.unknown()),
  }),
})

const recordSchemas = {
  patients: patientSchema,
  visits: visitSchema,
  trash: trashEntrySchema,
  settings: settingSchema,
  handoutTemplates: handoutTemplateSchema,
} as const

const TABLE_WORDS: Record<BackupTable, string> = {
  patients: 'Patient',
  visits: 'Visit',
  trash: 'Trash item',
  settings: 'Setting',
  handoutTemplates: 'Handout template',
}

/**
 * Checks a backup file completely (size, text, JSON, format, version, checksum, every record)
 * without touching the database. Throws a BackupError with a plain message at the first problem.
 */
export async function readBackup(
  bytes: Uint8Array,
  options: { maxBytes?: number } = {},
): Promise<ParsedBackup> {
  const maxBytes = options.maxBytes ?? MAX_BACKUP_BYTES
  if (bytes.length > maxBytes) {
    throw new BackupError(
      'too-large',
      `This file is ${formatBytes(bytes.length)}, more than a backup can be (${formatBytes(maxBytes)}). Check you picked the right file.`,
    )
  }
  if (bytes.length === 0) throw new BackupError('empty', 'This file is empty. It holds no backup.')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (cause) {
    throw new BackupError(
      'not-text',
      'This file is not a Cramp Clinic backup: it is not a text file. Check you picked the right file.',
      { cause },
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    const trimmed = text.trim()
    if (trimmed.startsWith('{') && !trimmed.endsWith('}')) {
      throw new BackupError(
        'truncated',
        'This backup file is incomplete: it stops part way through, probably because copying or saving it was interrupted. Use another copy of the backup.',
        { cause },
      )
    }
    throw new BackupError(
      'malformed',
      'This file is damaged or is not a Cramp Clinic backup: its contents cannot be read.',
      { cause },
    )
  }
  const format = (json as { format?: unknown } | null)?.format
  if (typeof json !== 'object' || json === null || format !== BACKUP_FORMAT) {
    throw new BackupError(
      'wrong-format',
      'This file is not a Cramp Clinic backup. Check you picked the right file.',
    )
  }
  const version = (json as { version?: unknown }).version
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupError(
      'newer-version',
      `This backup was made by a newer version of Cramp Clinic (backup format ${version}). Update the app, then restore it.`,
    )
  }
  if (version !== BACKUP_VERSION) {
    throw new BackupError(
      'unknown-version',
      'This backup has a format version this app does not know, so it cannot be restored safely.',
    )
  }
  const envelope = envelopeSchema.safeParse(json)
  if (!envelope.success) {
    throw new BackupError(
      'malformed',
      'This backup file is damaged: parts of it are missing or not as expected.',
    )
  }
  const { data, checksum, counts } = envelope.data
  const actual = await checksumOf(data)
  if (actual !== checksum.value) {
    throw new BackupError(
      'bad-checksum',
      'This backup has been changed or damaged since it was made (its checksum does not match), so it cannot be trusted. Use another copy of the backup.',
    )
  }
  const clean = validateRecords(data)
  for (const table of BACKUP_TABLES) {
    if (clean[table].length !== counts[table]) {
      throw new BackupError(
        'invalid-records',
        'This backup is inconsistent: the number of records does not match its summary.',
      )
    }
  }
  return {
    preview: {
      createdAt: envelope.data.createdAt,
      appVersion: envelope.data.appVersion,
      counts,
      sizeBytes: bytes.length,
    },
    data: clean,
  }
}

/** SHA-256 of the canonical text of the data object, encoded table by table. */
async function checksumOf(data: Record<string, unknown[]>): Promise<string> {
  const parts: Uint8Array[] = [encoder.encode('{')]
  const keys = Object.keys(data).sort()
  for (const [i, key] of keys.entries()) {
    parts.push(encoder.encode(`${i ? ',' : ''}${JSON.stringify(key)}:[`))
    const rows = data[key] ?? []
    for (let start = 0; start < rows.length; start += CHUNK) {
      const text = rows
        .slice(start, start + CHUNK)
        .map((r) => canonicalJson(r))
        .join(',')
      parts.push(encoder.encode(`${start ? ',' : ''}${text}`))
    }
    parts.push(encoder.encode(']'))
  }
  parts.push(encoder.encode('}'))
  const total = parts.reduce((n, p) => n + p.length, 0)
  const all = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    all.set(p, at)
    at += p.length
  }
  return sha256Hex(all)
}

function validateRecords(data: Record<BackupTable, unknown[]>): BackupData {
  const problems: string[] = []
  const out = {} as Record<BackupTable, unknown[]>
  for (const table of BACKUP_TABLES) {
    const schema = recordSchemas[table]
    const rows: unknown[] = []
    const seen = new Set<unknown>()
    data[table].forEach((raw, index) => {
      const result = schema.safeParse(raw)
      if (!result.success) {
        const issue = result.error.issues[0]
        const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
        problems.push(`${TABLE_WORDS[table]} ${index + 1}${where}: ${issue?.message ?? 'not valid'}`)
        return
      }
      const key = table === 'settings' ? (result.data as Setting).key : (result.data as { id: string }).id
      if (seen.has(key)) problems.push(`${TABLE_WORDS[table]} ${index + 1}: the same record appears twice`)
      seen.add(key)
      rows.push(result.data)
    })
    out[table] = rows
  }
  const clean = out as unknown as BackupData
  const patientIds = new Set(clean.patients.map((p) => p.id))
  clean.visits.forEach((v, index) => {
    if (!patientIds.has(v.patientId)) {
      problems.push(`Visit ${index + 1}: its patient is not in the backup`)
    }
  })
  if (problems.length) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : ''
    throw new BackupError(
      'invalid-records',
      `This backup contains records that are not valid, so nothing was restored. ${problems.slice(0, 3).join('; ')}${more}.`,
    )
  }
  return clean
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`
  return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`
}

// ---- applying -----------------------------------------------------------------------------------

export type RestoreMode = 'merge' | 'replace'

export interface RestoreResult {
  mode: RestoreMode
  /** Records written per table (in merge mode, new or newer than what was here). */
  written: BackupCounts
}

/**
 * Applies a validated backup in ONE transaction: either every record is written or, on any
 * error, none is and the database stays exactly as it was.
 * - replace: the clinic's records are cleared and replaced by the backup's.
 * - merge: records missing here are added; a record present in both keeps the newer edit.
 */
export async function applyBackup(
  db: NotesDB,
  backup: ParsedBackup,
  mode: RestoreMode,
): Promise<RestoreResult> {
  const { data } = backup
  const written = emptyCounts()
  const tables = BACKUP_TABLES.map((t) => db.table(t))
  try {
    await db.transaction('rw', tables, async () => {
      if (mode === 'replace') {
        const keepLocal = (await db.settings.toArray()).filter((s) => LOCAL_SETTING_KEYS.has(s.key))
        // A record replacing one here gets a revision above it, so an editor still showing the
        // old copy (another window) sees a conflict instead of saving over the restored text.
        const patientRevisions = new Map<string, number>()
        await db.patients.each((row) => patientRevisions.set(row.id, row.revision))
        const visitRevisions = new Map<string, number>()
        await db.visits.each((row) => visitRevisions.set(row.id, row.revision))
        const above = <T extends { id: string; revision: number }>(r: T, here: Map<string, number>): T => {
          const local = here.get(r.id)
          return local === undefined || r.revision > local ? r : { ...r, revision: local + 1 }
        }
        await Promise.all(tables.map((t) => t.clear()))
        const lastVisit = newestVisitByPatient(data.visits)
        await db.patients.bulkAdd(
          data.patients.map((p) =>
            toPatientRow({ ...above(p, patientRevisions), lastVisitAt: lastVisit.get(p.id) ?? null }),
          ),
        )
        for (let i = 0; i < data.visits.length; i += CHUNK) {
          await db.visits.bulkAdd(
            data.visits.slice(i, i + CHUNK).map((v) => toVisitRow(above(v, visitRevisions))),
          )
        }
        await db.trash.bulkAdd(data.trash)
        await db.settings.bulkAdd([
          ...data.settings.filter((s) => !LOCAL_SETTING_KEYS.has(s.key)),
          ...keepLocal,
        ])
        await db.handoutTemplates.bulkAdd(data.handoutTemplates)
        written.patients = data.patients.length
        written.visits = data.visits.length
        written.trash = data.trash.length
        written.settings = data.settings.length
        written.handoutTemplates = data.handoutTemplates.length
        return
      }
      // Deleted here after the backup was made: merging must not bring it back from the dead.
      const trashed = new Map<string, string>()
      await db.trash.each((entry) => {
        const records = entry.kind === 'patient' ? [entry.patient, ...entry.visits] : [entry.visit]
        for (const r of records) {
          const prev = trashed.get(r.id)
          if (!prev || r.updatedAt > prev) trashed.set(r.id, r.updatedAt)
        }
      })
      const touched = new Set<string>()
      const patients = await mergeNewer(db.patients, data.patients, 'id', trashed)
      await db.patients.bulkPut(patients.map(toPatientRow))
      patients.forEach((p) => touched.add(p.id))
      const visits = await mergeNewer(db.visits, data.visits, 'id', trashed)
      for (let i = 0; i < visits.length; i += CHUNK) {
        await db.visits.bulkPut(visits.slice(i, i + CHUNK).map(toVisitRow))
      }
      visits.forEach((v) => touched.add(v.patientId))
      const existingTrash = new Set(await db.trash.toCollection().primaryKeys())
      const trash = data.trash.filter((t) => !existingTrash.has(t.id))
      await db.trash.bulkAdd(trash)
      const settings = (await mergeNewer(db.settings, data.settings, 'key')).filter(
        (s) => !LOCAL_SETTING_KEYS.has(s.key),
      )
      await db.settings.bulkPut(settings)
      const existingTemplates = new Set(await db.handoutTemplates.toCollection().primaryKeys())
      const templates = data.handoutTemplates.filter((t) => !existingTemplates.has(t.id))
      await db.handoutTemplates.bulkAdd(templates)
      for (const patientId of touched) {
        const row = await db.patients.get(patientId)
        if (!row) continue
        const newest = await db.visits
          .where('[patientId+dateTime]')
          .between([patientId, Dexie.minKey], [patientId, Dexie.maxKey])
          .last()
        const lastVisitAt = newest?.dateTime ?? null
        if (lastVisitAt !== row.lastVisitAt) {
          await db.patients.put(toPatientRow({ ...fromPatientRow(row), lastVisitAt }))
        }
      }
      written.patients = patients.length
      written.visits = visits.length
      written.trash = trash.length
      written.settings = settings.length
      written.handoutTemplates = templates.length
    })
  } catch (cause) {
    throw new BackupError(
      'write-failed',
      `The backup could not be written, so nothing was changed. ${cause instanceof Error ? cause.message : ''}`.trim(),
      { cause },
    )
  }
  await visitsChanged(db, [], { rebuild: true })
  return { mode, written }
}

function newestVisitByPatient(visits: Visit[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const v of visits) {
    const prev = out.get(v.patientId)
    if (!prev || v.dateTime > prev) out.set(v.patientId, v.dateTime)
  }
  return out
}

/**
 * Records of the backup that are new here or were edited later than the copy here. A record that
 * replaces a local one gets a revision above the local one, so an editor still showing the old
 * copy sees a conflict instead of overwriting the restored text. A record that is in the trash
 * here (`trashed`: id -> updatedAt of the trashed copy) stays there unless the backup holds a
 * later edit of it.
 */
async function mergeNewer<T extends { updatedAt: string }>(
  table: Dexie.Table,
  incoming: T[],
  key: 'id' | 'key',
  trashed: Map<string, string> = new Map(),
): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < incoming.length; i += CHUNK) {
    const slice = incoming.slice(i, i + CHUNK)
    const existing = (await table.bulkGet(
      slice.map((r) => (r as Record<string, unknown>)[key] as string),
    )) as ((T & { revision?: number }) | undefined)[]
    slice.forEach((record, j) => {
      const here = existing[j]
      if (!here) {
        const deleted = trashed.get((record as Record<string, unknown>)[key] as string)
        if (deleted === undefined || record.updatedAt > deleted) out.push(record)
      } else if (record.updatedAt > here.updatedAt) {
        const rev = (record as { revision?: number }).revision
        out.push(
          rev !== undefined && here.revision !== undefined
            ? { ...record, revision: Math.max(rev, here.revision + 1) }
            : record,
        )
      }
    })
  }
  return out
}

/** What "replace" would take away from this computer. */
export interface ReplaceLoss {
  /** Patients here that the backup does not hold, or holds in an older version. */
  patients: number
  /** Visits here that the backup does not hold, or holds in an older version. */
  visits: number
}

/**
 * Counts the records a replace would lose: those here that are missing from the backup or were
 * edited here after the backup's copy. Read one record at a time, so a large database is fine.
 */
export async function replaceLosses(db: NotesDB, backup: ParsedBackup): Promise<ReplaceLoss> {
  const inBackup = (records: { id: string; updatedAt: string }[]): Map<string, string> =>
    new Map(records.map((r) => [r.id, r.updatedAt]))
  const patients = inBackup(backup.data.patients)
  const visits = inBackup(backup.data.visits)
  const loss: ReplaceLoss = { patients: 0, visits: 0 }
  await db.transaction('r', db.patients, db.visits, async () => {
    await db.patients.each((row) => {
      const theirs = patients.get(row.id)
      if (theirs === undefined || row.updatedAt > theirs) loss.patients++
    })
    await db.visits.each((row) => {
      const theirs = visits.get(row.id)
      if (theirs === undefined || row.updatedAt > theirs) loss.visits++
    })
  })
  return loss
}

/** Remembers when the last backup file was written (shown and used for the reminder). */
export async function recordBackupMade(db: NotesDB, at: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: LAST_BACKUP_KEY, value: at, updatedAt: at })
  })
}

export async function lastBackupAt(db: NotesDB): Promise<string | undefined> {
  const value = (await db.settings.get(LAST_BACKUP_KEY))?.value
  return typeof value === 'string' ? value : undefined
}

/** Validates and applies in one go (the command-line and test path; the UI previews between). */
export async function restoreBackup(
  db: NotesDB,
  bytes: Uint8Array,
  mode: RestoreMode,
  options: { maxBytes?: number } = {},
): Promise<RestoreResult & { preview: BackupPreview }> {
  const parsed = await readBackup(bytes, options)
  const result = await applyBackup(db, parsed, mode)
  return { ...result, preview: parsed.preview }
}
