import type { NotesDB, PatientRow } from './db'
import { parseTypedDate } from './dates'
import type { Patient } from './model'
import { fromPatientRow } from './rows'
import { fold } from './text'

export interface PatientPage {
  patients: Patient[]
  total: number
}

/** A page of the patient list, newest visit first (patients without visits by creation). */
export async function listPatients(db: NotesDB, offset = 0, limit = 50): Promise<PatientPage> {
  const [rows, total] = await Promise.all([
    db.patients.orderBy('listOrder').reverse().offset(offset).limit(limit).toArray(),
    db.patients.count(),
  ])
  return { patients: rows.map(fromPatientRow), total }
}

/**
 * Patients matching a name (any word of it, by prefix), a chart number (prefix) or a date of
 * birth (YYYY-MM-DD, or DD/MM/YYYY typed the usual way), sorted by last visit.
 */
export async function findPatients(db: NotesDB, query: string, limit = 50): Promise<Patient[]> {
  const q = query.trim()
  if (!q) return (await listPatients(db, 0, limit)).patients
  const found = new Map<string, PatientRow>()
  const dob = parseTypedDate(q)
  if (dob) {
    for (const row of await db.patients.where('dateOfBirth').equals(dob).toArray()) found.set(row.id, row)
  }
  for (const row of await db.patients.where('chartKey').startsWith(fold(q)).limit(limit).toArray()) {
    found.set(row.id, row)
  }
  const terms = fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  if (terms.length) {
    const [first, ...rest] = [...terms].sort((a, b) => b.length - a.length)
    const rows = await db.patients
      .where('nameWords')
      .startsWith(first!)
      .distinct()
      .filter((row) => rest.every((t) => row.nameWords.some((w) => w.startsWith(t))))
      .limit(500)
      .toArray()
    for (const row of rows) found.set(row.id, row)
  }
  return [...found.values()]
    .sort((a, b) => (a.listOrder < b.listOrder ? 1 : a.listOrder > b.listOrder ? -1 : 0))
    .slice(0, limit)
    .map(fromPatientRow)
}
