/**
 * The two-page handout (spec format 2), checked on real PDFs by their extracted text: page
 * counts of the standard specs, the help box and what to do during a cramp on page 1, doses as
 * set, sources once, no heading alone at the foot of a page, names and dates never wrapped.
 */
import { describe, expect, it } from 'vitest'
import { buildHandout } from '../../../src/renderer/src/handouts/builder'
import { ClinicSettingsSchema } from '../../../src/renderer/src/handouts/clinic'
import { COMPACT } from '../../../src/renderer/src/handouts/layout'
import { renderPdfNode } from '../../../src/renderer/src/handouts/render-node'
import { HELP_TITLE } from '../../../src/renderer/src/handouts/v2/help'
import { sourceText } from '../../../src/renderer/src/handouts/v2/sources'
import type { HandoutSpec } from '../../../src/renderer/src/handouts/spec'
import { makeSpec, pdfPages, realContent } from './helpers'
import { standardSpecs, THREE_CAUSES } from './standard-specs'

const content = realContent()
const standard = standardSpecs(content)
const squash = (s: string): string => s.replace(/\s+/g, '')
const render = async (spec: HandoutSpec): Promise<Awaited<ReturnType<typeof pdfPages>>> =>
  pdfPages(await renderPdfNode(buildHandout(spec, content)))

describe('two-page handout', { timeout: 120_000 }, () => {
  it('fits three causes with the default sections on two A4 pages', async () => {
    const counts: Record<string, number> = {}
    for (const [name, spec] of Object.entries(standard)) counts[name] = (await render(spec)).length
    console.log('pages per standard spec:', counts)
    expect(counts['3 causes']).toBeLessThanOrEqual(2)
    expect(counts['1 cause']).toBeLessThanOrEqual(2)
    expect(counts['large print']).toBeGreaterThan(counts['3 causes']!)
  })

  it('puts who it is for, the causes, the whole help box and the start of what to do during a cramp on page 1', async () => {
    const [first] = await render(standard['3 causes'])
    const page1 = squash(first!.text)
    expect(page1).toContain(squash('For Margaret Quill'))
    expect(page1).toContain(squash('From Sam Patel'))
    for (const id of THREE_CAUSES) {
      const c = content.causes.find((x) => x.id === id)!
      expect(page1).toContain(squash(c.name))
      expect(page1).toContain(squash(c.patientSummary))
    }
    // Safety first: the help box comes straight after the causes; what to do during a cramp
    // follows it and starts on page 1 (the whole of it when it fits).
    const during = content.topics.find((t) => t.id === 'during-a-cramp')!
    expect(page1).toContain(squash(during.title))
    expect(page1).toContain(squash(during.sections[0]!.text ?? ''))
    expect(page1).toContain(squash(HELP_TITLE))
    for (const f of content.redFlags.filter((r) => r.handout))
      expect(page1, f.id).toContain(squash(f.patientText))
    // Flags kept off handouts (the clinician's to judge) stay off.
    for (const f of content.redFlags.filter((r) => !r.handout))
      expect(page1, f.id).not.toContain(squash(f.patientText))
  })

  it('prints each exercise with the dose the clinician set, and "As shown in clinic" where none is set', async () => {
    const spec = makeSpec({
      causes: [],
      sections: ['exercises'],
      exercises: [
        { id: 'toe-raises', dose: { sets: 2, reps: 10, timesPerDay: 2 } },
        { id: 'calf-stretch', dose: { holdSeconds: 30, reps: 3 } },
        { id: 'leg-swings', dose: {} },
      ],
    })
    const text = squash((await render(spec)).map((p) => p.text).join(' '))
    expect(text).toContain(squash('How much: 2 sets of 10, twice a day'))
    expect(text).toContain(squash('How much: 3 times, hold 30 seconds'))
    expect(text).toContain(squash('How much: As shown in clinic'))
    for (const name of ['Toe raises', 'Leg swings']) expect(text).toContain(squash(name))
    // Only the chosen exercises, and never the vague counts of the first layout.
    expect(text).not.toContain(squash('Toe curls'))
    expect(text).not.toContain(squash('Do a few'))
  })

  it('lists each source once, numbered, at the end, and no per-section source titles', async () => {
    const pages = await render(standard['every section'])
    const text = pages.map((p) => p.text).join(' ')
    expect(text).not.toMatch(/Sources?: /)
    expect(text.match(/\bSources\b/g)?.length).toBe(1)
    const last = squash(pages[pages.length - 1]!.text)
    for (const s of content.meta.sources) {
      const entry = squash(sourceText(s.id, content))
      const count = squash(text).split(entry).length - 1
      expect(count, s.id).toBeLessThanOrEqual(1)
      if (count) expect(last).toContain(entry)
    }
    expect(squash(text)).toMatch(/\[\d+(,\d+)*\]/)
    // A missing date is left out, not spelt out to the patient.
    expect(text).not.toMatch(/date not shown/i)
  })

  it('lists medicines the reference does not cover plainly, with no sentence about the sources', async () => {
    const text = squash((await render(standard['every section'])).map((p) => p.text).join(' '))
    expect(text).toContain(squash('Talk to your prescriber about Zorbelix'))
    expect(text).not.toContain(squash('Our sources say nothing'))
    expect(text).toContain(squash('Lasix 40 mg'))
  })

  it('prints self-care and prevention only for the causes ticked for more detail', async () => {
    const c = content.causes.find((x) => x.id === 'poor-footwear')!
    const point = c.sections.selfCare.points?.[0] ?? c.sections.selfCare.text!
    const plain = squash((await render(makeSpec({ causes: [c.id] }))).map((p) => p.text).join(' '))
    const more = squash(
      (await render(makeSpec({ causes: [c.id], moreDetail: [c.id] }))).map((p) => p.text).join(' '),
    )
    expect(plain).toContain(squash(c.patientSummary))
    expect(plain).not.toContain(squash(point))
    expect(more).toContain(squash(point))
  })

  it('never leaves a section heading alone at the foot of a page', async () => {
    for (const [name, spec] of Object.entries(standard)) {
      const pages = await render(spec)
      const h2 = spec.options.largePrint ? 21 : COMPACT.h2
      const body = spec.options.largePrint ? 16 : COMPACT.body
      pages.slice(0, -1).forEach((p, i) => {
        // The lowest line of body text or headings on the page (the footer is smaller).
        const lowest = p.items.filter((it) => it.size >= body).sort((a, b) => a.y - b.y)[0]!
        expect(lowest.size, `${name}, page ${i + 1} ends with "${lowest.str}"`).toBeLessThan(h2)
      })
    }
  })

  it('never wraps the name or the date of the For / Date / From line', async () => {
    const name = 'Alexandra Catherine Montgomery-Fitzwilliam Wolfeschlegelsteinhausen-Bergerdorff'
    const longest =
      'Bartholomew Featherstonehaugh-Cholmondeley Wolfeschlegelsteinhausen, Consultant Podiatrist of Riverside'
    for (const [patient, clinician] of [
      ['Margaret Quill', 'Sam Patel'],
      [name, 'Professor Bartholomew Featherstonehaugh-Cholmondeley'],
      [longest, longest],
    ] as const) {
      for (const largePrint of [false, true]) {
        const spec = makeSpec({
          patient: { name: patient },
          clinician,
          options: { largePrint, pageSize: 'A4' },
        })
        const [first] = await render(spec)
        for (const whole of [patient, clinician, '21 November 2026'])
          expect(
            first!.items.some((it) => squash(it.str).includes(squash(whole))),
            `"${whole}" on one line (large print: ${largePrint})`,
          ).toBe(true)
      }
    }
  })

  it("takes the clinic's accent colour, and refuses one too light to read on paper", () => {
    const spec = makeSpec({ clinic: { ...makeSpec().clinic, accentColor: '#7a1f5c' } })
    const dd = buildHandout(spec, content)
    expect((dd.styles as Record<string, { color?: string }>)['h2']!.color).toBe('#7a1f5c')
    expect(JSON.stringify(dd.content)).toContain('#7a1f5c')
    const light = ClinicSettingsSchema.safeParse({ ...makeSpec().clinic, accentColor: '#f5d76e' })
    expect(light.success).toBe(false)
    expect(light.error?.issues[0]?.message).toMatch(/too light/)
  })
})
