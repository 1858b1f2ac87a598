import { DB_NAME } from '../db'

/**
 * Which notes database the app opens. A restore writes a NEW database and, only once it is whole
 * and verified, points here at it; the app then reloads. The database it replaced is kept (never
 * deleted silently): its name stays listed under `previous`.
 */
export const ACTIVE_DB_KEY = 'cramp-clinic.activeDatabase'

interface Pointer {
  active: string
  previous: string[]
}

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage
}

function read(): Pointer | null {
  try {
    const raw = storage()?.getItem(ACTIVE_DB_KEY)
    if (!raw) return null
    const p = JSON.parse(raw) as Pointer
    return typeof p.active === 'string' && p.active.startsWith(DB_NAME) && Array.isArray(p.previous)
      ? p
      : null
  } catch {
    return null
  }
}

/** The database to open at start (the usual one until a restore has switched). */
export function activeDatabaseName(): string {
  return read()?.active ?? DB_NAME
}

/** Databases replaced by restores, newest last: kept on disk, never deleted by the app. */
export function previousDatabases(): string[] {
  return read()?.previous ?? []
}

export function switchActiveDatabase(next: string): void {
  const current = activeDatabaseName()
  const previous = [...previousDatabases(), current].filter((n) => n !== next)
  storage()?.setItem(ACTIVE_DB_KEY, JSON.stringify({ active: next, previous }))
}

/** A fresh name for a restore's new database. */
export function newRestoreDatabaseName(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, 14)
  return `${DB_NAME}-restored-${stamp}-${Math.random().toString(36).slice(2, 8)}`
}
