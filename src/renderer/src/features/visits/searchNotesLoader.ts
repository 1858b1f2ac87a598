import { formatDate, formatDateTime } from '@renderer/components/format'
import { notesRepo, whenSignedIn } from '@renderer/notes/instance'
import type { SearchHit } from '@renderer/search/types'
import { requestPersistence } from './persistence'
import { recoverDrafts } from './recoverDrafts'
import { ensureWindowLock, openWindows } from './windowLock'

export async function patientHits(q: string): Promise<SearchHit[]> {
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
}

export async function noteHits(q: string): Promise<SearchHit[]> {
  const { hits } = await notesRepo.searchNotes(q, 8)
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
}

/**
 * After start-up: text left unsaved by windows that closed or crashed goes into the database
 * (beside what was saved since, never over it) and storage is made persistent. The note index
 * is brought back by the work every unlock starts, the first sign-in included
 * (security/unlockWork.ts).
 */
export async function warmUp(): Promise<void> {
  await ensureWindowLock(notesRepo.author.window)
  // The repository refuses everyone before sign-in: recovering crash copies then would fail and
  // leave them for the next start, so the rest waits for the first person to sign in.
  await whenSignedIn()
  const open = await openWindows().catch(() => null)
  await recoverDrafts(notesRepo, { openWindows: open }).catch(() => undefined)
  await requestPersistence().catch(() => undefined)
}
