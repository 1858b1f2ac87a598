import type { Ref, ShallowRef } from 'vue'
import { describeStorageError } from '@renderer/notes/errors'
import type { SaveOptions } from '@renderer/notes/repository'
import type { Versioned } from '@renderer/notes/version'
import { combineBoth, type CombineSpec } from './combine'
import type { RecordStore } from './recordStore'
import type { SaveState } from './useAutosave'

/** The parts of one autosave that settling a conflict reads and moves (useAutosave.ts). */
export interface AutosaveInternals<R extends Versioned, D extends object> {
  record: ShallowRef<R>
  conflict: ShallowRef<R | null>
  state: Ref<SaveState>
  errorMessage: Ref<string>
  notice: Ref<string>
  savedAt: Ref<Date>
  store: RecordStore<R, D>
  toDraft(record: R): D
  snapshot(): D
  /** Replaces the draft without counting it as typing. */
  setDraft(value: D): void
  /** Counts a change the user did not type (a combination, a version brought back) as an edit. */
  edited(): void
  /** Every edit so far is in the stored record. */
  settled(): void
  flush(opts?: SaveOptions): Promise<boolean>
  clearStash(): void
}

/**
 * What the user can do when two versions met: whatever they choose, the version not chosen is
 * kept in the record's history, whole. Also the deliberate whole-record change (`commit`).
 */
export function conflictChoices<R extends Versioned, D extends object>(a: AutosaveInternals<R, D>) {
  /** This window's version becomes current; the other window's is kept in the history. */
  async function keepMine(): Promise<boolean> {
    const theirs = a.conflict.value
    if (!theirs) return a.flush()
    a.record.value = theirs
    a.conflict.value = null
    a.state.value = 'dirty'
    return a.flush({
      newRun: true,
      previous: { why: 'conflict', note: "The other window's version; this window's was chosen" },
    })
  }

  /** The other window's version stays current; this window's is kept in the history. */
  async function useTheirs(): Promise<boolean> {
    const theirs = a.conflict.value
    if (!theirs) return true
    try {
      await a.store.keepAside(
        a.snapshot(),
        a.record.value.rev,
        "This window's version; the other window's was chosen",
      )
    } catch (error) {
      a.errorMessage.value = describeStorageError(error)
      return false
    }
    a.record.value = theirs
    a.conflict.value = null
    a.setDraft(a.toDraft(theirs))
    a.settled()
    a.state.value = 'saved'
    a.savedAt.value = new Date(theirs.updatedAt)
    a.clearStash()
    return true
  }

  /**
   * Both put together by `combine` become current; the two versions as they were are both kept
   * in the history. `chosen` lists what could not be combined (single values).
   */
  async function keepBoth(combine: (theirs: D, mine: D) => { draft: D; chosen: string[] }): Promise<boolean> {
    const theirs = a.conflict.value
    if (!theirs) return a.flush()
    const mine = a.snapshot()
    try {
      await a.store.keepAside(
        mine,
        a.record.value.rev,
        "This window's version as it was before both were put together",
      )
    } catch (error) {
      a.errorMessage.value = describeStorageError(error)
      return false
    }
    const both = combine(a.toDraft(theirs), mine)
    a.record.value = theirs
    a.conflict.value = null
    a.setDraft(both.draft)
    a.edited()
    a.notice.value = ['Both versions were put together.', ...both.chosen].join(' ')
    a.state.value = 'dirty'
    return a.flush({
      newRun: true,
      previous: {
        why: 'conflict',
        note: "The other window's version as it was before both were put together",
      },
    })
  }

  /**
   * A deliberate change of the whole record (an earlier version brought back, a conflict kept
   * beside this version settled): saved at once as a version of its own.
   */
  async function commit(fields: Partial<D> | null, opts: SaveOptions): Promise<boolean> {
    if (!(await a.flush())) return false
    if (fields) {
      a.setDraft({ ...a.snapshot(), ...fields })
      a.edited()
    }
    a.state.value = 'dirty'
    return a.flush({ newRun: true, ...opts })
  }

  return { keepMine, useTheirs, keepBoth, commit }
}

/**
 * Settling a version kept beside the current one (a merged backup, a closed window) and bringing
 * an earlier version back: the same three choices on a patient's details and on a visit, each a
 * deliberate whole-record change through `commit`, so the version not chosen stays in the history.
 */
export function keptChoices<D extends object>(opts: {
  commit: (fields: Partial<D> | null, saveOpts: SaveOptions) => Promise<boolean>
  draft: D
  notice: Ref<string>
  spec: CombineSpec<D>
  /** Said once an earlier version is back, e.g. "The earlier details are back". */
  broughtBack: string
}) {
  async function keepBothKept(rev: string, other: D): Promise<void> {
    // A plain copy: the draft is reactive, and combineBoth builds a new record from it.
    const shown = JSON.parse(JSON.stringify(opts.draft)) as D
    const both = combineBoth(opts.spec, other, shown, {
      mine: 'the version shown',
      theirs: 'the kept version',
    })
    await opts.commit(both.draft, { resolve: [rev] })
    opts.notice.value = ['Both versions were put together.', ...both.chosen].join(' ')
  }
  async function useKept(rev: string, other: D): Promise<void> {
    await opts.commit(other, {
      resolve: [rev],
      previous: { why: 'conflict', note: 'The version shown until the kept one was chosen' },
    })
  }
  async function bringBack(fields: D): Promise<void> {
    await opts.commit(fields, {
      previous: { why: 'replaced', note: 'Replaced by an earlier version brought back' },
    })
    opts.notice.value = `${opts.broughtBack}; what was here before is in the history.`
  }
  return { keepBothKept, useKept, bringBack }
}
