import { defineStore } from 'pinia'
import { computed, effectScope, ref, shallowRef, watch, type EffectScope } from 'vue'
import { describeStorageError } from '@renderer/notes/errors'
import { notesRepo } from '@renderer/notes/instance'
import { visitInputOf, type Patient, type Visit, type VisitInput } from '@renderer/notes/model'
import { formatDateTime } from '@renderer/components/format'
import { recordStore } from '@renderer/features/visits/recordStore'
import { recoverDrafts, stashKey } from '@renderer/features/visits/recoverDrafts'
import { useAutosave, type Autosave } from '@renderer/features/visits/useAutosave'
import { useLiveQuery } from '@renderer/features/visits/useLiveQuery'
import { openWindows } from '@renderer/features/visits/windowLock'

export type VisitAutosave = Autosave<Visit, VisitInput>

/**
 * The visits store: the visit being worked on in this window (the last one opened), read live
 * from the database (one live query: another window's saves, the patient's new alerts), and,
 * while its screen is open, the autosaving draft the editor shows. The reference's "Add to
 * visit" adds causes through the draft when the editor is open, or as a versioned save when the
 * user has moved on to a reference page.
 */
export const useActiveVisitStore = defineStore('activeVisit', () => {
  const visitId = ref<string | null>(null)
  const live = useLiveQuery(
    () => (visitId.value ? notesRepo.openVisit(visitId.value) : Promise.resolve(undefined)),
    visitId,
  )
  const editing = shallowRef<VisitAutosave | null>(null)
  let scope: EffectScope | null = null
  const error = ref('')
  /** The open visit is signed (its editor says so): nothing may be added to it any more. */
  const signed = ref(false)

  // A result read for the visit opened before this one is not this visit's.
  const current = computed(() => {
    const found = live.value.value
    return found && found.visit.id === visitId.value ? found : undefined
  })
  const visit = computed(() => current.value?.visit)
  /**
   * The visit's patient as stored now, or as last seen: when another window moves the visit to
   * the trash, the editor stays on screen with the text (and says it cannot be saved).
   */
  const patient = shallowRef<Patient | undefined>()
  watch(
    () => current.value?.patient,
    (p) => {
      if (p) patient.value = p
    },
  )
  const isOpen = computed(() => visitId.value !== null && (!!editing.value || !!visit.value))
  const patientName = computed(() => patient.value?.name ?? '')
  const causeIds = computed(() => editing.value?.draft.causeIds ?? visit.value?.causeIds ?? [])
  const visitLabel = computed(() => {
    const at = editing.value?.draft.dateTime ?? visit.value?.dateTime
    return at ? formatDateTime(at) : ''
  })

  // The one subscription: what is stored now reaches the open draft (quietly, merged, or as a conflict).
  watch(visit, (stored) => {
    if (stored && stored.id === editing.value?.record.value.id) editing.value.remoteChanged(stored)
  })

  /**
   * Opens a visit for editing in this window: first any text left unsaved for it (by this
   * window earlier, or by one that closed) is put into the database, then the draft starts.
   */
  async function open(id: string): Promise<{ visit: Visit } | undefined> {
    release()
    signed.value = false
    await recoverDrafts(notesRepo, {
      only: { kind: 'visit', id },
      openWindows: await openWindows().catch(() => null),
    }).catch(() => 0)
    const found = await notesRepo.openVisit(id)
    if (!found) return undefined
    visitId.value = id
    patient.value = found.patient
    scope = effectScope(true)
    editing.value =
      scope.run(() =>
        useAutosave<Visit, VisitInput>({
          initial: found.visit,
          toDraft: visitInputOf,
          store: recordStore('visit', id),
          stashKey: stashKey('visit', id, notesRepo.author.window),
          setFields: ['causeIds', 'findings'],
        }),
      ) ?? null
    return { visit: found.visit }
  }

  /** The editor went away: its draft is flushed (and kept as a copy if that fails). */
  function release(): void {
    scope?.stop()
    scope = null
    editing.value = null
  }

  /** The visit went to the trash: "Add to visit" must not aim at it any more. */
  function close(id: string): void {
    if (visitId.value !== id) return
    release()
    visitId.value = null
    patient.value = undefined
    signed.value = false
  }

  function has(causeId: string): boolean {
    return causeIds.value.includes(causeId)
  }

  function markSigned(id: string, now: boolean): void {
    if (visitId.value === id) signed.value = now
  }

  async function addCause(causeId: string): Promise<boolean> {
    if (!visitId.value) return false
    if (signed.value) {
      error.value = 'This visit is signed: causes can no longer be added. Add an addendum instead.'
      return false
    }
    try {
      const draft = editing.value?.draft
      if (draft) {
        if (!draft.causeIds.includes(causeId)) draft.causeIds.push(causeId)
      } else {
        await notesRepo.addCause(visitId.value, causeId)
      }
      error.value = ''
      return true
    } catch (e) {
      error.value = describeStorageError(e)
      return false
    }
  }

  return {
    visitId,
    visit,
    patient,
    editing,
    isOpen,
    patientName,
    visitLabel,
    causeIds,
    error,
    signed,
    markSigned,
    open,
    release,
    close,
    has,
    addCause,
  }
})
