import { describe, expect, it } from 'vitest'
import type { Content as Pdf, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces'
import { buildHandout } from '../../../src/renderer/src/handouts/builder'
import { DRAWINGS } from '../../../src/renderer/src/handouts/drawings'
import { logoFromFile } from '../../../src/renderer/src/handouts/clinic'
import { renderPdfNode } from '../../../src/renderer/src/handouts/render-node'
import { HANDOUT_SECTION_IDS, HandoutError } from '../../../src/renderer/src/handouts/spec'
import { CLINIC, makePng, makeSpec, realContent, SVG_LOGO } from './helpers'

const content = realContent()

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit))
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>)
    for (const v of Object.values(node)) walk(v, visit)
  }
}

function ids(dd: TDocumentDefinitions): string[] {
  const out: string[] = []
  walk(dd.content, (n) => typeof n.id === 'string' && out.push(n.id))
  return out
}

function texts(node: unknown): string {
  const out: string[] = []
  walk(node, (n) => {
    if (typeof n.text === 'string') out.push(n.text)
    if (Array.isArray(n.text)) n.text.forEach((t) => typeof t === 'string' && out.push(t))
  })
  return out.join(' ')
}

const PAGE = { width: 595.28, height: 841.89, orientation: 'portrait' } as const
function header(dd: TDocumentDefinitions, page = 1, count = 3): Pdf {
  return (dd.header as DynamicContent)(page, count, PAGE as never) as Pdf
}
function footer(dd: TDocumentDefinitions, page = 1, count = 3): Pdf {
  return (dd.footer as DynamicContent)(page, count, PAGE as never) as Pdf
}

describe('handout builder', () => {
  it('always includes the help box, straight after the causes, before any other section', () => {
    for (const sections of [[], ['hydration'], [...HANDOUT_SECTION_IDS]] as const) {
      const found = ids(buildHandout(makeSpec({ sections: [...sections] }), content)).filter((i) =>
        i.startsWith('section-'),
      )
      expect(found[0]).toBe('section-when-to-seek-help')
    }
  })

  it('includes exactly the chosen sections, in handout order', () => {
    const dd = buildHandout(makeSpec({ sections: ['night-cramps', 'diet', 'pregnancy'] }), content)
    expect(ids(dd).filter((i) => i.startsWith('section-'))).toEqual([
      'section-when-to-seek-help',
      'section-diet',
      'section-night-cramps',
      'section-pregnancy',
    ])
  })

  it('adds each chosen cause with its patient summary, and its self-care and prevention when ticked', () => {
    const none = texts(buildHandout(makeSpec({ causes: [] }), content).content)
    const causes = ['low-magnesium', 'poor-footwear']
    const dd = buildHandout(makeSpec({ causes, moreDetail: causes }), content)
    const text = texts(dd.content)
    for (const id of ['low-magnesium', 'poor-footwear']) {
      const c = content.causes.find((x) => x.id === id)!
      expect(text).toContain(c.name)
      expect(none).not.toContain(c.patientSummary)
      expect(text).toContain(c.patientSummary)
      for (const p of c.sections.selfCare.points ?? [c.sections.selfCare.text!]) expect(text).toContain(p)
      for (const p of c.sections.prevention?.points ?? []) expect(text).toContain(p)
    }
    expect(texts(dd.content)).toContain('Sources')
    expect(none).not.toContain('What may be causing your cramps')
  })

  it('switches to large print with body text of at least 16 pt', () => {
    const normal = buildHandout(makeSpec(), content)
    const large = buildHandout(makeSpec({ options: { largePrint: true, pageSize: 'A4' } }), content)
    expect(normal.defaultStyle?.fontSize).toBe(10)
    expect(large.defaultStyle?.fontSize).toBeGreaterThanOrEqual(16)
    const styles = large.styles as Record<string, { fontSize?: number }>
    for (const s of ['h2', 'h3', 'title']) expect(styles[s]!.fontSize!).toBeGreaterThan(16)
  })

  it('uses the chosen page size', () => {
    expect(buildHandout(makeSpec(), content).pageSize).toBe('A4')
    expect(
      buildHandout(makeSpec({ options: { largePrint: false, pageSize: 'LETTER' } }), content).pageSize,
    ).toBe('LETTER')
  })

  it('adds the personal note and the clinician only when given', () => {
    const without = buildHandout(makeSpec({ personalNote: '', clinician: '' }), content)
    expect(ids(without)).not.toContain('personal-note')
    expect(texts(without.content)).not.toContain('From')
    const withNote = buildHandout(
      makeSpec({ personalNote: 'First line.\n\nSecond paragraph.', clinician: 'Dr Ada Kay' }),
      content,
    )
    expect(ids(withNote)).toContain('personal-note')
    const text = texts(withNote.content)
    expect(text).toContain('A note from Dr Ada Kay')
    expect(text).toContain('Second paragraph.')
  })

  it('puts patient, date and clinician side by side only when they fit on one line', () => {
    const sideBySide = (dd: TDocumentDefinitions): boolean =>
      /"columns":\[\{"text":\[\{"text":"For  "/.test(JSON.stringify(dd.content))
    expect(sideBySide(buildHandout(makeSpec(), content))).toBe(true)
    const long = makeSpec({
      patient: { name: 'Alexandra Catherine Montgomery-Fitzwilliam Wolfeschlegelsteinhausen' },
      clinician: 'Professor Bartholomew Featherstonehaugh-Cholmondeley, Consultant Podiatric Surgeon',
    })
    const dd = buildHandout(long, content)
    expect(sideBySide(dd)).toBe(false)
    expect(JSON.stringify(dd.content)).toContain('"stack":[{"text":[{"text":"For  "')
  })

  it('lists medicines only in the medicines section', () => {
    const off = buildHandout(makeSpec({ medicines: ['furosemide'], sections: [] }), content)
    expect(texts(off.content)).not.toContain('furosemide')
    const on = buildHandout(
      makeSpec({ medicines: ['furosemide', 'Zorbelix'], sections: ['medicines'] }),
      content,
    )
    const text = texts(on.content)
    expect(text).toContain('furosemide')
    expect(text).toContain('Zorbelix')
    expect(text).toContain('Talk to your prescriber about')
    expect(text).not.toContain('Our sources say nothing')
    expect(text).toContain('can sometimes lead to cramps')
  })

  it('words medicines for the patient, not with the clinician notes of the medication check', () => {
    const dd = buildHandout(
      makeSpec({ medicines: ['Lasix', 'Lipitor', 'Neurontin'], sections: ['medicines'] }),
      content,
    )
    const text = texts(dd.content)
    for (const d of content.drugs.filter((x) => x.note)) expect(text).not.toContain(d.note!)
    for (const name of ['Lasix', 'Lipitor', 'Neurontin']) expect(text).toContain(name)
    expect(text).toContain('can sometimes lead to cramps')
    expect(text).toContain('may ease cramps for some people')
  })

  it('opens page 1 with the clinic, and puts a slim header, page numbers, date and disclaimer on the others', () => {
    const dd = buildHandout(makeSpec(), content)
    const first = (dd.content as Pdf[])[0]
    expect(texts(first)).toContain('Riverside Foot Clinic')
    expect(texts(first)).toContain('12 Mill Lane, Riverside RS1 2AB')
    expect(texts(header(dd, 1))).toBe('')
    expect(texts(header(dd, 2))).toContain('Riverside Foot Clinic')
    expect(texts(header(dd, 2))).toContain(CLINIC.phone)
    const f = texts(footer(dd, 2, 3))
    expect(f).toContain('Page 2 of 3')
    expect(f).toContain('21 November 2026')
    expect(f).toContain(content.meta.disclaimer)
    expect(f).toContain(CLINIC.footer)
  })

  it('puts the logo at the top of page 1: PNG as an image, SVG as vectors', () => {
    const top = (dd: TDocumentDefinitions): string => JSON.stringify((dd.content as Pdf[])[0])
    expect(top(buildHandout(makeSpec(), content))).not.toMatch(/"(image|svg)"/)
    const png = buildHandout(
      makeSpec({ clinic: { ...CLINIC, logo: logoFromFile(makePng(300, 100)) } }),
      content,
    )
    expect(top(png)).toMatch(/"image":"data:image\/png;base64,/)
    const svg = buildHandout(makeSpec({ clinic: { ...CLINIC, logo: logoFromFile(SVG_LOGO) } }), content)
    expect(top(svg)).toMatch(/"svg":"<\?xml/)
  })

  it('fixes the document info from the spec date', () => {
    const dd = buildHandout(makeSpec({ date: '2025-01-02' }), content)
    expect(dd.info?.creationDate).toEqual(new Date('2025-01-02T12:00:00Z'))
    expect(dd.info?.producer).toBe('Cramp Clinic')
    expect(dd.info?.title).toContain('Margaret Quill')
  })

  it('is a pure function of its inputs', () => {
    const a = buildHandout(makeSpec({ sections: [...HANDOUT_SECTION_IDS] }), content)
    const b = buildHandout(makeSpec({ sections: [...HANDOUT_SECTION_IDS] }), content)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(JSON.stringify(footer(a))).toBe(JSON.stringify(footer(b)))
  })

  it('refuses unknown causes and names them', () => {
    expect(() => buildHandout(makeSpec({ causes: ['dehydration', 'gout'] }), content)).toThrow(HandoutError)
    try {
      buildHandout(makeSpec({ causes: ['dehydration', 'gout'] }), content)
    } catch (e) {
      expect((e as HandoutError).field).toBe('causes.1')
      expect((e as Error).message).toContain('"gout"')
    }
  })

  it('has a drawing for every exercise, and each drawing renders', async () => {
    const exercises = content.topics.flatMap((t) => t.exercises ?? [])
    expect(exercises.length).toBeGreaterThan(0)
    for (const ex of exercises) expect(DRAWINGS, `drawing for ${ex.id}`).toHaveProperty(ex.drawing)
    const all = exercises.map((e) => ({ id: e.id, dose: {} }))
    const dd = buildHandout(makeSpec({ sections: ['exercises'], exercises: all }), content)
    const svgs: string[] = []
    walk(dd.content, (n) => typeof n.svg === 'string' && svgs.push(n.svg))
    expect(svgs.length).toBe(exercises.length)
    const pdf = await renderPdfNode({ content: Object.values(DRAWINGS).map((svg) => ({ svg, width: 120 })) })
    expect(pdf.length).toBeGreaterThan(1000)
  })

  it('says which drawing is missing instead of leaving a gap', () => {
    const spec = makeSpec({ sections: ['exercises'], exercises: [{ id: 'toe-raises', dose: {} }] })
    expect(() => buildHandout(spec, content, { drawings: {} })).toThrow(/needs the drawing/)
  })
})
