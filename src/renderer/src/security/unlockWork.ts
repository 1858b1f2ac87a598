import { whenIdle } from '../notes/idle'

export interface UnlockWork {
  /** Seals rows written before encryption at rest (notes/encryptionRunner.ts). */
  sealOldRows(): Promise<void>
  /** Brings the note search index back (its snapshot, or every visit read again). */
  prepareSearch(): Promise<void>
  /** Whether the keys are still open (a lock may come before the work starts). */
  stillOpen(): boolean
}

/**
 * What an unlock starts besides the screen the person comes back to. Neither job is needed to
 * show that screen, and at 100,000 visits either one, started at once, competed with its reads
 * for the main thread and IndexedDB; so both wait until the screen has had its turn. A note
 * search typed sooner starts the index itself.
 */
export function startAfterUnlock(work: UnlockWork): void {
  void whenIdle().then(() => {
    if (!work.stillOpen()) return
    void work.sealOldRows().catch(() => undefined)
    // Refused, harmlessly, for a role that may not search notes.
    void work.prepareSearch().catch(() => undefined)
  })
}
