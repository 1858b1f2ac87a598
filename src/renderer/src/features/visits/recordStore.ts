import { notesRepo } from '@renderer/notes/instance'
import type { RecordKind } from '@renderer/notes/model'
import type { InputOf, RecordOf, SaveOptions } from '@renderer/notes/repository'
import { ensureWindowLock } from './windowLock'

/** Where an autosave keeps one record: the repository's versioned writes for it. */
export interface RecordStore<R, D> {
  save(baseRev: string, draft: D, options?: SaveOptions): Promise<R>
  /** Keeps text that was not chosen as a version in the record's history. */
  keepAside(draft: D, basedOn: string, note: string): Promise<void>
  /** This window's crash copy of text the record itself cannot take yet. */
  writeCrashCopy(baseRev: string, draft: D): Promise<void>
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
  }
}
