import { describe, expect, it } from 'vitest'
import { fold, highlightWords, startsWithTerm } from '../../../src/shared/text'

describe('fold', () => {
  it('lowers case and drops accents, keeping other scripts', () => {
    expect(fold('Müller')).toBe('muller')
    expect(fold('CAFÉ au lait')).toBe('cafe au lait')
    expect(fold('Δέλτα')).toBe('δελτα')
    expect(fold('Plain ASCII 42')).toBe('plain ascii 42')
  })
})

describe('highlightWords', () => {
  const marked = (parts: { text: string; hit: boolean }[]) => parts.filter((p) => p.hit).map((p) => p.text)

  it('marks whole words the matcher accepts and keeps every character', () => {
    const text = 'Night cramps: calf (cramp) stretch.'
    const parts = highlightWords(text, startsWithTerm(['cramp']))
    expect(marked(parts)).toEqual(['cramps', 'cramp'])
    expect(parts.map((p) => p.text).join('')).toBe(text)
  })

  it('matches folded word starts, also for terms with punctuation', () => {
    expect(marked(highlightWords('Jo Müller, born 1950-03-02', startsWithTerm(['mul', '1950-03'])))).toEqual([
      'Müller',
      '1950',
      '03',
    ])
    expect(marked(highlightWords('scamp', startsWithTerm(['amp'])))).toEqual([])
  })

  it('gives the text as one plain part when nothing matches, even empty text', () => {
    expect(highlightWords('no match here', () => false)).toEqual([{ text: 'no match here', hit: false }])
    expect(highlightWords('', () => true)).toEqual([{ text: '', hit: false }])
  })
})
