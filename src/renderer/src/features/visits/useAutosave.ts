import { computed, onBeforeUnmount, reactive, ref, shallowRef, toRaw, watch, type UnwrapRef } from 'vue'
import { ConflictError, describeStorageError } from '@renderer/notes/errors'

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict'

interface Versioned {
  revision: number
  updatedAt: string
}

export interface AutosaveOptions<R extends Versioned, D extends object> {
  initial: R
  toDraft(record: R): D
  save(baseRevision: number, draft: D): Promise<R>
  /** localStorage key for the last-moment copy written when the page goes away unsaved. */
  stashKey?: string
  /** At most one second, so at most one second of typing is ever only in memory. */
  delay?: number
}

interface Stash<D> {
  baseRevision: number
  draft: D
  at: string
}

/**
 * Autosave for one record: saves a debounced copy of the draft as the user types, one write at a
 * time, and flushes on demand (blur, route change, page hide). A failed write keeps the draft
 * and shows "Not saved"; a newer save from another window becomes a conflict for the user to
 * settle, never a silent overwrite.
 */
export function useAutosave<R extends Versioned, D extends object>(options: AutosaveOptions<R, D>) {
  const delay = Math.min(options.delay ?? 600, 1000)
  const record = shallowRef<R>(options.initial)
  const draft = reactive(options.toDraft(options.initial)) as UnwrapRef<D>
  const state = ref<SaveState>('saved')
  const savedAt = ref<Date>(new Date(options.initial.updatedAt))
  const errorMessage = ref('')
  const conflict = shallowRef<R | null>(null)
  let edits = 0
  let savedEdits = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: Promise<void> | null = null
  let applying = false
  let latestRemote: R | null = null

  const dirty = computed(() => state.value !== 'saved')

  watch(
    draft as object,
    () => {
      if (applying) return
      edits++
      if (state.value === 'conflict') return
      if (state.value !== 'saving') state.value = 'dirty'
      schedule()
    },
    { deep: true, flush: 'sync' },
  )

  function schedule(): void {
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), delay)
  }

  function snapshot(): D {
    try {
      return structuredClone(toRaw(draft)) as D
    } catch {
      // A reactive proxy nested in the draft cannot be cloned; its JSON copy is the same data.
      return JSON.parse(JSON.stringify(draft)) as D
    }
  }

  function setDraft(value: D): void {
    applying = true
    Object.assign(draft as object, value)
    applying = false
  }

  /** Saves now if anything is unsaved. True when everything typed is stored. */
  async function flush(): Promise<boolean> {
    clearTimeout(timer)
    while (inFlight) await inFlight
    if (state.value === 'conflict') return false
    if (edits === savedEdits && state.value !== 'error') return true
    const upTo = edits
    const copy = snapshot()
    state.value = 'saving'
    inFlight = (async () => {
      try {
        record.value = await options.save(record.value.revision, copy)
        savedEdits = upTo
        errorMessage.value = ''
        savedAt.value = new Date()
        state.value = edits === savedEdits ? 'saved' : 'dirty'
        if (state.value === 'dirty') schedule()
        clearStash()
      } catch (error) {
        if (error instanceof ConflictError) {
          const current = error.current as R
          if (sameAsDraft(current, copy)) {
            // The other save holds exactly this text (a copy saved at start-up, say): no choice to make.
            takeStored(current, upTo)
          } else {
            conflict.value = current
            state.value = 'conflict'
          }
        } else {
          errorMessage.value = describeStorageError(error)
          state.value = 'error'
        }
      } finally {
        inFlight = null
      }
    })()
    await inFlight
    if (latestRemote) remoteChanged(latestRemote)
    return (state.value as SaveState) === 'saved'
  }

  /**
   * The stored record as observed (Dexie liveQuery, across tabs). Our own saves come back with
   * the revision we already hold; anything newer was saved elsewhere.
   */
  function remoteChanged(remote: R | undefined): void {
    if (!remote) return
    latestRemote = remote
    if (inFlight || remote.revision <= record.value.revision) return
    latestRemote = null
    if (state.value === 'saved') {
      // Nothing unsaved here: take the other window's version quietly.
      record.value = remote
      setDraft(options.toDraft(remote))
      savedAt.value = new Date(remote.updatedAt)
      return
    }
    if (!inFlight && sameAsDraft(remote, snapshot())) {
      takeStored(remote, edits)
      return
    }
    clearTimeout(timer)
    conflict.value = remote
    state.value = 'conflict'
  }

  function sameAsDraft(stored: R, copy: D): boolean {
    return JSON.stringify(options.toDraft(stored)) === JSON.stringify(copy)
  }

  /** The stored record already holds everything typed up to edit `upTo`. */
  function takeStored(stored: R, upTo: number): void {
    clearTimeout(timer)
    record.value = stored
    savedEdits = upTo
    errorMessage.value = ''
    savedAt.value = new Date(stored.updatedAt)
    state.value = edits === savedEdits ? 'saved' : 'dirty'
    if (state.value === 'dirty') schedule()
    else clearStash()
  }

  /** Conflict: write this window's version over the other one. */
  async function keepMine(): Promise<boolean> {
    const theirs = conflict.value
    if (!theirs) return flush()
    record.value = theirs
    conflict.value = null
    state.value = 'dirty'
    return flush()
  }

  /** Conflict: take the other window's version (the user chose to drop theirs). */
  function useTheirs(): void {
    const theirs = conflict.value
    if (!theirs) return
    record.value = theirs
    conflict.value = null
    setDraft(options.toDraft(theirs))
    savedEdits = edits
    state.value = 'saved'
    savedAt.value = new Date(theirs.updatedAt)
    clearStash()
  }

  /** Conflict: take theirs and put this window's draft through `combine` (e.g. both notes). */
  async function combine(merge: (theirs: D, mine: D) => D): Promise<boolean> {
    const theirs = conflict.value
    if (!theirs) return flush()
    const mine = snapshot()
    record.value = theirs
    conflict.value = null
    setDraft(merge(options.toDraft(theirs), mine))
    edits++
    state.value = 'dirty'
    return flush()
  }

  // ---- last-moment copy ------------------------------------------------------------------------

  function writeStash(): void {
    if (!options.stashKey || state.value === 'saved') return
    const stash: Stash<D> = {
      baseRevision: record.value.revision,
      draft: snapshot(),
      at: new Date().toISOString(),
    }
    try {
      localStorage.setItem(options.stashKey, JSON.stringify(stash))
    } catch {
      // Full or unavailable: the IndexedDB flush below is still attempted.
    }
  }

  function clearStash(): void {
    if (options.stashKey) localStorage.removeItem(options.stashKey)
  }

  /**
   * A copy left by a page that closed before its save finished: put it back in the editor and
   * save it, or show it as a conflict if the record moved on meanwhile.
   */
  async function recoverStash(): Promise<boolean> {
    if (!options.stashKey) return false
    const raw = localStorage.getItem(options.stashKey)
    if (!raw) return false
    let stash: Stash<D>
    try {
      stash = JSON.parse(raw) as Stash<D>
    } catch {
      clearStash()
      return false
    }
    const current = record.value
    if (JSON.stringify(options.toDraft(current)) === JSON.stringify(stash.draft)) {
      // The save did land before the page went away.
      clearStash()
      return false
    }
    setDraft(stash.draft)
    edits++
    if (stash.baseRevision === current.revision) {
      state.value = 'dirty'
      await flush()
    } else {
      conflict.value = current
      state.value = 'conflict'
    }
    return true
  }

  function onHide(): void {
    if (document.visibilityState === 'hidden') {
      writeStash()
      void flush()
    }
  }
  function onUnload(): void {
    writeStash()
    void flush()
  }
  document.addEventListener('visibilitychange', onHide)
  window.addEventListener('beforeunload', onUnload)
  window.addEventListener('pagehide', onUnload)

  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onHide)
    window.removeEventListener('beforeunload', onUnload)
    window.removeEventListener('pagehide', onUnload)
    if (state.value !== 'saved') {
      writeStash()
      void flush()
    }
  })

  return {
    record,
    draft,
    state,
    dirty,
    savedAt,
    errorMessage,
    conflict,
    flush,
    remoteChanged,
    keepMine,
    useTheirs,
    combine,
    recoverStash,
  }
}
