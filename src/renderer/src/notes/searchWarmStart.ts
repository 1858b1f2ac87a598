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
 * while the clock was wrong) is not among them: `changedUnseen` finds those afterwards, as reading
 * the whole updatedAt index takes seconds at 100,000 visits (Chromium checks each index entry
 * against its row) and the first search need not wait for it.
 */
export async function warmStart(db: NotesDB, ring: KeyRing): Promise<WarmStart | null> {
  const dump = await loadSnapshot(db.name, ring)
  if (!dump) return null
  // The snapshot is written in updatedAt order (searchWords.ts): its newest time is its last.
  const newest = dump.updated.at(-1) ?? ''
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
 * The visits a warm start could not see: saved with an earlier time than the newest it knew, so
 * their updatedAt now differs from the one the snapshot holds while staying below that newest
 * one; and any visit missing from the updatedAt index. Read from that index a page at a time,
 * each page its own short transaction: one pass over 100,000 entries takes seconds, and
 * IndexedDB answers requests one after another, so a single long read would hold up opening a
 * visit or a search for all that time. Pages follow the snapshot's own times, which are sorted
 * (searchWords.ts); `stillWanted` stops the pass early (a lock, a reset).
 */
export async function changedUnseen(
  db: NotesDB,
  start: WarmStart,
  stillWanted: () => boolean = () => true,
  pageSize = 2000,
): Promise<string[]> {
  const { dump } = start
  const updatedOf = new Map(dump.ids.map((id, i) => [id, dump.updated[i]]))
  const already = new Set([...start.changed, ...start.removed])
  const bounds: string[] = []
  for (let i = pageSize; i < dump.updated.length; i += pageSize) {
    const b = dump.updated[i]!
    if (b !== bounds.at(-1)) bounds.push(b)
  }
  const seen = new Set<string>()
  const out = new Set<string>()
  for (let p = 0; p <= bounds.length; p++) {
    if (!stillWanted()) return []
    const lo = bounds[p - 1]
    const hi = bounds[p]
    const byTime = db.visits.where('updatedAt')
    const page =
      lo === undefined && hi === undefined
        ? db.visits.orderBy('updatedAt')
        : lo === undefined
          ? byTime.below(hi!)
          : hi === undefined
            ? byTime.aboveOrEqual(lo)
            : byTime.between(lo, hi, true, false)
    await db.transaction('r', db.visits, () =>
      page.eachKey((time, cursor) => {
        const id = cursor.primaryKey as string
        seen.add(id)
        if (!already.has(id) && updatedOf.get(id) !== time) out.add(id)
      }),
    )
    // Lets requests made meanwhile (a visit opened, a search) be answered between pages.
    await new Promise((r) => setTimeout(r, 0))
  }
  // Not in the updatedAt index at all (no usable time), or moved between pages as they were
  // read: read again either way.
  for (const id of dump.ids) if (!seen.has(id) && !already.has(id)) out.add(id)
  return [...out]
}

async function discard(db: NotesDB): Promise<null> {
  await discardSnapshot(db.name)
  return null
}
