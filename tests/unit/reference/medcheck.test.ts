import { describe, expect, it } from 'vitest'
import content from 'virtual:reference-content'
import {
  checkMedicines,
  describeDrug,
  splitMedicines,
  type MedicineMatch,
} from '@renderer/reference/medcheck'

const matched = (input: string): MedicineMatch => {
  const [r] = checkMedicines(input, content)
  if (r?.status !== 'matched') throw new Error(`"${input}" did not match`)
  return r
}

describe('medication check', () => {
  it('matches a generic name the sources name, with their note and source titles', () => {
    const m = matched('furosemide')
    expect(m.drug.id).toBe('furosemide')
    expect(m.matchedBy).toBe('generic')
    expect(m.lookup).toBe(false)
    expect(m.corrected).toBe(false)
    expect(m.notes[0]!.from).toBe('Furosemide')
    expect(m.notes[0]!.lookup).toBe(false)
    expect(m.notes[0]!.sources.length).toBeGreaterThan(0)
    expect(m.notes[0]!.sources[0]!.title).toBeTruthy()
    expect(m.causeIds).toContain(content.finder.medicineCause)
  })

  it('matches a brand name of a lookup entry and shows its class note, marked as lookup', () => {
    const m = matched('Lipitor')
    expect(m.drug.id).toBe('atorvastatin')
    expect(m.matchedBy).toBe('brand')
    expect(m.matchedName).toBe('Lipitor')
    expect(m.lookup).toBe(true)
    expect(m.classes.map((c) => c.id)).toEqual(['statins'])
    expect(m.notes).toHaveLength(1)
    expect(m.notes[0]).toMatchObject({ from: 'Statins', lookup: true })
  })

  it('knows other common members of the named classes, as lookup', () => {
    for (const [typed, id] of [
      ['Latuda', 'lurasidone'],
      ['amisulpride', 'amisulpride'],
      ['chlorpromazine', 'chlorpromazine'],
      ['Zaroxolyn', 'metolazone'],
    ] as const) {
      const m = matched(typed)
      expect(m.drug.id, typed).toBe(id)
      expect(m.lookup, typed).toBe(true)
    }
  })

  it('matches a brand name of a named drug', () => {
    expect(matched('Lasix').drug.id).toBe('furosemide')
    expect(matched('Aleve').drug.id).toBe('naproxen')
  })

  it('matches a class name, singular or plural, and a lay name for a class', () => {
    expect(matched('statin').drug.id).toBe('statins')
    expect(matched('Diuretics').drug.id).toBe('diuretics')
    expect(matched('water pills').drug.id).toBe('diuretics')
  })

  it('tolerates misspellings and says so', () => {
    for (const [typed, id] of [
      ['frusemide', 'furosemide'],
      ['citalopran', 'citalopram'],
      ['raloxifine', 'raloxifene'],
      ['Seraquel', 'quetiapine'],
    ] as const) {
      const m = matched(typed)
      expect(m.drug.id, typed).toBe(id)
      expect(m.corrected || m.matchedBy === 'alias', typed).toBe(true)
    }
    expect(matched('lipiter').corrected).toBe(true)
  })

  it('lists names it does not know instead of dropping them', () => {
    const r = checkMedicines('metformin, Lipitor, paracetamol', content)
    expect(r.map((x) => x.status)).toEqual(['unknown', 'matched', 'unknown'])
    expect(r[0]).toEqual({ status: 'unknown', input: 'metformin' })
    expect(r[2]).toEqual({ status: 'unknown', input: 'paracetamol' })
  })

  it('lists an unknown name that shares a line with a known one', () => {
    const show = (input: string): string[] =>
      checkMedicines(input, content).map((x) => (x.status === 'matched' ? x.drug.id : `?${x.input}`))
    expect(show('Lipitor ramipril')).toEqual(['atorvastatin', '?ramipril'])
    expect(show('Simvastatin/ramipril')).toEqual(['simvastatin', '?ramipril'])
    expect(show('naproxn metformin 500mg')).toEqual(['naproxen', '?metformin'])
    expect(show('amlodipine + bendroflumethiazide')).toEqual(['?amlodipine', 'bendroflumethiazide'])
    // Dose, form and release words are not names and are not listed.
    expect(show('Seroquel XR 50 mg')).toEqual(['quetiapine'])
    expect(show('Lipitor 20 mg once daily at night')).toEqual(['atorvastatin'])
  })

  it('splits on tabs, bars and a slash between words, but not inside a dose', () => {
    expect(splitMedicines('lasix\tlipitor | zocor/crestor')).toEqual(['lasix', 'lipitor', 'zocor', 'crestor'])
    expect(splitMedicines('co-amilofruse 5/40')).toEqual(['co-amilofruse 5/40'])
  })

  it('does not turn a short unknown name into a lookalike drug', () => {
    for (const name of ['aspirin', 'amlodipine', 'ramipril', 'insulin', 'omeprazole']) {
      expect(checkMedicines(name, content)[0]!.status, name).toBe('unknown')
    }
  })

  it('splits on commas, semicolons, new lines and bullets, and ignores doses', () => {
    const text =
      'Lasix 40 mg daily; Zocor 20mg\n- gabapentin 300 mg tablets\r\n• quetiapine,, \n  \n1. naproxen'
    expect(splitMedicines(text)).toEqual([
      'Lasix 40 mg daily',
      'Zocor 20mg',
      'gabapentin 300 mg tablets',
      'quetiapine',
      'naproxen',
    ])
    const ids = checkMedicines(text, content).map((r) => (r.status === 'matched' ? r.drug.id : r.input))
    expect(ids).toEqual(['furosemide', 'simvastatin', 'gabapentin', 'quetiapine', 'naproxen'])
  })

  it('splits on "and", "&" and "+" too, and finds every name in an item', () => {
    const ids = (text: string): string[] =>
      checkMedicines(text, content).map((r) => (r.status === 'matched' ? r.drug.id : `?${r.input}`))
    expect(ids('Lasix and Lipitor & Zocor + quetiapine')).toEqual([
      'furosemide',
      'atorvastatin',
      'simvastatin',
      'quetiapine',
    ])
    expect(ids('Lasix Lipitor')).toEqual(['furosemide', 'atorvastatin'])
    expect(checkMedicines('Lasix Lipitor', content).map((r) => r.input)).toEqual(['Lasix', 'Lipitor'])
    expect(ids('statin (atorvastatin)')).toEqual(['atorvastatin'])
    expect(ids('40mg/day')).toEqual(['?40mg/day'])
  })

  it('accepts an array of names', () => {
    const r = checkMedicines(['Crestor', 'Zyprexa'], content)
    expect(r.map((x) => (x.status === 'matched' ? x.drug.id : '?'))).toEqual(['rosuvastatin', 'olanzapine'])
  })

  it('shows gabapentin as a possible help, not as a cause', () => {
    const m = matched('Neurontin')
    expect(m.drug.id).toBe('gabapentin')
    expect(m.mayHelp).toBe(true)
    expect(m.causeIds).not.toContain('dehydration')
  })

  it('does not pin the diuretic class potassium loss on a potassium-sparing diuretic', () => {
    const spiro = matched('Aldactone')
    expect(spiro.drug.id).toBe('spironolactone')
    expect(spiro.causeIds).toEqual(['medications'])
    // An ordinary member of the class keeps the class's links.
    expect(matched('hydrochlorothiazide').causeIds).toContain('low-potassium')
  })

  it('shows no potassium-loss note for any potassium-sparing diuretic (issue 8)', () => {
    for (const typed of ['spironolactone', 'Aldactone', 'eplerenone', 'amiloride', 'triamterene']) {
      const m = matched(typed)
      const text = m.notes.map((n) => n.text).join(' ')
      expect(text, typed).not.toMatch(/can drain potassium|drain potassium and sodium/i)
      expect(text, typed).toMatch(/potassium-sparing/i)
      expect(m.causeIds, typed).toEqual(['medications'])
      expect(m.lookup, typed).toBe(true)
    }
  })

  it('does not link a thiazide to low calcium, nor show it the calcium remark', () => {
    for (const typed of [
      'hydrochlorothiazide',
      'bendroflumethiazide',
      'indapamide',
      'chlortalidone',
      'metolazone',
    ]) {
      const m = matched(typed)
      expect(m.causeIds, typed).not.toContain('low-calcium')
      expect(m.causeIds, typed).toContain('low-potassium')
      expect(m.notes.map((n) => n.text).join(' '), typed).not.toMatch(/can leave calcium short/i)
    }
    // A loop diuretic keeps what the sources say of the class.
    expect(matched('bumetanide').causeIds).toContain('low-calcium')
  })

  it('marks "cholesterol tablets" as a name lookup: it may mean a medicine outside the statins', () => {
    for (const typed of ['cholesterol tablets', 'cholesterol pills', 'cholesterol medicine']) {
      const m = matched(typed)
      expect(m.drug.id, typed).toBe('statins')
      expect(m.matchedBy, typed).toBe('lay-name')
      expect(m.lookup, typed).toBe(true)
      expect(
        m.notes.every((n) => n.lookup),
        typed,
      ).toBe(true)
    }
    // The class's own names are not lookups.
    expect(matched('statin').lookup).toBe(false)
  })

  it('marks "IV iron" as a lookup: the source names iron sucrose, not every iron given into a vein', () => {
    for (const typed of ['IV iron', 'intravenous iron', 'iron infusion']) {
      const m = matched(typed)
      expect(m.drug.id, typed).toBe('iron-sucrose')
      expect(m.matchedBy, typed).toBe('lay-name')
      expect(m.lookup, typed).toBe(true)
    }
    expect(matched('Venofer').lookup).toBe(false)
  })

  it('knows the medicines the guideline sources name, each citing a guideline or review', () => {
    for (const [typed, id, source] of [
      ['salbutamol', 'salbutamol', 'g101'],
      ['Ventolin', 'salbutamol', 'g101'],
      ['nifedipine', 'nifedipine', 'g101'],
      ['Venofer', 'iron-sucrose', 'g105a'],
      ['IV iron sucrose', 'iron-sucrose', 'g105a'],
      ['conjugated estrogens', 'conjugated-oestrogens', 'g105a'],
      ['Premarin', 'conjugated-oestrogens', 'g105a'],
      ['teriparatide', 'teriparatide', 'g105a'],
      ['raloxifene', 'raloxifene', 'g105a'],
      ['naproxen', 'naproxen', 'g105a'],
      ['atorvastatin', 'atorvastatin', 'g108a'],
      ['statins', 'statins', 'g108a'],
    ] as const) {
      const m = matched(typed)
      expect(m.drug.id, typed).toBe(id)
      expect(m.causeIds, typed).toContain('medications')
      expect(
        m.notes.flatMap((n) => n.sources.map((s) => s.id)),
        typed,
      ).toContain(source)
    }
  })

  it('shows nifedipine as a cause to check, not as the "may help" class it belongs to', () => {
    const m = matched('Adalat')
    expect(m.mayHelp).toBe(false)
    expect(m.notes).toHaveLength(1)
    expect(m.notes[0]!.text).toMatch(/CKS is the guideline/)
  })

  it('gives quinine as a restricted treatment with its dose, review and risks, not as a cause', () => {
    const m = matched('quinine sulphate 200 mg at night')
    expect(m.drug.id).toBe('quinine')
    expect(m).toMatchObject({ mayHelp: true, treatment: true })
    expect(m.causeIds).not.toContain('medications')
    const note = m.notes[0]!.text
    for (const word of [
      /not a routine/i,
      /200 to 300 mg/,
      /4-week trial/,
      /3 months/,
      /thrombocytopenia/i,
      /QT/,
    ])
      expect(note).toMatch(word)
    expect(m.notes[0]!.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['g103a', 'g103b']))
  })

  it('finds the drug named in brackets when the first name is unknown', () => {
    expect(matched('Water tablet (furosemide)').drug.id).toBe('furosemide')
  })

  it('returns nothing for an empty list', () => {
    expect(checkMedicines('', content)).toEqual([])
    expect(checkMedicines(' , ;\n', content)).toEqual([])
  })

  it('describes every drug in the table with at least one note and a source', () => {
    for (const d of content.drugs) {
      const m = describeDrug(content, d.id)!
      expect(m.notes.length, d.id).toBeGreaterThan(0)
      expect(
        m.notes.some((n) => n.sources.length > 0),
        d.id,
      ).toBe(true)
      if (m.lookup)
        expect(
          m.notes.every((n) => n.lookup),
          d.id,
        ).toBe(true)
    }
  })
})
