import { notesRepo } from '@renderer/notes/instance'
import type { RecordKind } from '@renderer/notes/model'
import { sealPageHideCopy, type PageHideStash } from '@renderer/notes/pageHideCopy'
import type { InputOf, RecordOf, SaveOptions } from '@renderer/notes/repository'
import { LockedError } from '@renderer/security/errors'
import { ensureWindowLock } from './windowLock'

/** Where an autosave keeps one record: the repository's versioned writes for it. */
export interface RecordStore<R, D> {
  save(baseRev: string, draft: D, options?: SaveOptions): Promise<R>
  /** Keeps text that was not chosen as a version in the record's history. */
  keepAside(draft: D, basedOn: string, note: string): Promise<void>
  /** This window's crash copy of text the record itself cannot take yet. */
  writeCrashCopy(baseRev: string, draft: D): Promise<void>
  /**
   * The page-hide copy as localStorage will hold it, sealed with the session's keys (rejects
   * while locked). Without it the editor leaves no page-hide copy at all.
   */
  sealCopy?(key: string, stash: { baseRev: string; fields: D; at: string }): Promise<string>
}

export function recordStore<K extends RecordKind>(kind: K, id: string): RecordStore<RecordOf<K>, InputOf<K>> {
  // A window holds its lock before it can leave a crash copy: start-up recovery elsewhere then
  // knows the copy belongs to a window that is still open.
  void ensureWindowLock(notesRepo.author.window)
  return {
    save: (baseRev, draft, options) => notesRepo.update(kind, id, baseRev, draft, options),
    keepAside: async (draft, basedOn, note) => {
      await notesRepo.keepAside(kind, id, draft, basedOn, note)
    },
    writeCrashCopy: (baseRev, draft) => notesRepo.writeCrashCopy(kind, id, baseRev, draft),
    sealCopy: async (key, stash) => {
      const keys = notesRepo.db.keySource
      // An unencrypted database (tools, the benchmark baseline) gets no page-hide copy.
      if (!keys) throw new LockedError()
      return sealPageHideCopy(keys().fieldKey, key, stash as PageHideStash)
    },
  }
}
