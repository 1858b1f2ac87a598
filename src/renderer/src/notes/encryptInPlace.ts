import type Dexie from 'dexie'
import type { NotesDB } from './db'
import { isLegacyRow, SEALED_TABLES, type SealedTable } from './rowSealing'

/**
 * Encrypts, in place, the rows written before encryption at rest existed (schema version 4 sets
 * the state to pending). It runs after sign-in, in the background, a small batch per
 * transaction: the app stays usable, and the row codec reads clear and sealed rows alike all
 * along. Each batch stores how far it got in the same transaction as the rows it rewrote, so a
 * crash or a lock half way loses nothing and the next sign-in goes on from there.
 */
export const ENCRYPTION_STATE_KEY = 'encryptionAtRest'

/**
 * `db` on done: the database it is true of. A restore writes rows in clear into a database of
 * another name, with the settings of the one backed up: "done" from there means nothing here.
 */
export type EncryptionState =
  | { state: 'pending'; table?: SealedTable; after?: string; done?: number }
  | { state: 'done'; at: string; db?: string }

export interface EncryptionProgress {
  /** Rows looked at so far, out of `total` (every row of every sealed table). */
  done: number
  total: number
  finished: boolean
}

const DEFAULT_BATCH = 200

export async function encryptionState(db: NotesDB): Promise<EncryptionState> {
  const row = await db.settings.get(ENCRYPTION_STATE_KEY)
  const state = (row?.value as EncryptionState | undefined) ?? { state: 'pending' }
  return state.state === 'done' && state.db !== db.name ? { state: 'pending' } : state
}

/**
 * Works through every sealed table in primary-key order until all rows are sealed. Stops early
 * (resumable) when `shouldStop` says so or the keys go (LockedError is thrown on).
 */
export async function encryptInPlace(
  db: NotesDB,
  options: {
    onProgress?: (p: EncryptionProgress) => void
    shouldStop?: () => boolean
    /** A pause between batches, so the screens' own reads and writes go first. */
    pauseMs?: number
    /** Rows per transaction. */
    batch?: number
    clock?: () => Date
  } = {},
): Promise<EncryptionProgress> {
  const clock = options.clock ?? (() => new Date())
  const BATCH = options.batch ?? DEFAULT_BATCH
  let state = await encryptionState(db)
  const counts = await Promise.all(SEALED_TABLES.map((t) => db.table(t).count()))
  const total = counts.reduce((a, b) => a + b, 0)
  if (state.state === 'done') return { done: total, total, finished: true }
  let done = state.done ?? 0
  const report = (finished: boolean): EncryptionProgress => {
    const p = { done: finished ? total : Math.min(done, total), total, finished }
    options.onProgress?.(p)
    return p
  }
  report(false)
  let tableIndex = state.table ? SEALED_TABLES.indexOf(state.table) : 0
  let after = state.after
  while (tableIndex < SEALED_TABLES.length) {
    if (options.shouldStop?.()) return report(false)
    const name = SEALED_TABLES[tableIndex]!
    const table = db.table(name) as Dexie.Table<Record<string, unknown>, string>
    const moved = await db.transaction('rw', table, db.settings, async () => {
      const rows =
        after === undefined
          ? await table.orderBy(':id').limit(BATCH).toArray()
          : await table.where(':id').above(after).limit(BATCH).toArray()
      const legacy = rows.filter(isLegacyRow)
      // Written back through the codec, which seals them (same ids, same revisions: not an edit).
      if (legacy.length) await table.bulkPut(legacy)
      const last = rows.at(-1)?.id as string | undefined
      const next: EncryptionState =
        rows.length < BATCH && tableIndex === SEALED_TABLES.length - 1
          ? { state: 'done', at: clock().toISOString(), db: db.name }
          : rows.length < BATCH
            ? { state: 'pending', table: SEALED_TABLES[tableIndex + 1], done: done + rows.length }
            : { state: 'pending', table: name, after: last, done: done + rows.length }
      await db.settings.put({ key: ENCRYPTION_STATE_KEY, value: next, updatedAt: clock().toISOString() })
      return { count: rows.length, last, next }
    })
    done += moved.count
    state = moved.next
    if (moved.count < BATCH) {
      tableIndex++
      after = undefined
    } else {
      after = moved.last
    }
    report(false)
    if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs))
  }
  return report(true)
}
