import Dexie from 'dexie'
import type { AuditEvent } from '../../audit/model'
import { assertCan, type Role } from '../../security/policy'
import { DatabaseRegistry } from './databaseRegistry'
import { deleteSearchSnapshot } from './leftBehind'

/** A notes database a restore replaced: kept on disk until the owner removes it. */
export interface SetAsideDatabase {
  name: string
  setAsideAt: string
  /** Counted from the row keys without opening a record; null when it cannot be read. */
  patients: number | null
  visits: number | null
}

/** Rows of a table, counted from its keys (nothing is decrypted); null when there is none. */
async function countsOf(name: string): Promise<{ patients: number | null; visits: number | null }> {
  if (!(await Dexie.exists(name))) return { patients: null, visits: null }
  // A plain connection at whatever version it has: an old database is read, never upgraded.
  const db = new Dexie(name)
  try {
    await db.open()
    const count = async (table: string): Promise<number | null> =>
      db.tables.some((t) => t.name === table) ? db.table(table).count() : null
    return { patients: await count('patients'), visits: await count('visits') }
  } catch {
    return { patients: null, visits: null }
  } finally {
    db.close()
  }
}

/** The databases set aside by restores and not removed, newest first; never the one in use. */
export async function listSetAside(
  registry: DatabaseRegistry = new DatabaseRegistry(),
): Promise<SetAsideDatabase[]> {
  try {
    const active = await registry.activeName()
    const entries = (await registry.databases.toArray())
      .filter((d) => d.setAsideAt && !d.removedAt && d.name !== active)
      .sort((a, b) => (a.setAsideAt! < b.setAsideAt! ? 1 : -1))
    const out: SetAsideDatabase[] = []
    for (const d of entries) {
      if (!(await Dexie.exists(d.name))) continue
      out.push({ name: d.name, setAsideAt: d.setAsideAt!, ...(await countsOf(d.name)) })
    }
    return out
  } finally {
    registry.close()
  }
}

export class DatabaseRemovalError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseRemovalError'
  }
}

export interface RemoveRequest {
  name: string
  /** Who is signed in: only the owner may remove (security/policy.ts, `database.remove`). */
  actor: { id: string; role: Role } | null
  /** The database this window has open: never removed, whatever the registry says. */
  inUse: string
  audit(event: AuditEvent): Promise<void>
  registry?: DatabaseRegistry
  now?: Date
}

/**
 * Deletes a database a restore set aside, for good, and records that in the audit trail. Refuses
 * anyone but the owner, the database in use, and any database not set aside by a restore.
 */
export async function removeSetAside(r: RemoveRequest): Promise<void> {
  assertCan(r.actor?.role, 'database.remove')
  const registry = r.registry ?? new DatabaseRegistry()
  try {
    const entry = await registry.databases.get(r.name)
    if (r.name === r.inUse || r.name === (await registry.activeName())) {
      throw new DatabaseRemovalError('This is the database in use: it cannot be removed.')
    }
    if (!entry?.setAsideAt || entry.removedAt) {
      throw new DatabaseRemovalError('That database was not set aside by a restore, so it was not removed.')
    }
    const counts = await countsOf(r.name)
    await Dexie.delete(r.name)
    // Normally gone since the restore; tried again in case another window blocked it then.
    await deleteSearchSnapshot(r.name)
    const at = (r.now ?? new Date()).toISOString()
    await registry.databases.put({ ...entry, removedAt: at })
    await r.audit({
      kind: 'database.removed',
      actorId: r.actor!.id,
      detail: { name: r.name, setAsideAt: entry.setAsideAt, ...counts },
    })
  } finally {
    if (!r.registry) registry.close()
  }
}
