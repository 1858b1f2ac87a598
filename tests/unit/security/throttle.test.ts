import { describe, expect, it } from 'vitest'
import {
  FREE_TRIES,
  MAX_DELAY_MS,
  NO_FAILURES,
  delayAfter,
  recordFailure,
  waitRemaining,
} from '../../../src/renderer/src/security/throttle'

describe('sign-in delays', () => {
  it('lets three tries go, then doubles the wait up to five minutes', () => {
    expect([0, 1, 2].map(delayAfter)).toEqual([0, 0, 0])
    expect([3, 4, 5, 6].map(delayAfter)).toEqual([1000, 2000, 4000, 8000])
    expect(delayAfter(40)).toBe(MAX_DELAY_MS)
  })

  it('counts down from the last wrong try', () => {
    let s = NO_FAILURES
    for (let i = 0; i < FREE_TRIES; i++) s = recordFailure(s, 10_000)
    expect(waitRemaining(s, 10_000)).toBe(1000)
    expect(waitRemaining(s, 10_600)).toBe(400)
    expect(waitRemaining(s, 11_000)).toBe(0)
    s = recordFailure(s, 11_000)
    expect(waitRemaining(s, 11_000)).toBe(2000)
  })

  it('a clock set back never makes the wait longer than owed', () => {
    const s = recordFailure(recordFailure(recordFailure(NO_FAILURES, 50_000), 50_000), 50_000)
    expect(waitRemaining(s, 0)).toBe(1000)
    expect(waitRemaining(NO_FAILURES, 0)).toBe(0)
  })
})
