import type { NotesDB, PatientRow } from './db'
import { parseTypedDate } from './dates'
import type { Patient } from './model'
import { fromPatientRow } from './rows'
import { birthDateLookup, chartLookup, nameLookup } from './rowSealing'
import { fold, words } from './text'

export interface PatientPage {
  patients: Patient[]
}

/** A page of the patient list, newest visit first (patients without visits by creation). */
export async function listPatients(db: NotesDB, offset = 0, limit = 50): Promise<PatientPage> {
  // Keys first, then the rows: an offset walks a cursor, and rows of a sealed table are opened
  // only through get/bulkGet/toArray (sealMiddleware.ts).
  const ids = await db.patients.orderBy('listOrder').reverse().offset(offset).limit(limit).primaryKeys()
  const rows = (await db.patients.bulkGet(ids)).filter((r): r is PatientRow => r !== undefined)
  return { patients: rows.map(fromPatientRow) }
}

/**
 * How many patients there are. Apart from the page on purpose: IndexedDB counts by walking every
 * row, about 350 ms at 100,000 sealed patients against 11 ms for the page, so the list shows its
 * first page at once and the count when it comes (bench: notes-backup).
 */
export function countPatients(db: NotesDB): Promise<number> {
  return db.patients.count()
}

/** The open key ring, or null for an unencrypted database (throws LockedError while locked). */
function ringOf(db: NotesDB) {
  return db.keySource ? db.keySource() : null
}

/**
 * Whether the clear indexes of schema version 4 are there: only while rows written before
 * encryption may still be in clear (db.ts, schemaGate.ts); version 5 has dropped them.
 */
async function hasClearIndexes(db: NotesDB): Promise<boolean> {
  if (!db.isOpen()) await db.open()
  return 'nameWords' in db.patients.schema.idxByName
}

/**
 * Patients matching a name (any word of it, by prefix), a chart number (prefix) or a date of
 * birth (YYYY-MM-DD, or DD/MM/YYYY typed the usual way), sorted by last visit. Lookups go by the
 * keyed index tokens (rowSealing.ts); a term longer than what is indexed, and every further word
 * typed, is checked against the opened rows. Rows not yet encrypted (encryptInPlace.ts) are
 * found through the clear indexes they still have, in a database still at schema version 4.
 */
export async function findPatients(db: NotesDB, query: string, limit = 50): Promise<Patient[]> {
  const q = query.trim()
  if (!q) return (await listPatients(db, 0, limit)).patients
  const ring = ringOf(db)
  const clear = await hasClearIndexes(db)
  const found = new Map<string, PatientRow>()
  const add = (rows: PatientRow[]): void => rows.forEach((r) => found.set(r.id, r))
  const dob = parseTypedDate(q)
  if (dob) {
    add(
      await db.patients
        .where('dobToken')
        .equals(await birthDateLookup(ring, dob))
        .toArray(),
    )
    if (clear) add(await db.patients.where('dateOfBirth').equals(dob).toArray())
  }
  const chart = await chartLookup(ring, q)
  if (chart) {
    const rows = await db.patients.where('chartTokens').equals(chart.token).limit(500).toArray()
    add(rows.filter((r) => !chart.recheck || fold(r.chartNumber.trim()).startsWith(chart.term)))
    if (clear) add(await db.patients.where('chartKey').startsWith(fold(q)).limit(limit).toArray())
  }
  const terms = await nameLookup(ring, q)
  if (terms.length) {
    const [first] = [...terms].sort((a, b) => b.term.length - a.term.length)
    const candidates = [
      ...(await db.patients.where('nameTokens').equals(first!.token).limit(500).toArray()),
      ...(clear ? await db.patients.where('nameWords').startsWith(first!.term).limit(500).toArray() : []),
    ]
    add(
      candidates.filter((row) => {
        const nameWords = words(row.name)
        return terms.every((t) => nameWords.some((w) => w.startsWith(t.term)))
      }),
    )
  }
  return [...found.values()]
    .sort((a, b) => (a.listOrder < b.listOrder ? 1 : a.listOrder > b.listOrder ? -1 : 0))
    .slice(0, limit)
    .map(fromPatientRow)
}
