import { requestPersistenceOnce } from './persistence'
import { notesDb, notesRepo } from '@renderer/notes/instance'
import { searchNotes } from '@renderer/notes/search'
import { noteIndexFor } from '@renderer/notes/searchIndex'
import type { SearchHit, SearchProvider } from '@renderer/search/types'
import { formatDate, formatDateTime } from '@renderer/features/patients/format'

/** Patients by name, chart number or date of birth, in the header search. */
export const patientsSearchProvider: SearchProvider = {
  id: 'patients',
  label: 'Patients',
  async search(q: string): Promise<SearchHit[]> {
    if (!q.trim()) return []
    const patients = await notesRepo.findPatients(q, 6)
    return patients.map((p) => ({
      key: p.id,
      title: p.name,
      subtitle: [
        p.dateOfBirth && `born ${formatDate(p.dateOfBirth)}`,
        p.chartNumber && `chart ${p.chartNumber}`,
        p.lastVisitAt ? `last visit ${formatDateTime(p.lastVisitAt)}` : 'no visits yet',
      ]
        .filter(Boolean)
        .join(' · '),
      terms: q.trim().split(/\s+/),
      to: { name: 'patient', params: { id: p.id } },
    }))
  },
}

/** Visit notes (note, reason, plan); opening a hit puts the cursor on the matching word. */
export const notesSearchProvider: SearchProvider = {
  id: 'notes',
  label: 'Visit notes',
  async search(q: string): Promise<SearchHit[]> {
    if (!q.trim()) return []
    const { hits } = await searchNotes(notesDb, q, 8)
    return hits.map((h) => ({
      key: h.visit.id,
      title: `${h.patientName || 'Patient'} · ${formatDateTime(h.visit.dateTime)}`,
      subtitle: h.visit.reason || undefined,
      snippet: h.snippet,
      terms: h.terms,
      to: {
        name: 'visit',
        params: { id: h.visit.id },
        query: { q, field: h.field, at: String(h.offset) },
      },
    }))
  },
}

// The header search is created at start-up: the first run is the moment to ask for storage that
// the browser engine will not clear on its own, and the note index is built in the background so
// the first search does not wait for it.
void requestPersistenceOnce().catch(() => undefined)
setTimeout(
  () =>
    void noteIndexFor(notesDb)
      .ready()
      .catch(() => undefined),
  1500,
)
