import type { RepoContext } from './context'
import type { NotesDB } from './db'
import { emptyPatientInput, type Patient, type TrashEntry } from './model'
import { refreshLastVisit } from './records'
import { fromVisitRow, toPatientRow } from './rows'
import { visitsChanged } from './searchIndex'
import { firstVersion } from './version'

/** Visits that are in use while their patient is not (a merge of older versions could leave them). */
export async function orphanVisits(db: NotesDB): Promise<{ visitId: string; patientId: string }[]> {
  const patientIds = (await db.visits.orderBy('patientId').uniqueKeys()) as string[]
  const patients = await db.patients.bulkGet(patientIds)
  const missing = patientIds.filter((_, i) => !patients[i])
  if (!missing.length) return []
  // One equality query per patient: anyOf() walks a cursor, which cannot open sealed rows.
  const rows = (
    await Promise.all(missing.map((id) => db.visits.where('patientId').equals(id).toArray()))
  ).flat()
  return rows.map((v) => ({ visitId: v.id, patientId: v.patientId }))
}

export interface RepairReport {
  /** Visits moved into the trash with their patient, who was there. */
  toTrash: number
  /** Patients made again (name unknown) because their visits were here and they were not anywhere. */
  remade: number
}

/**
 * Makes the records whole again: a visit whose patient is in the trash joins them there; a
 * visit whose patient is nowhere gets a patient again, named so staff see what happened, so the
 * note can be opened, exported and restored. Nothing is deleted.
 */
export async function repairOrphans(ctx: RepoContext): Promise<RepairReport> {
  const { db } = ctx
  const report: RepairReport = { toTrash: 0, remade: 0 }
  const moved: string[] = []
  await db.transaction('rw', [db.patients, db.visits, db.trash], async () => {
    const orphans = await orphanVisits(db)
    const byPatient = new Map<string, string[]>()
    for (const o of orphans) byPatient.set(o.patientId, [...(byPatient.get(o.patientId) ?? []), o.visitId])
    const trashed = new Map<string, TrashEntry & { kind: 'patient' }>()
    for (const e of await db.trash.where('kind').equals('patient').toArray()) {
      if (e.kind === 'patient' && byPatient.has(e.patient.id)) trashed.set(e.patient.id, e)
    }
    for (const [patientId, visitIds] of byPatient) {
      const rows = (await db.visits.bulkGet(visitIds)).filter((r) => r !== undefined)
      const entry = trashed.get(patientId)
      if (entry) {
        const visits = [...entry.visits.filter((v) => !visitIds.includes(v.id)), ...rows.map(fromVisitRow)]
        await db.trash.put({ ...entry, visits } as TrashEntry)
        await db.visits.bulkDelete(visitIds)
        report.toTrash += rows.length
        moved.push(...visitIds)
        continue
      }
      const now = ctx.now()
      const patient: Patient = {
        ...emptyPatientInput(),
        id: patientId,
        name: `Patient not found (visits kept, ${now.slice(0, 10)})`,
        alerts:
          'This patient was made again because their visits were here without them. Check the visits and fill in the details.',
        lastVisitAt: null,
        createdAt: now,
        updatedAt: now,
        ...firstVersion(ctx.author, now),
      }
      await db.patients.add(toPatientRow(patient))
      await refreshLastVisit(db, patientId)
      report.remade++
    }
  })
  if (moved.length) await visitsChanged(db, moved)
  return report
}
