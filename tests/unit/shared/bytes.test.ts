import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { formatBytes, sha256Hex } from '../../../src/shared/bytes'

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [38 * 1024 + 300, '38 KB'],
    [256 * 1024, '256 KB'],
    [1024 * 1024, '1 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
    [256 * 1024 * 1024, '256 MB'],
    [2 * 1024 ** 3, '2 GB'],
    [-1, 'an unknown size'],
    [Number.NaN, 'an unknown size'],
  ])('%d bytes reads "%s"', (n, text) => {
    expect(formatBytes(n)).toBe(text)
  })
})

describe('sha256Hex', () => {
  it("matches Node's own SHA-256", async () => {
    const bytes = new TextEncoder().encode('Cramp Clinic ✓')
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(await sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
  })
})
