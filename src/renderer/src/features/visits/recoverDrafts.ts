import type { PatientInput, VisitInput } from '@renderer/notes/model'
import type { NotesRepository } from '@renderer/notes/repository'

export const VISIT_STASH_PREFIX = 'cramp.visit-draft.'
export const PATIENT_STASH_PREFIX = 'cramp.patient-draft.'

export const CLOSED_WINDOW_MARK = '--- Text from a window that closed before saving ---'

/** The stored text with the closed window's text after it, unless that adds nothing. */
function bothTexts(stored: string, closed: string): string {
  if (!closed.trim() || stored.includes(closed)) return stored
  if (closed.includes(stored)) return closed
  return `${stored}\n\n${CLOSED_WINDOW_MARK}\n${closed}`
}

interface Stash<D> {
  baseRevision: number
  draft: D
}

/**
 * Copies left in localStorage by a window that closed before its last save finished (see
 * useAutosave) are saved at the next start, so the text is in the database, in searches and in
 * backups even if that visit is never opened again. A visit saved elsewhere since gets both
 * texts, one after the other; a patient copy whose record changed since stays for the editor,
 * which shows it as a conflict when the patient is opened.
 * Returns how many copies were saved.
 */
export async function recoverDrafts(repo: NotesRepository, storage: Storage = localStorage): Promise<number> {
  let saved = 0
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (k): k is string => !!k && (k.startsWith(VISIT_STASH_PREFIX) || k.startsWith(PATIENT_STASH_PREFIX)),
  )
  for (const key of keys) {
    let stash: Stash<unknown>
    try {
      stash = JSON.parse(storage.getItem(key) ?? '') as Stash<unknown>
    } catch {
      continue
    }
    try {
      if (key.startsWith(VISIT_STASH_PREFIX)) {
        const id = key.slice(VISIT_STASH_PREFIX.length)
        const current = await repo.getVisit(id)
        if (!current) continue
        const { handouts: _h, ...changes } = stash.draft as VisitInput
        if (current.revision === stash.baseRevision) {
          await repo.updateVisit(id, stash.baseRevision, changes)
        } else {
          // Saved elsewhere since: keep both texts in the database (searched, backed up) rather
          // than only in this window's storage, where a lost computer would take them along.
          await repo.updateVisit(id, current.revision, {
            note: bothTexts(current.note, changes.note),
            plan: bothTexts(current.plan, changes.plan),
            reason: current.reason.trim() ? current.reason : changes.reason,
            causeIds: [...new Set([...current.causeIds, ...changes.causeIds])],
            findings: [...new Set([...current.findings, ...changes.findings])],
          })
        }
      } else {
        const id = key.slice(PATIENT_STASH_PREFIX.length)
        const current = await repo.getPatient(id)
        if (!current || current.revision !== stash.baseRevision) continue
        await repo.updatePatient(id, stash.baseRevision, stash.draft as PatientInput)
      }
      storage.removeItem(key)
      saved++
    } catch {
      // Not valid or not writable now: the copy stays for the editor to show.
    }
  }
  return saved
}
