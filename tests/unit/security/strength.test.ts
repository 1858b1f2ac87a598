import { describe, expect, it } from 'vitest'
import { MIN_LENGTH, checkStrength } from '../../../src/renderer/src/security/strength'

describe('passphrase strength (zxcvbn-ts)', () => {
  it('refuses common passwords, short ones and keyboard patterns', async () => {
    for (const p of ['password123', 'Password1!', 'qwertyuiop123', 'letmein2026', 'abc']) {
      const s = await checkStrength(p)
      expect(s.acceptable, p).toBe(false)
      expect(s.message).not.toBe('')
    }
    expect((await checkStrength('abc')).message).toMatch(new RegExp(`at least ${MIN_LENGTH} characters`))
  })

  it('accepts several unrelated words', async () => {
    const s = await checkStrength('amber kettle violin harbour')
    expect(s.acceptable).toBe(true)
    expect(s.score).toBeGreaterThanOrEqual(3)
    expect(s.message).toBe('')
  })

  it('counts the person’s and the clinic’s own names as guessed first', async () => {
    const p = 'ch10001riverside'
    expect((await checkStrength(p)).acceptable).toBe(true)
    const own = await checkStrength(p, ['Olive Owner', 'HCPC CH10001', 'Riverside Foot Clinic'])
    expect(own.acceptable).toBe(false)
    expect(own.message).toMatch(/too easy to guess/)
  })
})
