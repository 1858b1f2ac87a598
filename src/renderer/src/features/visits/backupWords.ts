import type { MergeReport } from '@renderer/notes/backup'
import type { RepairReport } from '@renderer/notes/repair'
import { countOf } from '@renderer/components/format'

const both = (t: { patients: number; visits: number }): string =>
  [t.patients && countOf(t.patients, 'patient', 'patients'), t.visits && countOf(t.visits, 'visit', 'visits')]
    .filter(Boolean)
    .join(' and ')

/** What a merge did, every part of it, in clinic words. */
export function describeMerge(r: MergeReport): string {
  const parts: string[] = []
  const added = both(r.added)
  const updated = both(r.updated)
  parts.push(added ? `Merged: ${added} added.` : 'Merged: nothing new to add.')
  if (updated)
    parts.push(
      `${updated} had a later version in the backup: it is shown now, and the earlier one is kept in the history.`,
    )
  const conflicts = both(r.bothKept)
  if (conflicts) {
    parts.push(
      `${conflicts} had been changed both here and in the backup: both versions are kept, this computer's is shown, and each says so on its screen so you can compare and choose.`,
    )
  }
  const inTrash = both(r.inTrash)
  if (inTrash)
    parts.push(
      `${inTrash} in the trash here had later versions in the backup: they are in the trash with them.`,
    )
  if (r.visitsToTrashedPatient) {
    parts.push(
      `${countOf(r.visitsToTrashedPatient, 'visit', 'visits')} of patients who are in the trash here went to the trash with them; restoring the patient brings them back.`,
    )
  }
  if (r.versions)
    parts.push(`${countOf(r.versions, 'earlier version', 'earlier versions')} added to the history.`)
  if (r.settingsKeptHere) {
    parts.push(
      `${countOf(r.settingsKeptHere, 'setting differs', 'settings differ')} from the backup's: this computer's kept.`,
    )
  }
  return parts.join(' ')
}

export function describeRepair(r: RepairReport): string {
  const parts: string[] = []
  if (r.toTrash)
    parts.push(
      `${countOf(r.toTrash, 'visit', 'visits')} of patients in the trash went to the trash with them.`,
    )
  if (r.remade) {
    parts.push(
      `${countOf(r.remade, 'patient was', 'patients were')} missing while their visits were here: each is back as “Patient not found”, with the visits, for you to fill in.`,
    )
  }
  return parts.join(' ') || 'The records were already whole.'
}
