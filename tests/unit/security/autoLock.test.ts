import { describe, expect, it } from 'vitest'
import {
  AUTO_LOCK_DEFAULT_MINUTES,
  AutoLockTimer,
  autoLockMinutes,
} from '../../../src/renderer/src/security/autoLock'

/** A fake clock and timer queue: time moves only when the test says. */
function harness(minutes: number) {
  let now = 0
  let timers: { at: number; fn: () => void }[] = []
  let locks = 0
  const timer = new AutoLockTimer({
    minutes,
    now: () => now,
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn }
      timers.push(t)
      return () => (timers = timers.filter((x) => x !== t))
    },
    onLock: () => locks++,
  })
  const advance = (ms: number) => {
    const until = now + ms
    for (;;) {
      const next = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!next) break
      timers = timers.filter((t) => t !== next)
      now = next.at
      next.fn()
    }
    now = until
  }
  return {
    timer,
    advance,
    jump: (ms: number) => void (now += ms),
    locks: () => locks,
    pending: () => timers.length,
  }
}

describe('auto-lock setting', () => {
  it('defaults to 5 minutes, at least 1, whole minutes', () => {
    expect(autoLockMinutes(undefined)).toBe(AUTO_LOCK_DEFAULT_MINUTES)
    expect(autoLockMinutes('nonsense')).toBe(5)
    expect(autoLockMinutes(0)).toBe(1)
    expect(autoLockMinutes(-3)).toBe(1)
    expect(autoLockMinutes('10')).toBe(10)
    expect(autoLockMinutes(2.4)).toBe(2)
    expect(autoLockMinutes(100000)).toBe(120)
  })
})

describe('auto-lock timer', () => {
  it('locks after the set minutes without input, once', () => {
    const h = harness(5)
    h.timer.start()
    h.advance(5 * 60_000 - 1)
    expect(h.locks()).toBe(0)
    h.advance(1)
    expect(h.locks()).toBe(1)
    h.advance(60 * 60_000)
    expect(h.locks()).toBe(1)
    expect(h.timer.running).toBe(false)
  })

  it('input pushes the lock back, and keeps a single timer', () => {
    const h = harness(5)
    h.timer.start()
    for (let i = 0; i < 10; i++) {
      h.advance(4 * 60_000)
      h.timer.activity()
    }
    expect(h.locks()).toBe(0)
    expect(h.pending()).toBe(1)
    expect(h.timer.remainingMs()).toBe(5 * 60_000)
    h.advance(5 * 60_000)
    expect(h.locks()).toBe(1)
  })

  it('locks at once on check() after a sleep longer than the limit', () => {
    const h = harness(5)
    h.timer.start()
    h.jump(30 * 60_000) // the computer slept; no timer ran
    h.timer.check()
    expect(h.locks()).toBe(1)
  })

  it('a shorter setting takes effect now', () => {
    const h = harness(10)
    h.timer.start()
    h.advance(3 * 60_000)
    h.timer.setMinutes(2)
    expect(h.locks()).toBe(1)
  })

  it('a clock set back counts from now instead of never locking', () => {
    const h = harness(1)
    h.timer.start()
    h.jump(-3_600_000)
    h.timer.check()
    expect(h.locks()).toBe(0)
    h.advance(60_000)
    expect(h.locks()).toBe(1)
  })

  it('stop() cancels; activity while stopped does nothing', () => {
    const h = harness(1)
    h.timer.start()
    h.timer.stop()
    h.timer.activity()
    h.advance(10 * 60_000)
    expect(h.locks()).toBe(0)
    expect(h.pending()).toBe(0)
  })
})
