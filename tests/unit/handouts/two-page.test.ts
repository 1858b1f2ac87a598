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
import { INTRO_ONLY_FOR } from '../../../src/renderer/src/handouts/v2/exercises'
import { HELP_TITLE, TIER_LEADS } from '../../../src/renderer/src/handouts/v2/help'
import { sourceText } from '../../../src/renderer/src/handouts/v2/sources'
import type { HandoutSpec } from '../../../src/renderer/src/handouts/spec'
import { makeSpec, pdfPages, realContent } from './helpers'
import { standardSpecs, THREE_CAUSES, THREE_LINE_NOTE, VISIT_MEDICINES } from './standard-specs'

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
    expect(counts['visit, short note']).toBeLessThanOrEqual(2)
    expect(counts['visit, 3-line note']).toBeLessThanOrEqual(2)
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

  it('does not make the signs with no urgency in the sources read as the least urgent group', async () => {
    const page1 = squash((await render(standard['3 causes']))[0]!.text)
    expect(content.redFlags.some((f) => f.handout && !f.urgency)).toBe(true)
    // Last, as they must go somewhere, but the lead asks how soon instead of implying "whenever".
    const leads = (['now', 'soon', 'routine', 'none'] as const).map((t) =>
      page1.indexOf(squash(TIER_LEADS[t])),
    )
    expect(leads.every((i) => i >= 0)).toBe(true)
    expect([...leads].sort((a, b) => a - b)).toEqual(leads)
    expect(TIER_LEADS.none).toMatch(/ask how soon/)
    expect(page1).not.toContain(squash('See a doctor if:'))
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

  it('fits a visit handout (medicines, two dosed exercises, a 3-line note) on two A4 pages, losing nothing', async () => {
    const spec = standard['visit, 3-line note']
    const pages = await render(spec)
    expect(pages).toHaveLength(2)
    const text = squash(pages.map((p) => p.text).join(' '))
    expect(text).toContain(squash(THREE_LINE_NOTE))
    for (const m of VISIT_MEDICINES) expect(text).toContain(squash(m))
    expect(text).toContain(squash('How much: Hold 5 seconds, 3 times a day, 15 minutes a day in all'))
    expect(text).toContain(squash('How much: 2 sets of 10, twice a day'))
    // The safety advice of the exercises topic is printed whole, and every source is listed.
    const topic = content.topics.find((t) => t.id === 'exercises')!
    for (const p of topic.sections.find((s) => s.heading === 'Exercise safely')!.points!)
      expect(text).toContain(squash(p))
    expect(text).toMatch(/Sources/)
  })

  it('prints only a short lead of the exercises intro, the blood-flow advice when that cause is chosen', async () => {
    const topic = content.topics.find((t) => t.id === 'exercises')!
    // A renamed paragraph would be printed in full again: the names here must be the content's.
    const headings = topic.sections.map((s) => s.heading?.trim())
    for (const h of Object.keys(INTRO_ONLY_FOR)) expect(headings, h).toContain(h)
    const textOf = async (causes: string[]): Promise<string> =>
      squash((await render(makeSpec({ causes, sections: ['exercises'] }))).map((p) => p.text).join(' '))
    const plain = await textOf(['dehydration'])
    const pad = await textOf(['peripheral-artery-disease'])
    const para = (h: string): string => squash(topic.sections.find((s) => s.heading === h)!.text!)
    expect(plain).toContain(para('Why exercise helps'))
    expect(plain).not.toContain(para('How good is the proof?'))
    expect(plain).not.toContain(para('For poor blood flow in the legs'))
    expect(pad).toContain(para('For poor blood flow in the legs'))
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
