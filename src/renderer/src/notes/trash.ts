import type { RepoContext } from './context'
import { MissingRecordError, ValidationError } from './errors'
import { forgetHistory, historyEntryOf } from './history'
import type { Patient, RecordKind, TrashEntry, Visit } from './model'
import { refreshLastVisit } from './records'
import { fromPatientRow, fromVisitRow, toPatientRow, toVisitRow } from './rows'
import { visitsChanged } from './searchIndex'
import { compareVersions } from './version'

/** Moves the patient and all their visits to the trash, as one entry. */
export async function trashPatient(ctx: RepoContext, id: string): Promise<TrashEntry> {
  const { db } = ctx
  const result = await db.transaction('rw', db.patients, db.visits, db.trash, async () => {
    const row = await db.patients.get(id)
    if (!row) throw new MissingRecordError('patient')
    const visitRows = await db.visits.where('patientId').equals(id).toArray()
    const entry: TrashEntry = {
      id: ctx.newId(),
      kind: 'patient',
      deletedAt: ctx.now(),
      patient: fromPatientRow(row),
      visits: visitRows.map(fromVisitRow),
    }
    await db.trash.add(entry)
    await db.visits.bulkDelete(visitRows.map((v) => v.id))
    await db.patients.delete(id)
    return entry
  })
  await visitsChanged(db, result.kind === 'patient' ? result.visits.map((v) => v.id) : [])
  return result
}

export async function trashVisit(ctx: RepoContext, id: string): Promise<TrashEntry> {
  const { db } = ctx
  const result = await db.transaction('rw', db.patients, db.visits, db.trash, async () => {
    const row = await db.visits.get(id)
    if (!row) throw new MissingRecordError('visit')
    const patient = await db.patients.get(row.patientId)
    const entry: TrashEntry = {
      id: ctx.newId(),
      kind: 'visit',
      deletedAt: ctx.now(),
      visit: fromVisitRow(row),
      patientName: patient?.name ?? '',
    }
    await db.trash.add(entry)
    await db.visits.delete(id)
    await refreshLastVisit(db, row.patientId)
    return entry
  })
  await visitsChanged(db, [id])
  return result
}

/**
 * What a restore from the trash writes, given `live`, a copy of the same record outside the
 * trash (there again after a merged backup, for one). The lineage decides, never the clock: the
 * trashed copy comes back if it descends from the live one; the live one stays if it descends
 * from the trashed one; if neither, the live one stays and the trashed one is kept in the
 * history as a conflict to settle on the record's screen.
 */
async function putBack<R extends Patient | Visit>(
  ctx: RepoContext,
  kind: RecordKind,
  live: R | undefined,
  trashed: R,
  write: (r: R) => Promise<unknown>,
): Promise<void> {
  if (!live) {
    await write(trashed)
    return
  }
  const relation = compareVersions(live, trashed)
  if (relation === 'same' || relation === 'newer') return
  const now = ctx.now()
  if (relation === 'older') {
    await ctx.db.history.put(
      historyEntryOf(kind, live, 'replaced', 'Replaced by the later version restored from the trash', now),
    )
    await write(trashed)
    return
  }
  await ctx.db.history.put(
    historyEntryOf(
      kind,
      trashed,
      'conflict',
      'The version that was in the trash (another copy was here)',
      now,
    ),
  )
  await write({ ...live, conflicts: [...new Set([...live.conflicts, trashed.rev])] })
}

/** Puts a trashed patient (with their visits) or visit back where it was. */
export async function restoreFromTrash(ctx: RepoContext, entryId: string): Promise<TrashEntry> {
  const { db } = ctx
  const result = await db.transaction('rw', [db.patients, db.visits, db.trash, db.history], async () => {
    const entry = await db.trash.get(entryId)
    if (!entry) throw new MissingRecordError('trash entry')
    if (entry.kind === 'patient') {
      const row = await db.patients.get(entry.patient.id)
      await putBack(ctx, 'patient', row && fromPatientRow(row), entry.patient, (p) =>
        db.patients.put(toPatientRow(p)),
      )
      const live = await db.visits.bulkGet(entry.visits.map((v) => v.id))
      for (const [i, v] of entry.visits.entries()) {
        const here = live[i]
        await putBack(ctx, 'visit', here && fromVisitRow(here), v, (x) => db.visits.put(toVisitRow(x)))
      }
      await refreshLastVisit(db, entry.patient.id)
    } else {
      const patient = await db.patients.get(entry.visit.patientId)
      if (!patient) {
        // Read whole, then filtered: trash rows are sealed, and a cursor cannot open them.
        const patientTrashed = (await db.trash.where('kind').equals('patient').toArray()).filter(
          (e) => e.kind === 'patient' && e.patient.id === entry.visit.patientId,
        ).length
        throw new ValidationError(
          patientTrashed
            ? `This visit belongs to ${entry.patientName || 'a patient'} who is in the trash too. Restore the patient first.`
            : `This visit belongs to ${entry.patientName || 'a patient'} who is no longer in this app, so it cannot go back on its own. It stays here in the trash.`,
        )
      }
      const row = await db.visits.get(entry.visit.id)
      await putBack(ctx, 'visit', row && fromVisitRow(row), entry.visit, (x) => db.visits.put(toVisitRow(x)))
      await refreshLastVisit(db, entry.visit.patientId)
    }
    await db.trash.delete(entryId)
    return entry
  })
  await visitsChanged(db, result.kind === 'patient' ? result.visits.map((v) => v.id) : [result.visit.id])
  return result
}

/**
 * Deletes everything in the trash for good, with the saved versions and handouts of those
 * records (unless a copy of the record is still in use outside the trash). Returns how many
 * entries went.
 */
export async function emptyTrash(ctx: RepoContext): Promise<number> {
  const { db } = ctx
  return db.transaction('rw', [db.trash, db.history, db.handouts, db.patients, db.visits], async () => {
    const entries = await db.trash.toArray()
    const ids = new Set<string>()
    for (const e of entries) {
      if (e.kind === 'patient') [e.patient, ...e.visits].forEach((r) => ids.add(r.id))
      else ids.add(e.visit.id)
    }
    const [patients, visits] = await Promise.all([db.patients.bulkGet([...ids]), db.visits.bulkGet([...ids])])
    const stillLive = new Set([...patients, ...visits].filter((r) => r).map((r) => r!.id))
    const gone = [...ids].filter((id) => !stillLive.has(id))
    await forgetHistory(db, gone)
    await db.handouts.where('visitId').anyOf(gone).delete()
    await db.trash.clear()
    return entries.length
  })
}

/** Trash entries, most recently deleted first. */
export async function listTrash(ctx: RepoContext): Promise<TrashEntry[]> {
  return ctx.db.trash.orderBy('deletedAt').reverse().toArray()
}
