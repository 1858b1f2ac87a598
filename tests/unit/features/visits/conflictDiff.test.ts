import { describe, expect, it } from 'vitest'
import { conflictDifferences } from '../../../../src/renderer/src/features/visits/conflictDiff'

describe('conflictDifferences', () => {
  it('lists only the fields that differ', () => {
    expect(
      conflictDifferences([
        ['Reason', 'same', 'same'],
        ['Plan', 'rest', 'stretch'],
      ]),
    ).toEqual([{ field: 'Plan', theirs: 'rest', mine: 'stretch' }])
  })

  it('shows a long note around its first difference, marking what is cut', () => {
    const start = 'x'.repeat(100_000)
    const [d] = conflictDifferences([['Note', `${start} THEIRS ${'y'.repeat(1000)}`, `${start} MINE`]])
    expect(d!.theirs.startsWith('…')).toBe(true)
    expect(d!.theirs).toContain(' THEIRS ')
    expect(d!.theirs.endsWith('…')).toBe(true)
    expect(d!.theirs.length).toBeLessThan(400)
    expect(d!.mine).toBe(`…${'x'.repeat(59)} MINE`)
  })

  it('keeps markup and right-to-left text as plain characters', () => {
    const [d] = conflictDifferences([['Note', '<b>تقلص</b>', '<script>x</script>']])
    expect(d).toEqual({ field: 'Note', theirs: '<b>تقلص</b>', mine: '<script>x</script>' })
  })
})
