import Dexie from 'dexie'
import { ENCRYPTION_STATE_KEY, type EncryptionState } from './encryptInPlace'

/** The newest schema version of the notes database (db.ts declares it). */
export const LATEST_SCHEMA = 5

/**
 * Whether the database called `name` may be opened at schema version 5, which drops the clear
 * indexes (patient name words, chart number, birth date) that version 4 kept for rows not yet
 * sealed. An upgrade runs at open, before anyone signs in, so it cannot seal rows itself (no key,
 * and WebCrypto cannot run inside the upgrade's transaction); dropping the indexes under a row
 * still in clear would leave that patient impossible to find by name, chart or birth date. So a
 * database goes to version 5 only once encryptInPlace.ts has recorded, in that same database,
 * that every row is sealed; until then it opens at version 4, and the next start after the
 * encryption finished upgrades it. Yes also for a database that does not exist yet (nothing to
 * seal) or is already at version 5 (it cannot go back). Any doubt answers no: staying at
 * version 4 loses nothing.
 */
export async function clearIndexesMayGo(name: string): Promise<boolean> {
  const raw = new Dexie(name)
  try {
    await raw.open()
  } catch (e) {
    return e instanceof Error && e.name === Dexie.errnames.NoSuchDatabase
  }
  try {
    if (raw.verno >= LATEST_SCHEMA) return true
    if (raw.verno < 4 || !raw.tables.some((t) => t.name === 'settings')) return false
    const row = (await raw.table('settings').get(ENCRYPTION_STATE_KEY)) as
      { value?: EncryptionState } | undefined
    // "done" is true only of the database it names: a restored copy carries its source's setting.
    return row?.value?.state === 'done' && row.value.db === name
  } catch {
    return false
  } finally {
    raw.close()
  }
}
