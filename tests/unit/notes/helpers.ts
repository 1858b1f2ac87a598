import 'fake-indexeddb/auto'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import type { Author } from '../../../src/renderer/src/notes/version'
import { createDataKey, deriveKeyRing, type KeyRing } from '../../../src/renderer/src/security/keyring'

/** One clinic key for the test run: every test database is encrypted at rest, as in the app. */
export const testRing: KeyRing = await deriveKeyRing(await createDataKey())

/** A notes database sealed with the test key (or with `ring`; null: unencrypted). */
export function sealedDb(name: string, ring: KeyRing | null = testRing): NotesDB {
  const db = new NotesDB(name)
  db.keySource = ring ? () => ring : null
  return db
}

let n = 0

export interface TestRepo {
  db: NotesDB
  repo: NotesRepository
  /** Moves this repository's clock on (it also moves one second per reading). */
  advance(ms: number): void
  /** Another window (or, with `device`, another computer) writing to the same database. */
  window(options?: { device?: string; start?: number }): NotesRepository
}

/** A fresh database and repository with a clock that moves one second per call. */
export function freshRepo(start = Date.parse('2026-11-21T09:00:00.000Z'), prefix?: string): TestRepo {
  // Each database (each "computer") makes ids of its own, as random ids would be in the app.
  const idPrefix = prefix ?? `db${n + 1}-`
  const db = sealedDb(`test-notes-${process.pid}-${++n}-${Math.random()}`)
  let t = start
  let id = 0
  const nextId = (): string => `${idPrefix}${String(++id).padStart(6, '0')}`
  const me: Author = { device: `device-${n}`, window: 'window-1', authorId: null }
  const repo = new NotesRepository(db, () => new Date((t += 1000)), nextId, me)
  let windows = 1
  return {
    db,
    repo,
    advance: (ms) => {
      t += ms
    },
    window(options = {}) {
      let own = options.start ?? t
      return new NotesRepository(db, () => new Date((own += 1000)), nextId, {
        device: options.device ?? me.device,
        window: `window-${++windows}`,
        authorId: null,
      })
    },
  }
}

/** Every row of every table, for "the database is exactly as it was" checks. */
export async function dump(db: NotesDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) out[table.name] = await table.toArray()
  return out
}
