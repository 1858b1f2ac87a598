import { describe, expect, it } from 'vitest'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { buildHandout } from '../../../src/renderer/src/handouts/builder'
import { ROBOTO_RANGES } from '../../../src/renderer/src/handouts/roboto-coverage'
import { assertPrintable, canDraw, unsupportedChars } from '../../../src/renderer/src/handouts/glyphs'
import { HandoutError } from '../../../src/renderer/src/handouts/spec'
import { makeSpec, realContent } from './helpers'

const require = createRequire(import.meta.url)

function errorOf(fn: () => unknown): HandoutError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(HandoutError)
    return e as HandoutError
  }
  throw new Error('expected a HandoutError')
}

describe('glyph check', () => {
  it('matches the cmap of every Roboto file pdfmake ships (Node and browser)', () => {
    const fontkit = require('fontkit') as { openSync(p: string): { characterSet: number[] } }
    const root = dirname(require.resolve('pdfmake/package.json'))
    const files = ['Regular', 'Medium', 'Italic', 'MediumItalic'].flatMap((s) => [
      join(root, 'fonts/Roboto', `Roboto-${s}.ttf`),
      join(root, 'build/fonts/Roboto', `Roboto-${s}.ttf`),
    ])
    const sets = files.map((f) => new Set(fontkit.openSync(f).characterSet))
    const common = [...sets[0]!].filter((c) => sets.every((s) => s.has(c))).sort((a, b) => a - b)
    const ranges: [number, number][] = []
    for (const c of common) {
      const last = ranges[ranges.length - 1]
      if (last && last[1] === c - 1) last[1] = c
      else ranges.push([c, c])
    }
    expect(ROBOTO_RANGES, 'regenerate roboto-coverage.ts from these ranges').toEqual(ranges)
  })

  it('knows what Roboto can and cannot draw', () => {
    expect(canDraw('é'.codePointAt(0)!)).toBe(true)
    expect(canDraw('Ж'.codePointAt(0)!)).toBe(true)
    expect(canDraw('王'.codePointAt(0)!)).toBe(false)
    expect(unsupportedChars('Zoë Ó Briain')).toEqual([])
    // A decomposed ü (u + combining diaeresis) is composed before printing, so it is fine.
    expect(unsupportedChars('Mu\u0308ller')).toEqual([])
    expect(unsupportedChars('王小明 and 王')).toEqual(['王', '小', '明'])
    expect(unsupportedChars('Feeling 😀')).toEqual(['😀'])
  })

  it('names the field and the characters before any PDF is made', () => {
    const e = errorOf(() => assertPrintable(makeSpec({ patient: { name: 'Layla حداد' } })))
    expect(e.field).toBe('patient.name')
    expect(e.message).toContain('the patient name')
    expect(e.message).toContain('"ح" (U+062D)')
    const note = errorOf(() => buildHandout(makeSpec({ personalNote: 'Well done 👍' }), realContent()))
    expect(note.field).toBe('personalNote')
    expect(note.message).toContain('U+1F44D')
    const med = errorOf(() => buildHandout(makeSpec({ medicines: ['aspirin', 'ロキソニン'] }), realContent()))
    expect(med.field).toBe('medicines.1')
    expect(med.message).toContain('medicine 2')
    const clinic = errorOf(() =>
      buildHandout(makeSpec({ clinic: { ...makeSpec().clinic, footer: '★ Rated best ★' } }), realContent()),
    )
    expect(clinic.field).toBe('clinic.footer')
  })

  it('finds nothing unprintable in the reference content', () => {
    const c = realContent()
    const all = JSON.stringify([c.meta, c.causes, c.topics, c.drugs, c.redFlags])
    expect(unsupportedChars(JSON.parse(JSON.stringify(all)))).toEqual([])
  })
})
