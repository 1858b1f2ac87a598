import { describe, expect, it } from 'vitest'
import { buildHandout } from '../../../src/renderer/src/handouts/builder'
import { checkReissue, withCurrent } from '../../../src/renderer/src/handouts/reissue'
import { renderPdfNode } from '../../../src/renderer/src/handouts/render-node'
import { parseHandoutSpec, sha256Hex, StoredHandoutSchema } from '../../../src/renderer/src/handouts/spec'
import { logoFromFile } from '../../../src/renderer/src/handouts/clinic'
import { contentSnapshot } from '../../../src/renderer/src/handouts/snapshot'
import { HANDOUT_SECTION_IDS } from '../../../src/renderer/src/handouts/spec'
import { CLINIC, makePng, makeSpec, realContent } from './helpers'

const content = realContent()

describe('reissue', { timeout: 120_000 }, () => {
  it('rebuilds the same bytes from a stored handout after a round trip through storage', async () => {
    const spec = makeSpec({
      causes: ['dehydration', 'low-magnesium'],
      sections: ['exercises', 'medicines'],
      medicines: ['Lasix'],
      clinic: { ...CLINIC, logo: logoFromFile(makePng(200, 60)) },
    })
    const first = await renderPdfNode(buildHandout(spec, content))
    const stored = StoredHandoutSchema.parse(
      JSON.parse(
        JSON.stringify({
          id: 'h1',
          spec,
          createdAt: '2026-11-21T10:00:00.000Z',
          sha256: await sha256Hex(first),
        }),
      ),
    )
    const again = await renderPdfNode(buildHandout(stored.spec, content))
    expect(await sha256Hex(again)).toBe(stored.sha256)
  })

  it('rebuilds the same bytes months later, after the reference content has changed, from the stored snapshot', async () => {
    const spec = makeSpec({
      causes: ['dehydration', 'peripheral-artery-disease', 'pregnancy'],
      sections: [...HANDOUT_SECTION_IDS],
      medicines: ['Lasix', 'Lipitor', 'unknownium'],
      personalNote: 'Stretch before bed.',
    })
    const first = await renderPdfNode(buildHandout(spec, content))
    const stored = StoredHandoutSchema.parse(
      JSON.parse(
        JSON.stringify({
          id: 'h2',
          spec,
          createdAt: '2026-11-21T10:00:00.000Z',
          sha256: await sha256Hex(first),
          content: contentSnapshot(spec, content),
        }),
      ),
    )
    // The reference moves on: new version, every patient-facing text reworded.
    const later = structuredClone(content)
    later.meta.version = '2027.5.1'
    for (const c of later.causes) c.patientSummary = 'Reworded since.'
    for (const t of later.topics) for (const sec of t.sections) if (sec.text) sec.text = 'Reworded since.'
    expect(await sha256Hex(await renderPdfNode(buildHandout(stored.spec, later)))).not.toBe(stored.sha256)
    expect(checkReissue(stored.spec, later, { ...CLINIC }).contentChanged).toBe(true)
    // From what was stored with it, the very same file.
    const again = await renderPdfNode(buildHandout(stored.spec, stored.content!))
    expect(await sha256Hex(again)).toBe(stored.sha256)
    // And the snapshot is smaller: what the handout used (every section here, and the red flags of
    // the help box), not the whole reference.
    expect(JSON.stringify(stored.content).length).toBeLessThan(JSON.stringify(content).length * 0.6)
  })

  it('says nothing changed when content and clinic are as they were', () => {
    const spec = makeSpec()
    expect(checkReissue(spec, content, { ...CLINIC })).toMatchObject({
      contentChanged: false,
      clinicChanged: false,
    })
  })

  it('notices new content and changed clinic details, logo included', () => {
    const spec = makeSpec()
    const newer = { ...content, meta: { ...content.meta, version: '2099.1.1' } }
    expect(checkReissue(spec, newer, CLINIC)).toMatchObject({
      contentChanged: true,
      givenVersion: content.meta.version,
      currentVersion: '2099.1.1',
    })
    expect(checkReissue(spec, content, { ...CLINIC, phone: '999' }).clinicChanged).toBe(true)
    expect(
      checkReissue(spec, content, { ...CLINIC, logo: logoFromFile(makePng(40, 40)) }).clinicChanged,
    ).toBe(true)
  })

  it('brings a spec up to date with the current content and clinic', () => {
    const spec = makeSpec({ causes: ['dehydration', 'low-magnesium'] })
    const newer = {
      ...content,
      meta: { ...content.meta, version: '2099.1.1' },
      causes: content.causes.filter((c) => c.id !== 'low-magnesium'),
    }
    const clinic = { ...CLINIC, name: 'Hillside Podiatry' }
    const next = withCurrent(spec, newer, clinic)
    expect(next.contentVersion).toBe('2099.1.1')
    expect(next.clinic.name).toBe('Hillside Podiatry')
    expect(next.causes).toEqual(['dehydration'])
    expect(parseHandoutSpec(next)).toEqual(next)
    expect(spec.clinic.name).toBe(CLINIC.name)
  })

  it('brings a handout of the first layout to the two-page layout without losing what it printed', () => {
    const v1 = parseHandoutSpec({
      ...makeSpec(),
      format: 1,
      causes: ['dehydration', 'poor-footwear'],
      sections: ['exercises'],
    })
    const next = withCurrent(v1, content, CLINIC)
    expect(next.format).toBe(2)
    expect(next.moreDetail).toEqual(['dehydration', 'poor-footwear'])
    const all = content.topics.find((t) => t.id === 'exercises')!.exercises!
    expect(next.exercises?.map((e) => e.id)).toEqual(all.map((e) => e.id))
    expect(parseHandoutSpec(next)).toEqual(next)
  })

  it('compares clinic details with the logo fields in, at every depth', () => {
    const logo = logoFromFile(makePng(40, 40))
    const spec = makeSpec({ clinic: { ...CLINIC, logo } })
    expect(checkReissue(spec, content, { ...CLINIC, logo: structuredClone(logo) }).clinicChanged).toBe(false)
    const other = logoFromFile(makePng(40, 41))
    expect(checkReissue(spec, content, { ...CLINIC, logo: other }).clinicChanged).toBe(true)
  })
})
