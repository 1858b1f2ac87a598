import type { PatientInput, VisitInput } from '@renderer/notes/model'
import type { NotesRepository } from '@renderer/notes/repository'

export const VISIT_STASH_PREFIX = 'cramp.visit-draft.'
export const PATIENT_STASH_PREFIX = 'cramp.patient-draft.'

interface Stash<D> {
  baseRevision: number
  draft: D
}

/**
 * Copies left in localStorage by a window that closed before its last save finished (see
 * useAutosave) are saved at the next start, so the text is in the database, in searches and in
 * backups even if that visit is never opened again. A copy whose record changed since stays
 * for the editor, which shows it as a conflict when the visit is opened.
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
        if (!current || current.revision !== stash.baseRevision) continue
        const { handouts: _h, ...changes } = stash.draft as VisitInput
        await repo.updateVisit(id, stash.baseRevision, changes)
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
