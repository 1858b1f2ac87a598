import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { describeStorageError } from '@renderer/notes/errors'
import { notesRepo } from '@renderer/notes/instance'

/** What an open visit editor lets others do to its draft (so additions go through autosave). */
export interface VisitEditorHandle {
  addCause(causeId: string): void
  hasCause(causeId: string): boolean
}

/**
 * The visit being worked on: the last visit opened in this window. The reference's
 * "Add to visit" button adds causes to it, through the editor when it is on screen, or straight
 * to the database when the user has moved to a reference page.
 */
export const useActiveVisitStore = defineStore('activeVisit', () => {
  const visitId = ref<string | null>(null)
  const patientName = ref('')
  const visitLabel = ref('')
  const causeIds = ref<string[]>([])
  const editor = ref<VisitEditorHandle | null>(null)
  const error = ref('')

  const isOpen = computed(() => visitId.value !== null)

  function open(info: {
    visitId: string
    patientName: string
    visitLabel: string
    causeIds: string[]
  }): void {
    visitId.value = info.visitId
    patientName.value = info.patientName
    visitLabel.value = info.visitLabel
    causeIds.value = [...info.causeIds]
  }

  function close(id: string): void {
    if (visitId.value === id) {
      visitId.value = null
      editor.value = null
      causeIds.value = []
    }
  }

  function attach(handle: VisitEditorHandle | null): void {
    editor.value = handle
  }

  function has(causeId: string): boolean {
    return editor.value ? editor.value.hasCause(causeId) : causeIds.value.includes(causeId)
  }

  async function addCause(causeId: string): Promise<boolean> {
    if (!visitId.value) return false
    try {
      if (editor.value) {
        editor.value.addCause(causeId)
      } else {
        const visit = await notesRepo.addCause(visitId.value, causeId)
        causeIds.value = [...visit.causeIds]
      }
      if (!causeIds.value.includes(causeId)) causeIds.value = [...causeIds.value, causeId]
      error.value = ''
      return true
    } catch (e) {
      error.value = describeStorageError(e)
      return false
    }
  }

  return { visitId, patientName, visitLabel, causeIds, isOpen, error, open, close, attach, has, addCause }
})
