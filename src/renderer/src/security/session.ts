import { LockedError } from './errors'
import { deriveKeyRing, type KeyRing } from './keyring'

/**
 * Holds the unwrapped data key and its derived keys in memory while the app is unlocked. Locking
 * drops every reference, so they can be garbage-collected; nothing is ever written to storage,
 * and the repository's calls fail with LockedError until someone signs in again.
 */
export class KeySession {
  #dataKey: CryptoKey | null = null
  #ring: KeyRing | null = null
  readonly #onLock = new Set<() => void>()

  async open(dataKey: CryptoKey): Promise<KeyRing> {
    const ring = await deriveKeyRing(dataKey)
    this.#dataKey = dataKey
    this.#ring = ring
    return ring
  }

  get isOpen(): boolean {
    return this.#ring !== null
  }

  /** The derived keys; throws LockedError while locked. */
  get ring(): KeyRing {
    if (!this.#ring) throw new LockedError()
    return this.#ring
  }

  /** The data key itself, only to wrap a new copy (new staff, passphrase change, new recovery key). */
  get dataKey(): CryptoKey {
    if (!this.#dataKey) throw new LockedError()
    return this.#dataKey
  }

  close(): void {
    const wasOpen = this.isOpen
    this.#dataKey = null
    this.#ring = null
    if (wasOpen) for (const fn of this.#onLock) fn()
  }

  /** Called on every close (lock, sign-out, switch user): caches of plain text must drop too. */
  onClose(fn: () => void): () => void {
    this.#onLock.add(fn)
    return () => this.#onLock.delete(fn)
  }
}
