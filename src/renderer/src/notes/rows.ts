import { indexTokens } from './text'
import type { PatientRow, VisitRow } from './db'
import type { Patient, Visit } from './model'

/**
 * A record as the tables take it. The index keys and the encryption of what the record holds are
 * added below this, at the storage boundary (rowSealing.ts, sealMiddleware.ts).
 */
export function toPatientRow(patient: Patient): PatientRow {
  return { ...patient, listOrder: patient.lastVisitAt ?? patient.createdAt }
}

export function fromPatientRow(row: PatientRow): Patient {
  const { listOrder: _l, ...patient } = row
  // Rows written before the feet-at-risk mark existed have none: not marked.
  return { ...patient, feetAtRisk: patient.feetAtRisk ?? false }
}

/**
 * Adds the full-text words a visit is stored with (sealed with the rest of the visit), so the
 * in-memory search index (searchIndex.ts) is built without folding every note again.
 */
export function toVisitRow(visit: Visit): VisitRow {
  return { ...visit, words: indexTokens(visit.reason, visit.note, visit.plan) }
}

export function fromVisitRow(row: VisitRow): Visit {
  const { words: _w, ...visit } = row
  return visit
}
