import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { describeStorageError } from '@renderer/notes/errors'
import { notesRepo } from '@renderer/notes/instance'
import type { TrashEntry } from '@renderer/notes/model'
import { countOf } from '@renderer/components/format'

export const useTrashStore = defineStore('trash', () => {
  const entries = ref<TrashEntry[]>([])
  const error = ref('')
  const message = ref('')
  /** What was just moved to the trash, for the few seconds its Undo is offered. */
  const justTrashed = shallowRef<TrashEntry | null>(null)

  async function load(): Promise<void> {
    entries.value = await notesRepo.listTrash()
  }

  async function restore(id: string): Promise<boolean> {
    try {
      const entry = await notesRepo.restoreFromTrash(id)
      message.value =
        entry.kind === 'patient'
          ? `${entry.patient.name} and ${countOf(entry.visits.length, 'visit', 'visits')} are back.`
          : `The visit of ${entry.patientName || 'this patient'} is back.`
      error.value = ''
      await load()
      return true
    } catch (e) {
      error.value = describeStorageError(e)
      return false
    }
  }

  async function empty(): Promise<void> {
    try {
      const n = await notesRepo.emptyTrash()
      message.value = `${countOf(n, 'item', 'items')} deleted for good.`
      error.value = ''
    } catch (e) {
      error.value = describeStorageError(e)
    }
    await load()
  }

  function remember(entry: TrashEntry): void {
    justTrashed.value = entry
  }

  /** Undo of the last move to the trash; false (with `error` set) if it could not be undone. */
  async function undo(): Promise<boolean> {
    const entry = justTrashed.value
    justTrashed.value = null
    if (!entry) return false
    try {
      await notesRepo.restoreFromTrash(entry.id)
      error.value = ''
      return true
    } catch (e) {
      error.value = describeStorageError(e)
      return false
    }
  }

  return { entries, error, message, justTrashed, load, restore, empty, remember, undo }
})
