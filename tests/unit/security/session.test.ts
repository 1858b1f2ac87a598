import { expect, it } from 'vitest'
import { LockedError } from '../../../src/renderer/src/security/errors'
import { createDataKey } from '../../../src/renderer/src/security/keyring'
import { KeySession } from '../../../src/renderer/src/security/session'

it('holds the keys while open and forgets them on close, telling listeners', async () => {
  const s = new KeySession()
  expect(() => s.ring).toThrow(LockedError)
  const closes: number[] = []
  s.onClose(() => closes.push(1))
  await s.open(await createDataKey())
  expect(s.isOpen).toBe(true)
  expect(s.ring.fieldKey).toBeDefined()
  expect(s.dataKey.extractable).toBe(true)
  s.close()
  expect(s.isOpen).toBe(false)
  expect(() => s.ring).toThrow(LockedError)
  expect(() => s.dataKey).toThrow(/locked/)
  s.close()
  expect(closes).toEqual([1])
})
