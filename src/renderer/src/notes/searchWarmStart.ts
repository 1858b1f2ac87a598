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
 * What changed is found from the clear updatedAt index without opening a single row, and with
 * bulk key reads only (a cursor over 100,000 index keys takes seconds): every visit whose
 * updatedAt is past the newest the snapshot knows; every id it does not know; and, since a
 * version restored from the trash or merged from elsewhere can carry an earlier time, every
 * visit that is not where the snapshot's own (updatedAt, id) order puts it. The snapshot is
 * written in that order (searchWords.ts), so a visit saved with an earlier time moves out of
 * place and is read again; the one change this cannot see is a visit saved with an earlier time
 * that lands exactly between the same two neighbours.
 */
export async function warmStart(db: NotesDB, ring: KeyRing): Promise<WarmStart | null> {
  const dump = await loadSnapshot(db.name, ring)
  if (!dump) return null
  const newest = dump.updated.reduce((a, b) => (b > a ? b : a), '')
  const [ordered, newer, count] = await db.transaction('r', db.visits, () =>
    Promise.all([
      db.visits.orderBy('updatedAt').primaryKeys(),
      db.visits.where('updatedAt').above(newest).primaryKeys(),
      db.visits.count(),
    ]),
  )
  // A visit without a usable updatedAt is missing from that index: nothing can be compared.
  if (ordered.length !== count) return discard(db)
  const known = new Set(dump.ids)
  const changed = new Set<string>(newer)
  for (const id of ordered) if (!known.has(id)) changed.add(id)
  const present = new Set(ordered)
  const removed = dump.ids.filter((id) => !present.has(id))
  // The visits both know of and that have not visibly changed must be in the same order.
  const expected = dump.ids.filter((id) => present.has(id) && !changed.has(id))
  const actual = ordered.filter((id) => known.has(id) && !changed.has(id))
  expected.forEach((id, i) => {
    if (actual[i] !== id) {
      changed.add(id)
      changed.add(actual[i]!)
    }
  })
  if (changed.size + removed.length > Math.max(50, count * MAX_STALE_SHARE)) return discard(db)
  return { dump, changed: [...changed], removed }
}

async function discard(db: NotesDB): Promise<null> {
  await discardSnapshot(db.name)
  return null
}
