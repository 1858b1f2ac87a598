import { describe, expect, it } from 'vitest'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { lineCount, ROBOTO_WIDTHS, textWidth } from '../../../src/renderer/src/handouts/measure'

const require = createRequire(import.meta.url)

interface Font {
  unitsPerEm: number
  glyphForCodePoint(c: number): { advanceWidth: number }
}

describe('text measure', () => {
  it('has the widest advance of Regular and Medium in every Roboto file pdfmake ships', () => {
    const fontkit = require('fontkit') as { openSync(p: string): Font }
    const root = dirname(require.resolve('pdfmake/package.json'))
    const fonts = ['fonts/Roboto', 'build/fonts/Roboto'].flatMap((d) =>
      ['Regular', 'Medium'].map((s) => fontkit.openSync(join(root, d, `Roboto-${s}.ttf`))),
    )
    const widths: number[] = []
    for (let c = 0x20; c <= 0x17f; c++) {
      widths.push(
        Math.max(...fonts.map((f) => Math.ceil((f.glyphForCodePoint(c).advanceWidth * 1000) / f.unitsPerEm))),
      )
    }
    expect(ROBOTO_WIDTHS, 'regenerate the table in measure.ts').toEqual(widths)
  })

  it('counts wrapped lines, erring long for letters outside the table', () => {
    expect(textWidth('ii', 10)).toBeLessThan(textWidth('WW', 10))
    expect(lineCount('', 10, 100)).toBe(1)
    expect(lineCount('one line', 10, 500)).toBe(1)
    expect(lineCount('first\nsecond', 10, 500)).toBe(2)
    const words = Array.from({ length: 40 }, () => 'word').join(' ')
    const one = textWidth(words, 10)
    expect(lineCount(words, 10, one / 3)).toBeGreaterThanOrEqual(3)
    expect(lineCount(words, 10, one / 3)).toBeLessThanOrEqual(4)
    // One long word wider than the line is split over several lines.
    expect(lineCount('x'.repeat(100), 10, textWidth('x'.repeat(30), 10))).toBe(4)
    expect(textWidth('Ж', 10)).toBeGreaterThanOrEqual(textWidth('W', 10))
    // A zero-width space is a break point that takes no room.
    expect(textWidth('\u200B', 10)).toBe(0)
    const x30 = 'x'.repeat(30)
    expect(lineCount(`${x30}\u200B${x30}`, 10, textWidth('x'.repeat(40), 10))).toBe(2)
  })
})
