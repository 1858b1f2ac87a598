import { defineStore } from 'pinia'
import { ref } from 'vue'
import { describeStorageError } from '@renderer/notes/errors'
import { notesRepo } from '@renderer/notes/instance'
import type { TrashEntry } from '@renderer/notes/model'

export const useTrashStore = defineStore('trash', () => {
  const entries = ref<TrashEntry[]>([])
  const error = ref('')
  const message = ref('')

  async function load(): Promise<void> {
    entries.value = await notesRepo.listTrash()
  }

  async function restore(id: string): Promise<boolean> {
    try {
      const entry = await notesRepo.restoreFromTrash(id)
      message.value =
        entry.kind === 'patient'
          ? `${entry.patient.name} and ${entry.visits.length} visit(s) are back.`
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
      message.value = `${n} item(s) deleted for good.`
      error.value = ''
    } catch (e) {
      error.value = describeStorageError(e)
    }
    await load()
  }

  return { entries, error, message, load, restore, empty }
})
