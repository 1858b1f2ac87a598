import type { Transaction } from 'dexie'
import type { HandoutRow, Patient, TrashEntry, Visit } from './model'
import { contentOf, earlierVersion } from './version'

/**
 * From the records of schema version 1 (and backup format 1) to today's: each patient and visit
 * gets its version fields (a rev derived from its content, see version.ts), and the handouts
 * kept inside each visit move to their own table.
 */

/** Keys that are not part of what a user wrote, left out of the content a rev is derived from. */
const PATIENT_DERIVED = ['nameWords', 'chartKey', 'listOrder', 'lastVisitAt'] as const
const VISIT_DERIVED = ['words', 'handouts'] as const

type Raw = Record<string, unknown> & { revision: number; updatedAt: string }

export function earlierPatient<T extends Raw>(raw: T): T & Patient {
  return Object.assign(raw, earlierVersion(raw, contentOf(raw, PATIENT_DERIVED))) as T & Patient
}

/** The visit with its version fields; its handouts are taken out and returned beside it. */
export function earlierVisit<T extends Raw>(raw: T): { visit: T & Visit; handouts: HandoutRow[] } {
  const given = (raw['handouts'] ?? []) as Omit<HandoutRow, 'visitId' | 'patientId'>[]
  const handouts = given.map((h) => ({
    ...h,
    visitId: raw['id'] as string,
    patientId: raw['patientId'] as string,
  }))
  const meta = earlierVersion(raw, contentOf(raw, VISIT_DERIVED))
  delete raw['handouts']
  return { visit: Object.assign(raw, meta) as T & Visit, handouts }
}

/** A trash entry of version 1, upgraded in place; returns the handouts of its visits. */
export function earlierTrashEntry(entry: Record<string, unknown>): HandoutRow[] {
  const out: HandoutRow[] = []
  const e = entry as unknown as TrashEntry
  if (e.kind === 'patient') {
    earlierPatient(e.patient as unknown as Raw)
    for (const v of e.visits) out.push(...earlierVisit(v as unknown as Raw).handouts)
  } else {
    out.push(...earlierVisit(e.visit as unknown as Raw).handouts)
  }
  return out
}

export async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const handouts: HandoutRow[] = []
  await tx
    .table('patients')
    .toCollection()
    .modify((row: Raw) => {
      earlierPatient(row)
    })
  await tx
    .table('visits')
    .toCollection()
    .modify((row: Raw) => {
      handouts.push(...earlierVisit(row).handouts)
    })
  await tx
    .table('trash')
    .toCollection()
    .modify((entry: Record<string, unknown>) => {
      handouts.push(...earlierTrashEntry(entry))
    })
  await tx.table('handouts').bulkPut(handouts)
}
