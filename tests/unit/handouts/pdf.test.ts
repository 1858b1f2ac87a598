import { describe, expect, it } from 'vitest'
import { buildHandout, logoProbe, logoProbeError } from '../../../src/renderer/src/handouts/builder'
import { renderPdfNode } from '../../../src/renderer/src/handouts/render-node'
import { HANDOUT_SECTION_IDS, sha256Hex } from '../../../src/renderer/src/handouts/spec'
import { logoFromFile } from '../../../src/renderer/src/handouts/clinic'
import { HELP_TITLE } from '../../../src/renderer/src/handouts/v2/help'
import { sourceText } from '../../../src/renderer/src/handouts/v2/sources'
import { makePng, makeSpec, pdfPages, pdfText, realContent, SVG_LOGO } from './helpers'

const content = realContent()
const topicTitle = (id: string): string => content.topics.find((t) => t.id === id)!.title
const causeName = (id: string): string => content.causes.find((c) => c.id === id)!.name

async function render(spec = makeSpec()): Promise<Uint8Array> {
  return renderPdfNode(buildHandout(spec, content))
}

describe('handout PDF', { timeout: 120_000 }, () => {
  it('has the patient name, the chosen causes and sections, and not the others', async () => {
    const spec = makeSpec({
      patient: { name: 'Theodora Wiśniewska' },
      causes: ['dehydration', 'poor-footwear'],
      sections: ['hydration', 'night-cramps'],
    })
    const text = await pdfText(await render(spec))
    expect(text).toContain('Theodora Wiśniewska')
    expect(text).toContain(causeName('dehydration'))
    expect(text).toContain(causeName('poor-footwear'))
    expect(text).toContain(topicTitle('hydration'))
    expect(text).toContain(topicTitle('night-cramps'))
    expect(text).toContain(topicTitle('when-to-seek-help'))
    // Topics mention each other in quotes ("See \"What to do during a cramp\""): those are not sections.
    const unquoted = text.replace(/"[^"]*"/g, '')
    for (const id of ['during-a-cramp', 'footwear', 'diet', 'exercises']) {
      expect(unquoted, `section ${id} should be absent`).not.toContain(topicTitle(id))
      const firstHeading = content.topics.find((t) => t.id === id)!.sections[0]!.heading!
      expect(text, `section ${id} should be absent`).not.toContain(firstHeading)
    }
    for (const id of ['low-magnesium', 'pregnancy', 'medications'])
      expect(text, `cause ${id} should be absent`).not.toContain(causeName(id))
    expect(text).not.toContain('Medicines to talk over')
  })

  it('always has "When to seek help", even with no sections chosen', async () => {
    const text = await pdfText(await render(makeSpec({ causes: [], sections: [] })))
    expect(text).toContain(topicTitle('when-to-seek-help'))
  })

  it('puts the clinic header, page numbers, date and disclaimer on every page', async () => {
    const spec = makeSpec({ causes: ['dehydration', 'pregnancy'], sections: [...HANDOUT_SECTION_IDS] })
    const pages = await pdfPages(await render(spec))
    expect(pages.length).toBeGreaterThan(2)
    const disclaimerStart = content.meta.disclaimer.split(' ').slice(0, 6).join(' ')
    pages.forEach((p, i) => {
      expect(p.text).toContain('Riverside Foot Clinic')
      expect(p.text).toContain(`Page ${i + 1} of ${pages.length}`)
      expect(p.text).toContain('21 November 2026')
      expect(p.text).toContain(disclaimerStart)
    })
  })

  it('shows every chosen exercise with its dose line', async () => {
    const all = content.topics.find((t) => t.id === 'exercises')!.exercises!
    const spec = makeSpec({
      causes: [],
      sections: ['exercises'],
      exercises: all.map((e) => ({ id: e.id, dose: {} })),
    })
    const text = await pdfText(await render(spec))
    for (const ex of all) expect(text).toContain(ex.name)
    expect(text.split('As shown in clinic').length - 1).toBe(all.length)
  })

  it('lists the patient medicines with what the check found, unknown ones included', async () => {
    const spec = makeSpec({ sections: ['medicines'], medicines: ['Lasix 40 mg', 'Zorbelix'] })
    const text = await pdfText(await render(spec))
    expect(text).toContain('Medicines to talk over with your prescriber')
    expect(text).toContain('Lasix 40 mg')
    expect(text).toContain('Zorbelix')
  })

  it('gives identical bytes for the same spec, and different bytes when the spec changes', async () => {
    const spec = makeSpec({ personalNote: 'Stretch every evening.' })
    const a = await render(spec)
    const b = await render(makeSpec({ personalNote: 'Stretch every evening.' }))
    expect(await sha256Hex(a)).toBe(await sha256Hex(b))
    const c = await render(makeSpec({ personalNote: 'Stretch every morning.' }))
    expect(await sha256Hex(c)).not.toBe(await sha256Hex(a))
    const d = await render(makeSpec({ personalNote: 'Stretch every evening.', date: '2026-11-22' }))
    expect(await sha256Hex(d)).not.toBe(await sha256Hex(a))
  })

  it('uses the chosen page size', async () => {
    const a4 = (await pdfPages(await render(makeSpec())))[0]!
    const letter = (
      await pdfPages(await render(makeSpec({ options: { largePrint: false, pageSize: 'LETTER' } })))
    )[0]!
    expect([a4.width, a4.height]).toEqual([595, 842])
    expect([letter.width, letter.height]).toEqual([612, 792])
  })

  it('prints body text at 16 pt or more in large print', async () => {
    const normal = await pdfPages(await render(makeSpec()))
    const large = await pdfPages(await render(makeSpec({ options: { largePrint: true, pageSize: 'A4' } })))
    // The size most of the letters are printed at (source numbers and the footer are smaller).
    const median = (pages: typeof normal): number => {
      const sizes = pages.flatMap((p) => p.items.flatMap((it) => Array<number>(it.str.length).fill(it.size)))
      return sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)]!
    }
    expect(median(normal)).toBe(10)
    expect(median(large)).toBeGreaterThanOrEqual(16)
    expect(large.length).toBeGreaterThan(normal.length)
  })

  it('prints nothing under 16 pt in large print but the header, footer and source lines, and those at 12 pt or more', async () => {
    const spec = makeSpec({
      causes: ['dehydration', 'poor-footwear'],
      sections: [...HANDOUT_SECTION_IDS],
      medicines: ['Lasix'],
      personalNote: 'Stretch every evening.',
      options: { largePrint: true, pageSize: 'A4' },
    })
    const pages = await pdfPages(await render(spec))
    const small = pages.flatMap((p) => p.items).filter((it) => it.size < 16)
    const allowed = [
      content.meta.disclaimer,
      spec.clinic.name,
      spec.clinic.address.replace(/\n/g, ', '),
      `${spec.clinic.phone} · ${spec.clinic.emailOrWebsite}`,
      spec.clinic.footer,
      '21 November 2026 Sources',
      ...content.meta.sources.map((s) => sourceText(s.id, content)),
    ]
    // Lines wrap anywhere, so compare word by word.
    const words = new Set(allowed.join(' ').split(/\s+/))
    for (const it of small) {
      expect(it.size, it.str).toBeGreaterThanOrEqual(12)
      // Page numbers, the numbers of the source list and the source marks after each block.
      if (/^(Page \d+ of \d+|\d+\.|[[\]\d, ]+)$/.test(it.str.trim())) continue
      for (const w of it.str.trim().split(/\s+/))
        expect(words.has(w), `"${it.str}" at ${it.size} pt is not header, footer or sources`).toBe(true)
    }
  })

  it('repeats the "When to get help" title on each page its box runs onto', async () => {
    // Four tiers of every flag: a box far taller than a page in large print.
    const tiers = ['now', 'soon', 'routine', undefined] as const
    const many = structuredClone(content)
    many.redFlags = tiers.flatMap((urgency, i) =>
      content.redFlags.map((f) => ({
        ...f,
        id: `${f.id}-${i}`,
        patientText: `${f.patientText} (group ${i})`,
        handout: true,
        ...(urgency ? { urgency, urgencySources: f.sources } : {}),
      })),
    )
    const spec = makeSpec({ causes: [], sections: [], options: { largePrint: true, pageSize: 'A4' } })
    const pages = (await pdfPages(await renderPdfNode(buildHandout(spec, many)))).map((p) => p.text)
    const boxPages = pages.filter((text) => /\(group \d\)/.test(text))
    expect(boxPages.length, 'the box should run over pages for this test to mean anything').toBeGreaterThan(1)
    for (const text of boxPages) expect(text).toContain(HELP_TITLE)
  })

  it('prints a long personal note in full, even as one paragraph in large print', async () => {
    // Made-up words, so counting them in the PDF counts the note and nothing else.
    const words = ['zorbel', 'quintap', 'mervish', 'plonkett']
    const sentences = Array.from({ length: 400 }, (_, i) => words[i % words.length]).join(' ')
    const link = `https://example.org/${'zq'.repeat(300)}`
    const count = (text: string, w: string): number => text.split(w).length - 1
    for (const note of [sentences.slice(0, 1995), `${sentences.slice(0, 1300)} ${link}`]) {
      const spec = makeSpec({ personalNote: note, options: { largePrint: true, pageSize: 'LETTER' } })
      const text = (await pdfText(await render(spec))).replace(/\s+/g, '')
      for (const w of [...words, 'zq']) expect(count(text, w), w).toBe(count(note, w))
    }
  })

  it('prints every medicine of a long list, known or not, in large print', async () => {
    const known = ['Lasix', 'Lipitor', 'furosemide', 'simvastatin', 'atorvastatin']
    const medicines = Array.from({ length: 50 }, (_, i) =>
      i % 2
        ? `${known[i % known.length]!} ${i} mg MEDK${i}`
        : `Unknownium ${i} extended release tablets MEDU${i}`,
    )
    const spec = makeSpec({
      sections: ['medicines'],
      medicines,
      options: { largePrint: true, pageSize: 'LETTER' },
    })
    const text = await pdfText(await render(spec))
    const found = new Set(text.match(/MED[KU]\d+/g))
    expect([...found].sort()).toEqual(medicines.map((m) => /MED[KU]\d+/.exec(m)![0]).sort())
  })

  it('wraps a very long word (a pasted link) inside the page instead of running off it', async () => {
    const link = `https://example.org/${'a'.repeat(200)}/end`
    for (const options of [
      { largePrint: false, pageSize: 'A4' as const },
      { largePrint: true, pageSize: 'LETTER' as const },
    ]) {
      const spec = makeSpec({
        personalNote: `See ${link} for more.`,
        clinic: { ...makeSpec().clinic, emailOrWebsite: `https://clinic.example/${'b'.repeat(90)}` },
        options,
      })
      for (const p of await pdfPages(await render(spec)))
        // The two-page handout's margins are 45 pt.
        for (const it of p.items) expect(it.right, it.str).toBeLessThanOrEqual(p.width - 45 + 1)
    }
  })

  it('prints long clinic details in full on page 1, and name, phone and footer on every page, nothing cut off', async () => {
    const clinic = {
      ...makeSpec().clinic,
      name: 'The Riverside and Millbrook Community Foot and Ankle Clinic, Podiatry and Gait Analysis Centre',
      address:
        'Unit 12, The Old Mill Buildings\nMill Lane Industrial Estate, off the Long Road roundabout\nRiverside Upper Town, Greater Riverside District\nRS1 2AB, United Kingdom',
      phone: '+44 (0)1234 567890, out of hours +44 (0)7700 900123',
      emailOrWebsite: 'appointments@riverside-and-millbrook-footclinic.example.co.uk',
      footer:
        'Registered with the Health and Care Professions Council, number PD012345. Registered office: 12 Mill Lane, Riverside RS1 2AB. Company number 01234567. Open Monday to Friday 8am to 6pm, Saturday 9am to 1pm. Ends here.',
    }
    for (const options of [
      { largePrint: false, pageSize: 'A4' as const },
      { largePrint: true, pageSize: 'LETTER' as const },
    ]) {
      for (const logo of [undefined, logoFromFile(makePng(60, 240))]) {
        const spec = makeSpec({ clinic: { ...clinic, ...(logo ? { logo } : {}) }, options })
        const pages = await pdfPages(await render(spec))
        // Compared without spaces: the address may wrap at a hyphen.
        const squash = (x: string): string => x.replace(/\s+/g, '')
        expect(pages.length, 'the slim header of later pages is checked too').toBeGreaterThan(1)
        pages.forEach((p, i) => {
          const text = squash(p.text)
          const parts = [
            clinic.name,
            clinic.phone,
            'Saturday 9am to 1pm. Ends here.',
            content.meta.disclaimer,
          ]
          if (i === 0) parts.push('RS1 2AB, United Kingdom', clinic.emailOrWebsite)
          for (const part of parts)
            expect(text, `${JSON.stringify(options)} logo: ${Boolean(logo)}, page ${i + 1}`).toContain(
              squash(part),
            )
        })
      }
    }
  })

  it('proves a logo can be drawn before it is used, with a plain message when it cannot', async () => {
    for (const file of [makePng(240, 80), SVG_LOGO])
      expect((await renderPdfNode(logoProbe(logoFromFile(file)))).length).toBeGreaterThan(0)
    // Passes the header checks but is not well-formed XML: pdfmake cannot parse it.
    const broken = logoFromFile(
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><rect <<</svg>'),
    )
    const error = await renderPdfNode(logoProbe(broken)).then(
      () => undefined,
      (e: unknown) => logoProbeError(e),
    )
    expect(error?.message).toMatch(
      /^The logo could not be drawn: .*Please export it again, or save it as a PNG\.$/,
    )
  })

  it('keeps a two-page handout without a logo small, and embeds PNG and SVG logos', async () => {
    const spec = makeSpec({ causes: ['dehydration', 'poor-footwear'], sections: [] })
    const plain = await render(spec)
    expect((await pdfPages(plain)).length).toBeLessThanOrEqual(2)
    expect(plain.length).toBeLessThan(150 * 1024)
    for (const file of [makePng(240, 80), SVG_LOGO]) {
      const withLogo = makeSpec({ clinic: { ...spec.clinic, logo: logoFromFile(file) } })
      const bytes = await render(withLogo)
      expect(bytes.length).not.toBe(plain.length)
      expect(await pdfText(bytes)).toContain('Riverside Foot Clinic')
    }
  })
})
