import { DB_NAME } from '../db'
import { DatabaseRegistry } from './databaseRegistry'

/**
 * Which notes database the app opens. A restore writes a NEW database and, only once it is whole
 * and verified, switches to it; the app then reloads. The database it replaced is set aside
 * (kept, listed in Settings → Storage, removed only by the owner).
 *
 * The pointer lives in IndexedDB (databaseRegistry.ts). localStorage holds a copy for tools
 * that read it, never the only one: with localStorage cleared the app still opens the restored
 * database, and a restore that never completed is never opened.
 */
export const ACTIVE_DB_KEY = 'cramp-clinic.activeDatabase'

interface CachedPointer {
  active: string
  previous: string[]
}

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage
}

/** The pointer as an older version kept it, or the cache: localStorage only. */
function readCached(): CachedPointer | null {
  try {
    const raw = storage()?.getItem(ACTIVE_DB_KEY)
    if (!raw) return null
    const p = JSON.parse(raw) as CachedPointer
    return typeof p.active === 'string' && p.active.startsWith(DB_NAME) && Array.isArray(p.previous)
      ? p
      : null
  } catch {
    return null
  }
}

async function writeCache(registry: DatabaseRegistry, active: string): Promise<void> {
  const previous = (await registry.databases.toArray())
    .filter((d) => d.setAsideAt && !d.removedAt)
    .map((d) => d.name)
  try {
    storage()?.setItem(ACTIVE_DB_KEY, JSON.stringify({ active, previous }))
  } catch {
    // Only a copy.
  }
}

async function choose(registry: DatabaseRegistry, now: Date): Promise<string> {
  const pointed = await registry.activeName()
  if (pointed) return pointed
  // No pointer yet: an older version's localStorage pointer is adopted, unless it names a
  // restore this registry knows did not complete.
  const legacy = readCached()
  if (legacy) {
    const entry = await registry.databases.get(legacy.active)
    if (!entry || entry.completedAt) {
      await registry.adopt(legacy.active, legacy.previous, now.toISOString())
      return legacy.active
    }
  }
  // Otherwise the newest restore that completed and was not set aside since.
  const completed = (await registry.databases.toArray())
    .filter((d) => d.completedAt && !d.setAsideAt && !d.removedAt)
    .sort((a, b) => (a.completedAt! < b.completedAt! ? 1 : -1))
  return completed[0]?.name ?? DB_NAME
}

/** The database to open at start (the usual one until a restore has switched). */
export async function resolveActiveDatabase(
  registry: DatabaseRegistry = new DatabaseRegistry(),
  now: Date = new Date(),
): Promise<string> {
  if (typeof indexedDB === 'undefined') return readCached()?.active ?? DB_NAME
  try {
    const name = await choose(registry, now)
    await writeCache(registry, name)
    return name
  } catch {
    // The registry cannot be read (storage refused): the copy, else the usual database.
    return readCached()?.active ?? DB_NAME
  } finally {
    registry.close()
  }
}

/** A restore is about to write `name`: known, but not complete, so never opened. */
export async function beginRestoreDatabase(
  name: string,
  now: Date = new Date(),
  registry: DatabaseRegistry = new DatabaseRegistry(),
): Promise<void> {
  try {
    await registry.began(name, now.toISOString())
  } finally {
    registry.close()
  }
}

/** The restore into `name` failed or was cancelled (its database is gone). */
export async function abandonRestoreDatabase(
  name: string,
  registry: DatabaseRegistry = new DatabaseRegistry(),
): Promise<void> {
  try {
    await registry.abandoned(name)
  } finally {
    registry.close()
  }
}

/**
 * `next` is whole and verified: the app opens it from now on, and `from` is set aside (or, when
 * it held nothing, recorded as removed: the caller deletes it).
 */
export async function switchActiveDatabase(
  next: string,
  from: string,
  now: Date = new Date(),
  registry: DatabaseRegistry = new DatabaseRegistry(),
  fromHeldNothing = false,
): Promise<void> {
  try {
    await registry.switchTo(next, from, now.toISOString(), fromHeldNothing)
    await writeCache(registry, next)
  } finally {
    registry.close()
  }
}

/** A fresh name for a restore's new database. */
export function newRestoreDatabaseName(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, 14)
  return `${DB_NAME}-restored-${stamp}-${Math.random().toString(36).slice(2, 8)}`
}
