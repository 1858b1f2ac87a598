import type { RepoContext } from '../context'
import type { NotesDB } from '../db'
import { toPatientRow, toVisitRow } from '../rows'
import { compareVersions, type Versioned } from '../version'
import { CHUNK, LOCAL_SETTING_KEYS, type ParsedBackup } from './format'

/**
 * Replaces the clinic's records with the backup's; the caller runs it inside one transaction
 * over every table. Settings that describe this computer stay, and so do crash copies of
 * unsaved text (they are put back, or kept beside, when their record is opened).
 */
export async function replaceWithBackup(ctx: RepoContext, backup: ParsedBackup): Promise<void> {
  const { db } = ctx
  const { data } = backup
  const keepLocal = (await db.settings.toArray()).filter((s) => LOCAL_SETTING_KEYS.has(s.key))
  await Promise.all(
    [db.patients, db.visits, db.trash, db.settings, db.handoutTemplates, db.handouts, db.history].map((t) =>
      t.clear(),
    ),
  )
  const lastVisit = new Map<string, string>()
  for (const v of data.visits) {
    const prev = lastVisit.get(v.patientId)
    if (!prev || v.dateTime > prev) lastVisit.set(v.patientId, v.dateTime)
  }
  await db.patients.bulkAdd(
    data.patients.map((p) => toPatientRow({ ...p, lastVisitAt: lastVisit.get(p.id) ?? null })),
  )
  for (let i = 0; i < data.visits.length; i += CHUNK) {
    await db.visits.bulkAdd(data.visits.slice(i, i + CHUNK).map(toVisitRow))
  }
  for (let i = 0; i < data.history.length; i += CHUNK) {
    await db.history.bulkAdd(data.history.slice(i, i + CHUNK))
  }
  await db.trash.bulkAdd(data.trash)
  await db.handouts.bulkAdd(data.handouts)
  await db.settings.bulkAdd([...data.settings.filter((s) => !LOCAL_SETTING_KEYS.has(s.key)), ...keepLocal])
  await db.handoutTemplates.bulkAdd(data.handoutTemplates)
}

/** What "replace" would take away from this computer. */
export interface ReplaceLoss {
  /** Patients here that the backup does not hold, or holds only in an earlier or other version. */
  patients: number
  /** Visits here that the backup does not hold, or holds only in an earlier or other version. */
  visits: number
}

/**
 * Counts the records a replace would lose: those here that the backup lacks, or whose version
 * here the backup's copy does not contain (edited here after the backup, or elsewhere apart).
 */
export async function replaceLosses(db: NotesDB, backup: ParsedBackup): Promise<ReplaceLoss> {
  const inBackup = (records: Versioned[] & { id: string }[]): Map<string, Versioned> =>
    new Map(records.map((r) => [(r as unknown as { id: string }).id, r]))
  const patients = inBackup(backup.data.patients)
  const visits = inBackup(backup.data.visits)
  const loss: ReplaceLoss = { patients: 0, visits: 0 }
  const lost = (here: Versioned & { id: string }, theirs: Map<string, Versioned>): boolean => {
    const copy = theirs.get(here.id)
    return !copy || !['same', 'older'].includes(compareVersions(here, copy))
  }
  await db.transaction('r', db.patients, db.visits, async () => {
    for (const row of await db.patients.toArray()) {
      if (lost(row, patients)) loss.patients++
    }
    for (const row of await db.visits.toArray()) {
      if (lost(row, visits)) loss.visits++
    }
  })
  return loss
}
