import Dexie from 'dexie'
import type { NotesDB } from './db'
import type { Visit } from './model'
import { fromVisitRow } from './rows'

/** A visit left unsigned longer than this is listed for its author after sign-in. */
export const UNSIGNED_AFTER_MS = 24 * 60 * 60 * 1000

export interface UnsignedDraft {
  visit: Visit
  patientName: string
}

/**
 * Visits last saved by `authorId`, started more than a day before `now`, and not signed: notes
 * their author meant to finish. Found through the visits' index by author and creation time
 * (schema version 4); it runs after sign-in, off the first screen.
 */
export async function unsignedDrafts(
  db: NotesDB,
  authorId: string,
  now: Date,
  olderThanMs = UNSIGNED_AFTER_MS,
): Promise<UnsignedDraft[]> {
  const cutoff = now.getTime() - olderThanMs
  // Index by author (schema version 4): only this person's visits are read and opened.
  const rows = (
    await db.visits
      .where('[savedBy.authorId+createdAt]')
      .between([authorId, Dexie.minKey], [authorId, Dexie.maxKey])
      .toArray()
  ).filter((v) => Date.parse(v.createdAt) <= cutoff)
  if (!rows.length) return []
  const signed = await db.table<unknown, string>('signatures').bulkGet(rows.map((r) => r.id))
  const open = rows.filter((_, i) => !signed[i])
  const patients = await db.patients.bulkGet([...new Set(open.map((r) => r.patientId))])
  const names = new Map(patients.flatMap((p) => (p ? [[p.id, p.name] as const] : [])))
  return open
    .filter((r) => names.has(r.patientId))
    .map((r) => ({ visit: fromVisitRow(r), patientName: names.get(r.patientId)! }))
    .sort((a, b) => a.visit.createdAt.localeCompare(b.visit.createdAt))
}
