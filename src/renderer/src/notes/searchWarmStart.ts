import type { NotesDB } from './db'
import type { KeyRing } from '../security/keyring'
import { discardSnapshot, loadSnapshot, type IndexDump } from './searchSnapshot'

/**
 * Past this share of visits changed since the snapshot, it is discarded and the index rebuilt:
 * such a snapshot saves little, and a database that changed that much (a restore, another
 * computer's copy) is better read afresh than patched.
 */
export const MAX_STALE_SHARE = 0.25

export interface WarmStart {
  dump: IndexDump
  /** Visits added or saved since the snapshot: to be read and indexed again. */
  changed: string[]
  /** Visits in the snapshot that are gone (trashed, deleted). */
  removed: string[]
}

/**
 * The saved index and what changed since it was written, or null: no snapshot, one that does
 * not open, or one stale beyond reason. Changes are found by comparing every visit's id and
 * updatedAt (clear index keys, read without opening a single row) with the snapshot's: equality,
 * not order, so a version restored with an earlier time is caught as well.
 */
export async function warmStart(db: NotesDB, ring: KeyRing): Promise<WarmStart | null> {
  const dump = await loadSnapshot(db.name, ring)
  if (!dump) return null
  const [updated, ids, count] = await db.transaction('r', db.visits, () =>
    Promise.all([
      db.visits.orderBy('updatedAt').keys(),
      db.visits.orderBy('updatedAt').primaryKeys(),
      db.visits.count(),
    ]),
  )
  // A visit without a usable updatedAt is missing from that index: nothing can be compared.
  if (ids.length !== count) return discard(db)
  const known = new Map<string, string>()
  dump.ids.forEach((id, i) => known.set(id, dump.updated[i]!))
  const changed: string[] = []
  const present = new Set<string>()
  ids.forEach((id, i) => {
    present.add(id)
    if (known.get(id) !== updated[i]) changed.push(id)
  })
  const removed = dump.ids.filter((id) => !present.has(id))
  if (changed.length + removed.length > Math.max(50, count * MAX_STALE_SHARE)) return discard(db)
  return { dump, changed, removed }
}

async function discard(db: NotesDB): Promise<null> {
  await discardSnapshot(db.name)
  return null
}
