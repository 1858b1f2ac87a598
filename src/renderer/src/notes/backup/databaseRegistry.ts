import Dexie, { type EntityTable } from 'dexie'

/**
 * The app's own small database about its notes databases: which one is open, which ones a
 * restore wrote, when each became complete, when one was set aside. It lives in IndexedDB beside
 * the notes, so clearing localStorage alone cannot send the app back to the records from before
 * a restore. Nothing in it is about a patient.
 */
export const REGISTRY_DB_NAME = 'cramp-clinic-databases'

export interface DatabaseEntry {
  /** The IndexedDB name of a notes database. */
  name: string
  /** When a restore began writing it (absent for the usual database). */
  startedAt?: string
  /** When a restore finished it and its check passed; a database without this is never opened. */
  completedAt?: string
  /** When another database replaced it as the one the app opens. */
  setAsideAt?: string
  /** When the owner removed it (the entry stays as a record of that). */
  removedAt?: string
}

interface Pointer {
  key: 'active'
  name: string
}

export class DatabaseRegistry extends Dexie {
  databases!: EntityTable<DatabaseEntry, 'name'>
  pointer!: EntityTable<Pointer, 'key'>

  constructor(name = REGISTRY_DB_NAME) {
    super(name)
    this.version(1).stores({ databases: 'name', pointer: 'key' })
  }

  async activeName(): Promise<string | undefined> {
    return (await this.pointer.get('active'))?.name
  }

  /** A restore starts writing `name`: listed, but not complete, so never opened. */
  async began(name: string, at: string): Promise<void> {
    await this.databases.put({ name, startedAt: at })
  }

  /** The restore of `name` failed or was cancelled, and the database deleted. */
  async abandoned(name: string): Promise<void> {
    await this.databases.delete(name)
  }

  /**
   * `name` is whole and verified: it becomes the one the app opens, in one transaction with
   * setting aside the one it replaces. One that held nothing (`fromHeldNothing`) is recorded as
   * removed at once: the caller deletes it rather than list an empty database for the owner.
   */
  async switchTo(name: string, from: string, at: string, fromHeldNothing = false): Promise<void> {
    await this.transaction('rw', this.databases, this.pointer, async () => {
      const entry = await this.databases.get(name)
      await this.databases.put({ ...entry, name, completedAt: at })
      if (from !== name) {
        const old = await this.databases.get(from)
        const removed = fromHeldNothing ? { removedAt: at } : {}
        await this.databases.put({ ...old, name: from, setAsideAt: at, ...removed })
      }
      await this.pointer.put({ key: 'active', name })
    })
  }

  /** Adopts an active database named by an older app version (its localStorage pointer). */
  async adopt(name: string, setAside: string[], at: string): Promise<void> {
    await this.transaction('rw', this.databases, this.pointer, async () => {
      if (await this.pointer.get('active')) return
      for (const old of setAside) {
        if (!(await this.databases.get(old))) await this.databases.put({ name: old, setAsideAt: at })
      }
      const entry = await this.databases.get(name)
      await this.databases.put({ ...entry, name, completedAt: entry?.completedAt ?? at })
      await this.pointer.put({ key: 'active', name })
    })
  }
}
