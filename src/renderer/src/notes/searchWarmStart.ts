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
  /** Visits added or saved since the snapshot (or possibly so): to be read and indexed again. */
  changed: string[]
  /** Visits in the snapshot that are gone (trashed, deleted). */
  removed: string[]
}

/**
 * The saved index and what changed since it was written, or null: no snapshot, one that does
 * not open, or one stale beyond reason.
 *
 * What changed is found without opening a single row: every visit whose updatedAt is past the
 * newest the snapshot knows (a short range of the updatedAt index), every id it does not know
 * and every id it knows that is gone (the store's own keys, read in bulk). A visit saved with an
 * earlier time (restored from the trash with its old time, merged from another computer, saved
 * while the clock was wrong) is not among them: `outOfOrder` finds those afterwards, as reading
 * the whole updatedAt index takes seconds at 100,000 visits (Chromium checks each index entry
 * against its row) and the first search need not wait for it.
 */
export async function warmStart(db: NotesDB, ring: KeyRing): Promise<WarmStart | null> {
  const dump = await loadSnapshot(db.name, ring)
  if (!dump) return null
  const newest = dump.updated.reduce((a, b) => (b > a ? b : a), '')
  const [keys, newer] = await db.transaction('r', db.visits, () =>
    Promise.all([
      db.visits.toCollection().primaryKeys(),
      db.visits.where('updatedAt').above(newest).primaryKeys(),
    ]),
  )
  const known = new Set(dump.ids)
  const changed = new Set<string>(newer)
  for (const id of keys) if (!known.has(id)) changed.add(id)
  const present = new Set(keys)
  const removed = dump.ids.filter((id) => !present.has(id))
  if (changed.size + removed.length > Math.max(50, keys.length * MAX_STALE_SHARE)) return discard(db)
  return { dump, changed: [...changed], removed }
}

/**
 * The visits a warm start could not see: saved with an earlier time, so no longer where the
 * snapshot's own (updatedAt, id) order puts them (the snapshot is written in that order,
 * searchWords.ts). The one change this cannot see is a visit saved with an earlier time that
 * lands exactly between the same two neighbours. 'rebuild' when some visit is missing from the
 * updatedAt index, so nothing can be compared.
 */
export async function outOfOrder(db: NotesDB, start: WarmStart): Promise<string[] | 'rebuild'> {
  const [ordered, count] = await db.transaction('r', db.visits, () =>
    Promise.all([db.visits.orderBy('updatedAt').primaryKeys(), db.visits.count()]),
  )
  if (ordered.length !== count) return 'rebuild'
  const known = new Set(start.dump.ids)
  const changed = new Set(start.changed)
  const present = new Set(ordered)
  // The visits both know of and that have not visibly changed must be in the same order.
  const expected = start.dump.ids.filter((id) => present.has(id) && !changed.has(id))
  const actual = ordered.filter((id) => known.has(id) && !changed.has(id))
  const out = new Set<string>()
  expected.forEach((id, i) => {
    if (actual[i] !== id) {
      out.add(id)
      if (actual[i] !== undefined) out.add(actual[i])
    }
  })
  return [...out]
}

async function discard(db: NotesDB): Promise<null> {
  await discardSnapshot(db.name)
  return null
}
