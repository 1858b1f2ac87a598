import { sha256Hex } from '../canonical'
import { BACKUP_TABLES, type BackupTable } from '../db'
import { earlierPatient, earlierTrashEntry, earlierVisit } from '../upgrade'
import { RecordCheck } from './validate'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  MAX_BACKUP_BYTES,
  encodeTables,
  envelopeSchema,
  formatBytes,
  inPages,
  joinChunks,
  type BackupCounts,
  type BackupData,
  type ParsedBackup,
} from './format'

/** The tables of format 1, before history and handouts had their own lists. */
const V1_TABLES = ['patients', 'visits', 'trash', 'settings', 'handoutTemplates'] as const

/**
 * Checks a backup file completely (size, text, JSON, format, version, checksum, every record,
 * and that the records hold together) without touching the database. Throws a BackupError with
 * a plain message at the first problem; never an error in programmer's words.
 */
export async function readBackup(
  bytes: Uint8Array,
  options: { maxBytes?: number } = {},
): Promise<ParsedBackup> {
  try {
    return await read(bytes, options.maxBytes ?? MAX_BACKUP_BYTES)
  } catch (cause) {
    if (cause instanceof BackupError) throw cause
    // Deeply nested or otherwise hostile JSON can exhaust the stack or memory while being checked.
    throw new BackupError(
      'malformed',
      'This file is damaged or is not a Cramp Clinic backup: its contents cannot be read.',
      { cause },
    )
  }
}

async function read(bytes: Uint8Array, maxBytes: number): Promise<ParsedBackup> {
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
  const json = parseJson(text)
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
  if (version !== 1 && version !== 2) {
    throw new BackupError(
      'unknown-version',
      'This backup has a format version this app does not know, so it cannot be restored safely.',
    )
  }
  const tables: readonly string[] = version === 1 ? V1_TABLES : BACKUP_TABLES
  const envelope = envelopeSchema.safeParse(json)
  const complete =
    envelope.success &&
    tables.every((t) => Array.isArray(envelope.data.data[t]) && typeof envelope.data.counts[t] === 'number')
  if (!envelope.success || !complete) {
    throw new BackupError(
      'malformed',
      'This backup file is damaged: parts of it are missing or not as expected.',
    )
  }
  const { data, checksum, counts } = envelope.data
  const encoded = await encodeTables(tables, (t) => inPages(data[t] ?? []))
  if ((await sha256Hex(joinChunks(encoded.chunks).bytes)) !== checksum.value) {
    throw new BackupError(
      'bad-checksum',
      'This backup has been changed or damaged since it was made (its checksum does not match), so it cannot be trusted. Use another copy of the backup.',
    )
  }
  for (const t of tables) {
    if (data[t]!.length !== counts[t]) {
      throw new BackupError(
        'invalid-records',
        'This backup is inconsistent: the number of records does not match its summary.',
      )
    }
  }
  const current = version === 1 ? fromFormat1(data) : (data as Record<BackupTable, unknown[]>)
  const clean = validateRecords(current)
  return {
    preview: {
      createdAt: envelope.data.createdAt,
      appVersion: envelope.data.appVersion,
      format: version,
      counts: Object.fromEntries(BACKUP_TABLES.map((t) => [t, clean[t].length])) as BackupCounts,
      sizeBytes: bytes.length,
    },
    data: clean,
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
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
      {
        cause,
      },
    )
  }
}

/** A format-1 data object as format 2: version fields added, handouts out of the visits. */
function fromFormat1(data: Record<string, unknown[]>): Record<BackupTable, unknown[]> {
  const handouts: unknown[] = []
  const record = (r: unknown): r is Record<string, unknown> & { revision: number; updatedAt: string } =>
    typeof r === 'object' &&
    r !== null &&
    typeof (r as { revision?: unknown }).revision === 'number' &&
    typeof (r as { updatedAt?: unknown }).updatedAt === 'string'
  const patients = (data['patients'] ?? []).map((p) => (record(p) ? earlierPatient({ ...p }) : p))
  const visits = (data['visits'] ?? []).map((v) => {
    if (!record(v)) return v
    const upgraded = earlierVisit({ ...v })
    handouts.push(...upgraded.handouts)
    return upgraded.visit
  })
  const trash = (data['trash'] ?? []).map((e) => {
    try {
      const copy = structuredClone(e) as Record<string, unknown>
      handouts.push(...earlierTrashEntry(copy))
      return copy
    } catch {
      return e // Not a trash entry as format 1 wrote them: validation says which.
    }
  })
  return {
    patients,
    visits,
    trash,
    settings: data['settings'] ?? [],
    handoutTemplates: data['handoutTemplates'] ?? [],
    handouts,
    history: [],
  }
}

/** Every record checked with the app's own schemas, and the records checked to hold together. */
export function validateRecords(data: Record<BackupTable, unknown[]>): BackupData {
  const check = new RecordCheck()
  const out = {} as Record<BackupTable, unknown[]>
  for (const table of BACKUP_TABLES) {
    out[table] = []
    data[table].forEach((raw) => {
      const clean = check.add(table, raw)
      if (clean !== undefined) out[table].push(clean)
    })
  }
  check.finish()
  return out as unknown as BackupData
}
