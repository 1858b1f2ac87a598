/**
 * Locks the app after a period without input. Pure timing: the clock and the timer are passed
 * in, so tests drive it minute by minute and the app hands it Date.now and setTimeout.
 *
 * Input events only store a time (no timer is rescheduled on each mouse move); the single timer
 * wakes at the earliest moment the lock could be due and checks again. The app also calls
 * `check()` when the window becomes visible or the computer wakes, since timers do not run
 * during sleep.
 */
export const AUTO_LOCK_DEFAULT_MINUTES = 5
export const AUTO_LOCK_MIN_MINUTES = 1
export const AUTO_LOCK_MAX_MINUTES = 120

/** A stored setting as minutes: missing or unreadable gives the default, out of range the bound. */
export function autoLockMinutes(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN
  if (!Number.isFinite(n)) return AUTO_LOCK_DEFAULT_MINUTES
  return Math.min(AUTO_LOCK_MAX_MINUTES, Math.max(AUTO_LOCK_MIN_MINUTES, Math.round(n)))
}

export interface AutoLockOptions {
  minutes: number
  now: () => number
  /** Schedules fn after ms; returns a cancel function. */
  setTimer: (fn: () => void, ms: number) => () => void
  onLock: () => void
}

export class AutoLockTimer {
  #timeoutMs: number
  #lastActivity = 0
  #cancel: (() => void) | null = null
  #running = false

  constructor(private readonly opts: AutoLockOptions) {
    this.#timeoutMs = autoLockMinutes(opts.minutes) * 60_000
  }

  get running(): boolean {
    return this.#running
  }

  /** Starts counting from now (after sign-in or unlock). */
  start(): void {
    this.#running = true
    this.#lastActivity = this.opts.now()
    this.#schedule(this.#timeoutMs)
  }

  /** Input seen: cheap enough to call on every key press and mouse move. */
  activity(): void {
    if (this.#running) this.#lastActivity = this.opts.now()
  }

  setMinutes(minutes: number): void {
    this.#timeoutMs = autoLockMinutes(minutes) * 60_000
    if (this.#running) this.check()
  }

  /** ms until the lock, if nothing else happens. */
  remainingMs(): number {
    if (!this.#running) return 0
    return Math.max(0, this.#lastActivity + this.#timeoutMs - this.opts.now())
  }

  /** Locks now if due, else makes sure the timer wakes in time. */
  check(): void {
    if (!this.#running) return
    const now = this.opts.now()
    // The clock was set back: count from now rather than never locking.
    if (now < this.#lastActivity) this.#lastActivity = now
    const left = this.#lastActivity + this.#timeoutMs - now
    if (left <= 0) {
      this.stop()
      this.opts.onLock()
    } else {
      this.#schedule(left)
    }
  }

  stop(): void {
    this.#running = false
    this.#cancel?.()
    this.#cancel = null
  }

  #schedule(ms: number): void {
    this.#cancel?.()
    this.#cancel = this.opts.setTimer(() => {
      this.#cancel = null
      this.check()
    }, ms)
  }
}
