import { describe, expect, it } from 'vitest'
import { buildHandout } from '../../../src/renderer/src/handouts/builder'
import { checkReissue, withCurrent } from '../../../src/renderer/src/handouts/reissue'
import { renderPdfNode } from '../../../src/renderer/src/handouts/render-node'
import { parseHandoutSpec, sha256Hex, StoredHandoutSchema } from '../../../src/renderer/src/handouts/spec'
import { logoFromFile } from '../../../src/renderer/src/handouts/clinic'
import { CLINIC, makePng, makeSpec, realContent } from './helpers'

const content = realContent()

describe('reissue', () => {
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
})
