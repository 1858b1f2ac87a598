import type { NotesDB } from './db'
import { encryptInPlace, type EncryptionProgress } from './encryptInPlace'

/**
 * Runs encryptInPlace in the background while someone is signed in: started at each unlock,
 * stopped at each lock (the batch under way finishes or fails with LockedError; either way the
 * next unlock goes on from the last batch stored). Screens read `progress` to show it.
 */
export class EncryptionRunner {
  #running: Promise<void> | null = null
  #stop = false
  #progress: EncryptionProgress | null = null
  readonly #listeners = new Set<(p: EncryptionProgress | null) => void>()

  constructor(
    private readonly db: NotesDB,
    private readonly pauseMs = 20,
  ) {}

  /** Null until the first look; `finished` once every row is sealed. */
  get progress(): EncryptionProgress | null {
    return this.#progress
  }

  subscribe(fn: (p: EncryptionProgress | null) => void): () => void {
    this.#listeners.add(fn)
    fn(this.#progress)
    return () => this.#listeners.delete(fn)
  }

  start(): Promise<void> {
    this.#stop = false
    this.#running ??= encryptInPlace(this.db, {
      pauseMs: this.pauseMs,
      shouldStop: () => this.#stop,
      onProgress: (p) => this.#set(p),
    })
      .then(() => undefined)
      // Locked half way, or the disk refused a batch: the stored state says where to go on.
      .catch(() => undefined)
      .finally(() => {
        this.#running = null
      })
    return this.#running
  }

  stop(): void {
    this.#stop = true
  }

  #set(p: EncryptionProgress): void {
    this.#progress = p
    for (const fn of this.#listeners) fn(p)
  }
}
