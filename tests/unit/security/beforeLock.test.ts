import { describe, expect, it } from 'vitest'
import { onBeforeLock, settleBeforeLock } from '../../../src/renderer/src/security/beforeLock'

describe('before a lock', () => {
  it('waits for every pending save, failures included, before the keys may go', async () => {
    const done: string[] = []
    const offA = onBeforeLock(() => new Promise((r) => setTimeout(() => r(done.push('a')), 60)))
    const offB = onBeforeLock(() => Promise.reject(new Error('disk full')))
    await settleBeforeLock()
    expect(done).toEqual(['a'])
    offA()
    offB()
  })

  it('does not keep the keys open longer than the limit for a save that hangs', async () => {
    const off = onBeforeLock(() => new Promise(() => undefined))
    const start = Date.now()
    await settleBeforeLock(50)
    expect(Date.now() - start).toBeLessThan(2000)
    off()
  })
})
