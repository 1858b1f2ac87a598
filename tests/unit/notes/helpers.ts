import 'fake-indexeddb/auto'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'

let n = 0

/** A fresh database and repository with a clock that moves one second per call. */
export function freshRepo(
  start = Date.parse('2026-11-21T09:00:00.000Z'),
  idPrefix = 'id-',
): {
  db: NotesDB
  repo: NotesRepository
} {
  const db = new NotesDB(`test-notes-${process.pid}-${++n}-${Math.random()}`)
  let t = start
  let id = 0
  const repo = new NotesRepository(
    db,
    () => new Date((t += 1000)),
    () => `${idPrefix}${String(++id).padStart(6, '0')}`,
  )
  return { db, repo }
}

/** Every row of every table, for "the database is exactly as it was" checks. */
export async function dump(db: NotesDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) out[table.name] = await table.toArray()
  return out
}
