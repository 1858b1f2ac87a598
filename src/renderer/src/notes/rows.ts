import { fold, indexTokens, words } from './text'
import type { PatientRow, VisitRow } from './db'
import type { Patient, Visit } from './model'

/** Adds the index keys a patient is stored with. */
export function toPatientRow(patient: Patient): PatientRow {
  return {
    ...patient,
    nameWords: [...new Set(words(patient.name))],
    chartKey: fold(patient.chartNumber.trim()),
    listOrder: patient.lastVisitAt ?? patient.createdAt,
  }
}

export function fromPatientRow(row: PatientRow): Patient {
  const { nameWords: _n, chartKey: _c, listOrder: _l, ...patient } = row
  // Rows written before the feet-at-risk mark existed have none: not marked.
  return { ...patient, feetAtRisk: patient.feetAtRisk ?? false }
}

/** Adds the full-text words a visit is stored with. */
export function toVisitRow(visit: Visit): VisitRow {
  return { ...visit, words: indexTokens(visit.reason, visit.note, visit.plan) }
}

export function fromVisitRow(row: VisitRow): Visit {
  const { words: _w, ...visit } = row
  return visit
}
