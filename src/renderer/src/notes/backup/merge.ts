import type { RepoContext } from '../context'
import { historyEntryOf } from '../history'
import type { Patient, RecordKind, TrashEntry, Visit } from '../model'
import { refreshLastVisit } from '../records'
import { fromPatientRow, fromVisitRow, toPatientRow, toVisitRow } from '../rows'
import { compareVersions } from '../version'
import { CHUNK, LOCAL_SETTING_KEYS, type ParsedBackup } from './format'

type Tally = { patients: number; visits: number }
const tally = (): Tally => ({ patients: 0, visits: 0 })

/** What a merge did, to tell the user (nothing happens that is not counted here). */
export interface MergeReport {
  /** New on this computer. */
  added: Tally
  /** The backup held a later version of what was here: it is current now, this one in the history. */
  updated: Tally
  /** Changed both here and in the backup's copy: this computer's stays, the backup's is kept as a conflict to settle. */
  bothKept: Tally
  /** In the trash here: later versions from the backup joined them in the trash. */
  inTrash: Tally
  /** Visits new here whose patient is in the trash here: they went to the trash with their patient. */
  visitsToTrashedPatient: number
  /** Saved versions (history) added. */
  versions: number
  trashEntries: number
  handouts: number
  templates: number
  settings: number
  /** Settings present here with another value: this computer's were kept. */
  settingsKeptHere: number
}

export function emptyMergeReport(): MergeReport {
  return {
    added: tally(),
    updated: tally(),
    bothKept: tally(),
    inTrash: tally(),
    visitsToTrashedPatient: 0,
    versions: 0,
    trashEntries: 0,
    handouts: 0,
    templates: 0,
    settings: 0,
    settingsKeptHere: 0,
  }
}

const FROM_BACKUP = 'From a merged backup: changed elsewhere as well as here, so both are kept'
const REPLACED = 'Replaced by the later version from a merged backup'

/**
 * Merges a validated backup into the database; the caller runs it inside one transaction over
 * every table. The lineage of each record decides, never the clock: a later version replaces an
 * earlier one (which goes into the history); two versions that changed apart are both kept, this
 * computer's shown and the backup's kept as a conflict to settle. A record in the trash here
 * stays there, and a visit never comes back live without its patient.
 */
export async function mergeBackup(ctx: RepoContext, backup: ParsedBackup): Promise<MergeReport> {
  const { db } = ctx
  const { data } = backup
  const report = emptyMergeReport()
  const now = ctx.now()

  // Where each record sits in the trash here (a record can be in more than one entry).
  const trashHolding = new Map<string, TrashEntry[]>()
  // Read whole: trash rows are sealed, and a cursor (each) cannot open them.
  for (const e of await db.trash.toArray()) {
    const ids = e.kind === 'patient' ? [e.patient.id, ...e.visits.map((v) => v.id)] : [e.visit.id]
    for (const id of ids) trashHolding.set(id, [...(trashHolding.get(id) ?? []), e])
  }
  const changedEntries = new Map<string, TrashEntry>()

  // 1. Saved versions: added where missing (ids are record + rev, so none is doubled).
  for (let i = 0; i < data.history.length; i += CHUNK) {
    const slice = data.history.slice(i, i + CHUNK)
    const here = await db.history.bulkGet(slice.map((h) => h.id))
    const missing = slice.filter((_, j) => !here[j])
    await db.history.bulkAdd(missing)
    report.versions += missing.length
  }

  /** A later or parallel version of a record that is in the trash here joins it there. */
  const intoTrash = async (kind: RecordKind, incoming: Patient | Visit): Promise<void> => {
    for (const held of trashHolding.get(incoming.id) ?? []) {
      const entry = changedEntries.get(held.id) ?? structuredClone(held)
      const copies: (Patient | Visit)[] =
        entry.kind === 'patient' ? [entry.patient, ...entry.visits] : [entry.visit]
      const trashed = copies.find((c) => c.id === incoming.id)!
      const relation = compareVersions(trashed, incoming)
      if (relation === 'same' || relation === 'newer') continue
      let kept: Patient | Visit
      if (relation === 'older') {
        await db.history.put(historyEntryOf(kind, trashed, 'replaced', REPLACED, now))
        kept = incoming
      } else {
        await db.history.put(historyEntryOf(kind, incoming, 'conflict', FROM_BACKUP, now))
        kept = { ...trashed, conflicts: [...new Set([...trashed.conflicts, incoming.rev])] }
      }
      if (entry.kind === 'patient' && kind === 'patient') entry.patient = kept as Patient
      else if (entry.kind === 'patient')
        entry.visits = entry.visits.map((v) => (v.id === kept.id ? (kept as Visit) : v))
      else entry.visit = kept as Visit
      changedEntries.set(entry.id, entry)
      report.inTrash[kind === 'patient' ? 'patients' : 'visits']++
    }
  }

  /** Merges one record that is live here, or adds it; returns the record now live, if any. */
  const mergeLive = async <R extends Patient | Visit>(
    kind: RecordKind,
    incoming: R,
    here: R | undefined,
    write: (r: R) => Promise<unknown>,
  ): Promise<void> => {
    const which = kind === 'patient' ? 'patients' : 'visits'
    if (!here) {
      await write(incoming)
      report.added[which]++
      return
    }
    const relation = compareVersions(here, incoming)
    if (relation === 'same' || relation === 'newer') return
    const conflicts = [...new Set([...here.conflicts, ...incoming.conflicts])]
    if (relation === 'older') {
      await db.history.put(historyEntryOf(kind, here, 'replaced', REPLACED, now))
      await write({ ...incoming, conflicts })
      report.updated[which]++
    } else {
      await db.history.put(historyEntryOf(kind, incoming, 'conflict', FROM_BACKUP, now))
      await write({ ...here, conflicts: [...conflicts, incoming.rev] })
      report.bothKept[which]++
    }
  }

  // 2. Patients.
  const touched = new Set<string>()
  for (let i = 0; i < data.patients.length; i += CHUNK) {
    const slice = data.patients.slice(i, i + CHUNK)
    const here = await db.patients.bulkGet(slice.map((p) => p.id))
    for (const [j, p] of slice.entries()) {
      const live = here[j]
      if (!live && trashHolding.has(p.id)) {
        await intoTrash('patient', p)
        continue
      }
      await mergeLive('patient', p, live && fromPatientRow(live), (x) => db.patients.put(toPatientRow(x)))
      touched.add(p.id)
    }
  }

  // 3. Visits: live only beside a live patient; otherwise into the trash with that patient.
  for (let i = 0; i < data.visits.length; i += CHUNK) {
    const slice = data.visits.slice(i, i + CHUNK)
    const [here, patients] = await Promise.all([
      db.visits.bulkGet(slice.map((v) => v.id)),
      db.patients.bulkGet(slice.map((v) => v.patientId)),
    ])
    for (const [j, v] of slice.entries()) {
      const live = here[j]
      if (!live && trashHolding.has(v.id)) {
        await intoTrash('visit', v)
        continue
      }
      if (!live && !patients[j]) {
        await toPatientInTrash(v)
        continue
      }
      await mergeLive('visit', v, live && fromVisitRow(live), (x) => db.visits.put(toVisitRow(x)))
      touched.add(v.patientId)
    }
  }

  /** A visit new here whose patient is in the trash here goes into that patient's entry. */
  async function toPatientInTrash(v: Visit): Promise<void> {
    const held = (trashHolding.get(v.patientId) ?? []).find((e) => e.kind === 'patient')
    if (!held) {
      // Validation guarantees the patient is in the backup, so step 2 put it live or in the trash.
      throw new Error(`the patient of visit ${v.id} is neither here nor in the trash`)
    }
    const entry = changedEntries.get(held.id) ?? structuredClone(held)
    if (entry.kind !== 'patient') return
    entry.visits = [...entry.visits, v]
    changedEntries.set(entry.id, entry)
    trashHolding.set(v.id, [entry])
    report.visitsToTrashedPatient++
  }

  await db.trash.bulkPut([...changedEntries.values()])

  // 4. Trash entries, templates and handouts are only ever added; settings keep this computer's.
  const newTrash = await missing(db.trash, data.trash)
  await db.trash.bulkAdd(newTrash)
  report.trashEntries = newTrash.length
  const templates = await missing(db.handoutTemplates, data.handoutTemplates)
  await db.handoutTemplates.bulkAdd(templates)
  report.templates = templates.length
  const handouts = await missing(db.handouts, data.handouts)
  await db.handouts.bulkAdd(handouts)
  report.handouts = handouts.length
  const incomingSettings = data.settings.filter((s) => !LOCAL_SETTING_KEYS.has(s.key))
  const settingsHere = await db.settings.bulkGet(incomingSettings.map((s) => s.key))
  const newSettings = incomingSettings.filter((_, i) => !settingsHere[i])
  report.settingsKeptHere = incomingSettings.filter(
    (s, i) => settingsHere[i] && JSON.stringify(settingsHere[i]!.value) !== JSON.stringify(s.value),
  ).length
  await db.settings.bulkAdd(newSettings)
  report.settings = newSettings.length

  // 5. Derived keys, and the rule that no visit is live without its patient.
  for (const patientId of touched) await refreshLastVisit(db, patientId)
  const live = await db.patients.bulkGet([...touched])
  if (live.some((p) => !p)) throw new Error('a merged visit would be live without its patient')
  return report
}

async function missing<T extends { id: string }>(
  table: { bulkGet(keys: string[]): Promise<(T | undefined)[]> },
  incoming: T[],
): Promise<T[]> {
  const here = await table.bulkGet(incoming.map((r) => r.id))
  return incoming.filter((_, i) => !here[i])
}
