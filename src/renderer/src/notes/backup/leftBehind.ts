import Dexie from 'dexie'
import { snapshotDatabaseName } from '../searchSnapshot'

/**
 * Tidying after a restore has switched databases: what the replaced database leaves behind and
 * nobody will open again. Deletion waits at most `waitMs`: another window still holding the
 * database open blocks it, and the restore must finish all the same (what is left is harmless,
 * as below, and `removeSetAside` tries again).
 */

/**
 * Whether a database holds nothing anyone entered: no clinic, and no row in any table but the
 * app's own settings. A fresh install replaced by a restore is such a one; keeping it "set aside"
 * would only list an empty database for the owner to puzzle over.
 */
export async function holdsNothing(db: Dexie): Promise<boolean> {
  for (const t of db.tables) {
    if (t.name === 'settings') continue
    if ((await t.limit(1).count()) > 0) return false
  }
  return true
}

/** Deletes a database, giving up after `waitMs` if another connection blocks it. */
export async function deleteDatabase(name: string, waitMs = 2000): Promise<boolean> {
  const deleted = Dexie.delete(name).then(
    () => true,
    () => false,
  )
  return Promise.race([deleted, new Promise<boolean>((r) => setTimeout(() => r(false), waitMs))])
}

/**
 * The sealed note-search snapshot of a database no longer in use: sealed, and bound to that
 * database's name so it could never be loaded for another, but still a copy of its words.
 */
export function deleteSearchSnapshot(dbName: string, waitMs?: number): Promise<boolean> {
  return deleteDatabase(snapshotDatabaseName(dbName), waitMs)
}
