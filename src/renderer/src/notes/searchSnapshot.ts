import Dexie, { type Table } from 'dexie'
import { decryptBytes, encryptBytes, type FieldContext } from '../security/fieldCrypto'
import type { KeyRing } from '../security/keyring'

/**
 * The note search index saved between sessions, so a search right after sign-in does not wait
 * for every visit to be read and decrypted again (11 s at 100,000 visits on a quiet machine,
 * against 2 s from the snapshot; bench notes-encryption). The index holds the words of every
 * note, so it is only ever stored sealed with AES-GCM under the clinic's field key
 * and bound to this database's name (fieldCrypto.ts): nothing searchable reaches the disk in
 * clear, and a snapshot copied from another database does not open.
 *
 * It lives in a small database of its own beside the notes database: it is a cache, left out
 * of backups and schema upgrades, and can be thrown away at any time (the index is rebuilt).
 */

/** What the index needs to come back: per visit its id, time and versions; the words by number. */
export interface IndexDump {
  ids: string[]
  revs: string[]
  /** The visit's updatedAt as indexed: compared with the stored rows to find what changed. */
  updated: string[]
  times: Float64Array
  words: string[]
  /** The word numbers of visit i are flat[offsets[i] .. offsets[i + 1]). */
  offsets: Uint32Array
  flat: Uint32Array
}

/** Bumped when the layout below changes: an older snapshot is then discarded. */
const FORMAT = 1

interface SnapshotRow {
  id: 'notes'
  format: number
  savedAt: string
  sealed: Uint8Array<ArrayBuffer>
}

const stores = new Map<string, Table<SnapshotRow, string>>()

/** The database beside `dbName` that holds its snapshot. */
export function snapshotDatabaseName(dbName: string): string {
  return `${dbName}-note-index`
}

function table(dbName: string): Table<SnapshotRow, string> {
  let t = stores.get(dbName)
  if (!t) {
    const db = new Dexie(snapshotDatabaseName(dbName))
    db.version(1).stores({ snapshots: 'id' })
    t = db.table<SnapshotRow, string>('snapshots')
    stores.set(dbName, t)
  }
  return t
}

function context(dbName: string): FieldContext {
  return { type: 'note-search-index', id: dbName, field: 'snapshot' }
}

/** Layout: [u32 header length][header JSON][pad to 8][times f64][offsets u32][flat u32]. */
export function encodeDump(d: IndexDump): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(
    JSON.stringify({ ids: d.ids, revs: d.revs, updated: d.updated, words: d.words }),
  )
  const start = Math.ceil((4 + header.length) / 8) * 8
  const n = d.ids.length
  const size = start + n * 8 + (n + 1) * 4 + d.flat.length * 4
  const out = new Uint8Array(size)
  new DataView(out.buffer).setUint32(0, header.length, true)
  out.set(header, 4)
  out.set(new Uint8Array(d.times.buffer, d.times.byteOffset, n * 8), start)
  out.set(new Uint8Array(d.offsets.buffer, d.offsets.byteOffset, (n + 1) * 4), start + n * 8)
  out.set(new Uint8Array(d.flat.buffer, d.flat.byteOffset, d.flat.length * 4), start + n * 12 + 4)
  return out
}

export function decodeDump(bytes: Uint8Array<ArrayBuffer>): IndexDump {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headerLength = view.getUint32(0, true)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as Pick<
    IndexDump,
    'ids' | 'revs' | 'updated' | 'words'
  >
  const n = header.ids.length
  if (header.revs.length !== n || header.updated.length !== n) throw new Error('damaged index snapshot')
  const start = Math.ceil((4 + headerLength) / 8) * 8
  // Copies: typed arrays need aligned offsets, and the decrypted buffer can then be freed.
  const times = new Float64Array(
    bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + start + n * 8),
  )
  const offStart = bytes.byteOffset + start + n * 8
  const offsets = new Uint32Array(bytes.buffer.slice(offStart, offStart + (n + 1) * 4))
  const flatStart = offStart + (n + 1) * 4
  const m = offsets[n] ?? 0
  if (flatStart + m * 4 !== bytes.byteOffset + bytes.byteLength) throw new Error('damaged index snapshot')
  const flat = new Uint32Array(bytes.buffer.slice(flatStart, flatStart + m * 4))
  for (const w of flat) if (w >= header.words.length) throw new Error('damaged index snapshot')
  return { ...header, times, offsets, flat }
}

export async function saveSnapshot(dbName: string, ring: KeyRing, dump: IndexDump): Promise<void> {
  const sealed = await encryptBytes(ring.fieldKey, encodeDump(dump), context(dbName))
  await table(dbName).put({ id: 'notes', format: FORMAT, savedAt: new Date().toISOString(), sealed })
}

/**
 * The snapshot saved for this database, or null when there is none, it is of another format, or
 * it does not open with this key (damaged, from another clinic): such a one is deleted.
 */
export async function loadSnapshot(dbName: string, ring: KeyRing): Promise<IndexDump | null> {
  const row = await table(dbName).get('notes')
  if (!row) return null
  try {
    if (row.format !== FORMAT) throw new Error('old index snapshot')
    return decodeDump(await decryptBytes(ring.fieldKey, row.sealed, context(dbName)))
  } catch {
    await discardSnapshot(dbName)
    return null
  }
}

export async function discardSnapshot(dbName: string): Promise<void> {
  await table(dbName)
    .delete('notes')
    .catch(() => undefined)
}
