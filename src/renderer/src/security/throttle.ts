/**
 * Growing waits after wrong passphrases, per account. Three tries are free (typos happen), then
 * 1 s, 2 s, 4 s... up to 5 minutes between tries. It slows someone guessing at the keyboard; a
 * copy of the disk is guarded by Argon2id instead, since whoever holds it skips any wait.
 */
export interface ThrottleState {
  failures: number
  /** ms since the epoch of the last wrong try, or null. */
  lastFailureAt: number | null
}

export const FREE_TRIES = 3
export const MAX_DELAY_MS = 5 * 60_000

export const NO_FAILURES: ThrottleState = { failures: 0, lastFailureAt: null }

/** The wait owed after `failures` wrong tries in a row. */
export function delayAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_TRIES))
}

/** How long before the next try is allowed (0: now). A clock set back never adds to a wait. */
export function waitRemaining(state: ThrottleState, now: number): number {
  if (state.lastFailureAt === null) return 0
  const until = state.lastFailureAt + delayAfter(state.failures)
  return Math.max(0, Math.min(until - now, delayAfter(state.failures)))
}

export function recordFailure(state: ThrottleState, now: number): ThrottleState {
  return { failures: state.failures + 1, lastFailureAt: now }
}
