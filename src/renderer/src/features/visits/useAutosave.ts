import {
  computed,
  onScopeDispose,
  reactive,
  ref,
  shallowRef,
  toRaw,
  watch,
  type ShallowRef,
  type UnwrapRef,
} from 'vue'
import { ConflictError, describeStorageError } from '@renderer/notes/errors'
import { onBeforeLock } from '@renderer/security/beforeLock'
import type { SaveOptions } from '@renderer/notes/repository'
import { descendsFrom, type Versioned } from '@renderer/notes/version'
import { conflictChoices } from './autosaveChoices'
import { usePageHideCopy, type Stash } from './usePageHideCopy'
import type { RecordStore } from './recordStore'
import { threeWay } from './threeWay'

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict'

export interface AutosaveOptions<R extends Versioned, D extends object> {
  initial: R
  toDraft(record: R): D
  store: RecordStore<R, D>
  /** localStorage key for the copy written at once when the page goes away unsaved. */
  stashKey?: string
  /** Pause after the last keystroke before a save. */
  delay?: number
  /**
   * The longest any edit waits for its save, however steady the typing: what a crash, a kill or
   * a power cut can lose. Each tick that cannot save (a conflict, a failing disk) refreshes the
   * crash copy in IndexedDB instead.
   */
  maxWait?: number
  /** Fields holding sets (causes, findings), merged item by item when two windows both changed them. */
  setFields?: (keyof D)[]
}

/**
 * Autosave for one record: saves a copy of the draft as the user types (a pause of `delay`, and
 * never more than `maxWait` after the first unsaved keystroke), one write at a time, without
 * ever blocking typing; flushes on demand (blur, route change, page hide). A failed write keeps
 * the draft and shows "Not saved". A save from another window is merged field by field when the
 * two touched different fields; otherwise it is a conflict the user settles (autosaveChoices.ts),
 * and whatever they choose, both versions are kept (the one not chosen in the history).
 */
export function useAutosave<R extends Versioned, D extends object>(options: AutosaveOptions<R, D>) {
  const delay = options.delay ?? 500
  // Under a second, with room left for the write itself to land: what a crash can lose.
  const maxWait = options.maxWait ?? 750
  const { store } = options
  const record = shallowRef(options.initial) as ShallowRef<R>
  const draft = reactive(options.toDraft(options.initial)) as UnwrapRef<D>
  const state = ref<SaveState>('saved')
  const savedAt = ref<Date>(new Date(options.initial.updatedAt))
  const errorMessage = ref('')
  /** The other window's version while a conflict waits for the user. */
  const conflict = shallowRef(null) as ShallowRef<R | null>
  /** A short line about what just happened (a merge, what "keep both" could not combine). */
  const notice = ref('')
  let edits = 0
  let savedEdits = 0
  let firstUnsavedAt: number | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: Promise<void> | null = null
  let applying = false
  let latestRemote: R | null = null

  const dirty = computed(() => state.value !== 'saved')

  const pageHide = usePageHideCopy({
    key: options.stashKey,
    unsaved: () => state.value !== 'saved',
    copy: (): Stash<D> => ({ baseRev: record.value.rev, fields: snapshot(), at: new Date().toISOString() }),
    flush: () => void flush(),
    seal: store.sealCopy?.bind(store),
  })
  const { clearStash } = pageHide

  watch(
    draft as object,
    () => {
      if (applying) return
      edits++
      firstUnsavedAt ??= Date.now()
      if (state.value === 'saved') state.value = 'dirty'
      schedule()
      pageHide.changed()
    },
    { deep: true, flush: 'sync' },
  )

  function schedule(): void {
    clearTimeout(timer)
    const waited = firstUnsavedAt === null ? 0 : Date.now() - firstUnsavedAt
    timer = setTimeout(() => void flush(), Math.max(0, Math.min(delay, maxWait - waited)))
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

  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

  async function writeCrashCopy(): Promise<void> {
    firstUnsavedAt = null
    try {
      await store.writeCrashCopy(record.value.rev, snapshot())
    } catch {
      // The disk refuses even this: the page-hide copy and the editor still hold the text.
    }
  }

  /**
   * Saves now if anything is unsaved (or `opts` asks for a save regardless). True when
   * everything typed is stored.
   */
  async function flush(opts?: SaveOptions): Promise<boolean> {
    clearTimeout(timer)
    while (inFlight) await inFlight
    if (state.value === 'conflict') {
      await writeCrashCopy()
      return false
    }
    if (edits === savedEdits && state.value !== 'error' && !opts) return true
    const upTo = edits
    const copy = snapshot()
    firstUnsavedAt = null
    state.value = 'saving'
    inFlight = (async () => {
      try {
        const saved = await store.save(record.value.rev, copy, opts)
        record.value = saved
        savedEdits = upTo
        errorMessage.value = ''
        savedAt.value = new Date()
        state.value = edits === savedEdits ? 'saved' : 'dirty'
        if (state.value === 'dirty') schedule()
        clearStash()
      } catch (error) {
        if (error instanceof ConflictError) {
          await met(error.current as R, copy, upTo)
        } else {
          errorMessage.value = describeStorageError(error)
          state.value = 'error'
          await writeCrashCopy()
        }
      } finally {
        inFlight = null
      }
    })()
    await inFlight
    if (latestRemote) remoteChanged(latestRemote)
    return (state.value as SaveState) === 'saved'
  }

  /** Another window's version met this window's unsaved edits. */
  async function met(theirs: R, copy: D, upTo: number): Promise<void> {
    const theirDraft = options.toDraft(theirs)
    if (same(theirDraft, copy)) {
      // The other save holds exactly this text (a copy saved at start-up, say): no choice to make.
      takeStored(theirs, upTo)
      return
    }
    const { merged, clashes } = threeWay(
      options.toDraft(record.value),
      theirDraft,
      snapshot(),
      options.setFields,
    )
    if (!clashes.length) {
      record.value = theirs
      setDraft(merged)
      edits++
      notice.value = 'Changes saved in another window were added to yours.'
      state.value = 'dirty'
      firstUnsavedAt ??= Date.now()
      schedule()
      return
    }
    clearTimeout(timer)
    conflict.value = theirs
    state.value = 'conflict'
    await writeCrashCopy()
  }

  /**
   * The stored record as observed (a live query, across windows). Our own saves come back as
   * the version we hold, or one it descends from; anything else was saved elsewhere.
   */
  function remoteChanged(remote: R | undefined): void {
    if (!remote) return
    latestRemote = remote
    if (inFlight) return
    latestRemote = null
    const mine = record.value
    if (remote.rev === mine.rev) {
      // The same version; only what is kept beside it (conflicts to settle) may have changed.
      if (!same(remote.conflicts, mine.conflicts)) record.value = { ...mine, conflicts: remote.conflicts }
      return
    }
    if (descendsFrom(mine, remote.rev)) return
    if (state.value === 'conflict') {
      conflict.value = remote
      return
    }
    if (state.value === 'saved') {
      // Nothing unsaved here: take the other window's version quietly.
      record.value = remote
      setDraft(options.toDraft(remote))
      savedAt.value = new Date(remote.updatedAt)
      return
    }
    void met(remote, snapshot(), edits)
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

  // The sealed page-hide copy follows the version the text is typed on as well as the text.
  watch(record, () => {
    if (state.value !== 'saved') pageHide.changed()
  })
  onScopeDispose(() => clearTimeout(timer))
  // A lock waits for this save (or crash copy) before the keys go.
  onScopeDispose(onBeforeLock(() => flush()))
  const choices = conflictChoices<R, D>({
    record,
    conflict,
    state,
    errorMessage,
    notice,
    savedAt,
    store,
    toDraft: options.toDraft,
    snapshot,
    setDraft,
    edited: () => void edits++,
    settled: () => void (savedEdits = edits),
    flush,
    clearStash,
  })

  return {
    record,
    draft,
    state,
    dirty,
    savedAt,
    errorMessage,
    conflict,
    notice,
    flush,
    remoteChanged,
    /** Resolves once the page-hide copy is sealed up to the newest text. */
    copySealed: pageHide.sealed,
    ...choices,
  }
}

export type Autosave<R extends Versioned, D extends object> = ReturnType<typeof useAutosave<R, D>>
