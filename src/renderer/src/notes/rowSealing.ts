import { LockedError } from '../security/errors'
import { decryptValue, encryptValue } from '../security/fieldCrypto'
import {
  birthDateQuery,
  chartQuery,
  nameQuery,
  patientTokens,
  type PatientTokens,
  type TokenQuery,
} from '../security/indexTokens'
import type { KeyRing } from '../security/keyring'
import { fold, words } from './text'
import { VERSION_KEYS } from './version'

/**
 * The row codec: how a record of a sealed table becomes what IndexedDB stores, and back.
 *
 * A stored row keeps in clear only what queries, ordering and conflict checks need (ids, times,
 * revisions, the ids of the records it belongs to); everything else of the row goes into one
 * AES-GCM ciphertext, `sealed`, bound to the table and the row's id (fieldCrypto.ts), so a
 * ciphertext moved to another row or table does not open. Any field not listed as clear below
 * is sealed, so a field added later is protected without anyone remembering to list it.
 *
 * One ciphertext per row rather than one per field: opening a visit, a page of the list or the
 * whole visits table for the search index costs one decryption per row.
 *
 * Patients also get keyed index tokens (indexTokens.ts) so lookups by name, chart number and
 * birth date stay index lookups. Rows written before encryption (clear, "legacy") are read as
 * they are until encryptInPlace.ts rewrites them.
 */

export const SEALED_TABLES = [
  'patients',
  'visits',
  'history',
  'trash',
  'drafts',
  'handouts',
  'addenda',
] as const
export type SealedTable = (typeof SEALED_TABLES)[number]

export function isSealedTable(name: string): name is SealedTable {
  return (SEALED_TABLES as readonly string[]).includes(name)
}

const CLEAR_FIELDS: Record<SealedTable, readonly string[]> = {
  patients: ['id', 'listOrder', 'lastVisitAt', 'createdAt', 'updatedAt', ...VERSION_KEYS],
  visits: ['id', 'patientId', 'dateTime', 'createdAt', 'updatedAt', ...VERSION_KEYS],
  history: ['id', 'recordId', 'savedAt', 'keptAt', 'kind', 'why'],
  trash: ['id', 'kind', 'deletedAt'],
  drafts: ['id', 'kind', 'recordId', 'window', 'baseRev', 'at', 'savedBy'],
  handouts: ['id', 'visitId', 'patientId', 'createdAt'],
  // The seal is an HMAC under the seal key over the plain content: it says nothing without it.
  addenda: ['id', 'visitId', 'authorId', 'createdAt', 'follows', 'seal'],
}

/** How a table's records are named in the message of a row that does not open. */
const WHAT: Record<SealedTable, string> = {
  patients: 'A patient record',
  visits: 'A visit note',
  history: 'An earlier version of a record',
  trash: 'An item in the trash',
  drafts: 'A copy of unsaved typing',
  handouts: 'A record of a handout given',
  addenda: 'An addendum',
}

/** Index keys of patient rows: stored only, never part of a record read back. */
const TOKEN_FIELDS = ['nameTokens', 'chartTokens', 'dobToken'] as const
/** Index keys of patient rows written before schema version 4 (clear text). */
const LEGACY_INDEX_FIELDS = ['nameWords', 'chartKey'] as const
const DERIVED = new Set<string>([...TOKEN_FIELDS, ...LEGACY_INDEX_FIELDS, 'sealed'])

/**
 * Marks a record read from a clear (legacy) row. A symbol key: structured clone, and so
 * IndexedDB, never stores it.
 */
export const LEGACY_ROW: unique symbol = Symbol('legacy clear row')

export function isLegacyRow(row: object): boolean {
  return (row as { [LEGACY_ROW]?: boolean })[LEGACY_ROW] === true
}

/**
 * Where the codec gets its keys: the open key ring, or LockedError while locked. `null` means
 * the database is not encrypted at all (the benchmark's baseline, and databases opened by tools
 * that never sign in): rows are stored in clear with clear index keys.
 */
export type KeySource = (() => KeyRing) | null

type Row = Record<string, unknown> & { id?: unknown }

function rowId(table: SealedTable, row: Row): string {
  const id = row.id
  if (typeof id !== 'string' || !id) throw new TypeError(`A ${table} row has no id`)
  return id
}

/** Clear index keys: the same shape as the keyed tokens, for the unencrypted baseline. */
function clearTokens(p: { name: string; chartNumber: string; dateOfBirth: string }): PatientTokens {
  const prefixes = (w: string): string[] => [...w].map((_, i) => [...w].slice(0, i + 1).join(''))
  const chart = fold(p.chartNumber.trim())
  return {
    nameTokens: [...new Set(words(p.name).flatMap(prefixes))],
    chartTokens: chart ? prefixes(chart) : [],
    dobToken: p.dateOfBirth,
  }
}

async function tokensOf(ring: KeyRing | null, record: Row): Promise<PatientTokens> {
  const p = {
    name: String(record.name ?? ''),
    chartNumber: String(record.chartNumber ?? ''),
    dateOfBirth: String(record.dateOfBirth ?? ''),
  }
  return ring ? patientTokens(ring.indexKey, p) : clearTokens(p)
}

/** The row IndexedDB stores for `record` (a record of `table` as the repository writes it). */
export async function encodeRow(table: SealedTable, record: Row, ring: KeyRing | null): Promise<Row> {
  const tokens = table === 'patients' ? await tokensOf(ring, record) : {}
  if (!ring) {
    const plain: Row = {}
    for (const [k, v] of Object.entries(record)) if (!DERIVED.has(k)) plain[k] = v
    return { ...plain, ...tokens }
  }
  const clearSet = new Set(CLEAR_FIELDS[table])
  const clear: Row = {}
  const secret: Row = {}
  for (const [k, v] of Object.entries(record)) {
    if (DERIVED.has(k)) continue
    if (clearSet.has(k)) clear[k] = v
    else secret[k] = v
  }
  const id = rowId(table, record)
  const sealed = await encryptValue(ring.fieldKey, secret, { type: table, id, field: 'row' })
  return { ...clear, ...tokens, sealed }
}

/** The record stored as `row`; TamperedDataError if its ciphertext does not open. */
export async function decodeRow(table: SealedTable, row: Row, ring: KeyRing | null): Promise<Row> {
  const out: Row = {}
  for (const [k, v] of Object.entries(row)) if (!DERIVED.has(k)) out[k] = v
  if (!(row.sealed instanceof Uint8Array)) {
    Object.defineProperty(out, LEGACY_ROW, { value: true, enumerable: false })
    return out
  }
  if (!ring) throw new LockedError()
  const secret = await decryptValue<Row>(
    ring.fieldKey,
    row.sealed,
    { type: table, id: rowId(table, row), field: 'row' },
    WHAT[table],
  )
  if (!secret || typeof secret !== 'object') throw new TypeError('sealed row is not an object')
  return { ...secret, ...out }
}

// ---- patient lookups ---------------------------------------------------------------------------

/** Token queries for the words typed into patient search (keyed, or clear in the baseline). */
export async function nameLookup(ring: KeyRing | null, text: string): Promise<TokenQuery[]> {
  if (ring) return nameQuery(ring.indexKey, text)
  return words(text).map((w) => ({ token: w, term: w, recheck: false }))
}

export async function chartLookup(ring: KeyRing | null, text: string): Promise<TokenQuery | null> {
  if (ring) return chartQuery(ring.indexKey, text)
  const term = fold(text.trim())
  return term ? { token: term, term, recheck: false } : null
}

export async function birthDateLookup(ring: KeyRing | null, isoDate: string): Promise<string> {
  return ring ? birthDateQuery(ring.indexKey, isoDate) : isoDate
}
