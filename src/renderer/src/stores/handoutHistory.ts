import { defineStore } from 'pinia'
import { ref } from 'vue'
import { notesDb, notesRepo } from '@renderer/notes/instance'
import { ConflictError } from '@renderer/notes/errors'
import type { StoredHandout } from '@renderer/handouts/spec'

export interface GivenHandout {
  visitId: string
  patientId: string
  patientName: string
  handout: StoredHandout
}

/** Handouts given, as remembered on the visits. */
export const useHandoutHistoryStore = defineStore('handoutHistory', () => {
  const recent = ref<GivenHandout[]>([])

  async function loadRecent(limit = 30): Promise<GivenHandout[]> {
    const visits = await notesDb.visits.filter((v) => (v.handouts?.length ?? 0) > 0).toArray()
    const names = new Map<string, string>()
    const out: GivenHandout[] = []
    for (const v of visits) {
      if (!names.has(v.patientId))
        names.set(v.patientId, (await notesRepo.getPatient(v.patientId))?.name ?? '')
      for (const h of v.handouts) {
        out.push({
          visitId: v.id,
          patientId: v.patientId,
          patientName: names.get(v.patientId) ?? '',
          handout: h,
        })
      }
    }
    recent.value = out.sort((a, b) => b.handout.createdAt.localeCompare(a.handout.createdAt)).slice(0, limit)
    return recent.value
  }

  async function find(visitId: string, handoutId: string): Promise<GivenHandout | undefined> {
    const opened = await notesRepo.openVisit(visitId)
    const h = opened?.visit.handouts.find((x) => x.id === handoutId)
    return opened && h
      ? { visitId, patientId: opened.patient.id, patientName: opened.patient.name, handout: h }
      : undefined
  }

  /**
   * Remembers a handout on its visit. An identical handout (same bytes) given again is not
   * added twice. Retries once if the visit was saved elsewhere in between.
   */
  async function record(visitId: string, handout: StoredHandout): Promise<'added' | 'already'> {
    for (let attempt = 0; ; attempt++) {
      const visit = await notesRepo.getVisit(visitId)
      if (!visit) throw new Error('The visit this handout belongs to no longer exists.')
      if (handout.sha256 && visit.handouts.some((h) => h.sha256 === handout.sha256)) return 'already'
      try {
        await notesRepo.updateVisit(visitId, visit.revision, { handouts: [...visit.handouts, handout] })
        return 'added'
      } catch (e) {
        if (!(e instanceof ConflictError) || attempt > 0) throw e
      }
    }
  }

  return { recent, loadRecent, find, record }
})
