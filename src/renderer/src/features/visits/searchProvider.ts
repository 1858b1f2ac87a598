import type { SearchHit, SearchProvider } from '@renderer/search/types'

/**
 * Loaded with the header at start-up, so the notes code (Dexie, schemas, the index) is imported
 * only when first needed: the app's first paint does not wait for it.
 */
const notes = () => import('./searchNotesLoader')

/** Patients by name, chart number or date of birth, in the header search. */
export const patientsSearchProvider: SearchProvider = {
  id: 'patients',
  label: 'Patients',
  async search(q: string): Promise<SearchHit[]> {
    if (!q.trim()) return []
    return (await notes()).patientHits(q)
  },
}

/** Visit notes (note, reason, plan); opening a hit puts the cursor on the matching word. */
export const notesSearchProvider: SearchProvider = {
  id: 'notes',
  label: 'Visit notes',
  async search(q: string): Promise<SearchHit[]> {
    if (!q.trim()) return []
    return (await notes()).noteHits(q)
  },
}

// The first run is the moment to ask for storage the browser engine will not clear on its own;
// the note index is built in the background so the first search does not wait for it.
setTimeout(() => {
  void notes()
    .then((m) => m.warmUp())
    .catch(() => undefined)
}, 1500)
