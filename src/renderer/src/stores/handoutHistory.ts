import { defineStore } from 'pinia'
import { ref } from 'vue'
import { notesRepo } from '@renderer/notes/instance'
import type { StoredHandout } from '@renderer/handouts/spec'

export interface GivenHandout {
  visitId: string
  patientId: string
  patientName: string
  handout: StoredHandout
}

function given(
  row: StoredHandout & { visitId: string; patientId: string },
  patientName: string,
): GivenHandout {
  const { visitId, patientId, ...handout } = row
  return { visitId, patientId, patientName, handout }
}

/**
 * Handouts given, from their own table (indexed by date and visit): the recent list reads only
 * what it shows, and noting a handout never touches, or waits for, the visit's version.
 */
export const useHandoutHistoryStore = defineStore('handoutHistory', () => {
  const recent = ref<GivenHandout[]>([])

  async function loadRecent(limit = 30): Promise<GivenHandout[]> {
    const rows = await notesRepo.recentHandouts(limit)
    recent.value = rows.map((r) => given(r.handout, r.patientName))
    return recent.value
  }

  /** A handout as given, for a reprint: read without opening the visit (reception may reprint). */
  async function find(visitId: string, handoutId: string): Promise<GivenHandout | undefined> {
    const found = await notesRepo.givenHandout(visitId, handoutId)
    return found && given(found.handout, found.patientName)
  }

  /**
   * Notes a handout on its visit; the same file given again at that visit is noted once.
   * `reissueOf`: the handout it reprints from the history, so the trail says "reprinted".
   */
  async function record(
    visitId: string,
    handout: StoredHandout,
    reissueOf?: string,
  ): Promise<'added' | 'already'> {
    try {
      if (reissueOf) return (await notesRepo.reissueHandout(visitId, reissueOf, handout)).outcome
      return await notesRepo.addHandout(visitId, handout)
    } catch (e) {
      if (e instanceof Error && e.name === 'MissingRecordError') {
        throw new Error('The visit this handout belongs to no longer exists.', { cause: e })
      }
      throw e
    }
  }

  return { recent, loadRecent, find, record }
})
