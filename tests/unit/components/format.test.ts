import { describe, expect, it } from 'vitest'
import content from 'virtual:reference-content'
import { countOf, medicinesFromText } from '../../../src/renderer/src/components/format'
import { checkMedicines } from '../../../src/renderer/src/reference/medcheck'

describe('medicinesFromText', () => {
  it('keeps each typed line whole, commas included', () => {
    const typed = 'Co-amilofruse 5/40, one each morning\n  furosemide 40 mg  \n\nPrednisolone'
    expect(medicinesFromText(typed)).toEqual([
      'Co-amilofruse 5/40, one each morning',
      'furosemide 40 mg',
      'Prednisolone',
    ])
    expect(medicinesFromText('a\r\nb')).toEqual(['a', 'b'])
  })

  it('a line naming two medicines still feeds both to the medication check', () => {
    const list = medicinesFromText('furosemide, atorvastatin')
    expect(list).toHaveLength(1)
    const names = checkMedicines(list, content).map((r) => r.input)
    expect(names).toEqual(['furosemide', 'atorvastatin'])
  })
})

describe('countOf', () => {
  it('counts in words', () => {
    expect(countOf(0, 'visit', 'visits')).toBe('no visits')
    expect(countOf(1, 'visit', 'visits')).toBe('1 visit')
    expect(countOf(12000, 'visit', 'visits')).toBe('12,000 visits')
  })
})
