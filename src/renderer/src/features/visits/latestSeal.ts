/**
 * Keeps a sealed (encrypted) form of a value that changes often, ready to be written in a moment
 * when nothing can be awaited (a closing page). At most one seal runs at a time; changes that
 * arrive meanwhile collapse into one more seal of the newest value, so the sealed form trails
 * the typing by at most the one seal in flight.
 */
export interface LatestSeal {
  /** The value changed: seal it (its newest state, read when the seal starts). */
  changed(): void
  /** The newest finished sealed form, or null before the first. */
  readonly current: string | null
  /** Resolves when no seal is running or waiting (for tests and an orderly close). */
  idle(): Promise<void>
}

export function latestSeal(seal: () => Promise<string>): LatestSeal {
  let current: string | null = null
  let wanted = false
  let running: Promise<void> | null = null

  async function run(): Promise<void> {
    while (wanted) {
      wanted = false
      try {
        current = await seal()
      } catch {
        // Locked or the value cannot be read now: the previous sealed form stays, still sealed.
      }
    }
    running = null
  }

  return {
    changed() {
      wanted = true
      running ??= run()
    },
    get current() {
      return current
    },
    async idle() {
      while (running) await running
    },
  }
}
