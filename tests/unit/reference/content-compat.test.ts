/**
 * Handouts keep the content they were built from (handouts/snapshot.ts), and visits and backups
 * keep the handouts: content written by an older version must still read, or a visit made then
 * would fail to load. The fixture is the whole reference as released in version 2026.11.2.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { StoredHandoutSchema } from '../../../src/renderer/src/handouts/spec'
import { ContentSchema } from '../../../src/renderer/src/reference/schema'
import { loadContent } from '../../../scripts/content-fs'
import { makeSpec } from '../handouts/helpers'

const OLD = JSON.parse(
  readFileSync(new URL('./fixtures/content-2026.11.2.json', import.meta.url), 'utf8'),
) as unknown

describe('content written by version 2026.11.2', () => {
  it('still reads, with bare finder weights and untyped sources given safe defaults', () => {
    const old = ContentSchema.parse(OLD)
    expect(old.meta.version).toBe('2026.11.2')
    expect(old.meta.sources.map((s) => s.kind)).toEqual([
      'web-article',
      'web-article',
      'web-article',
      'web-article',
    ])
    const pad = old.causes.find((c) => c.id === 'peripheral-artery-disease')!
    expect(pad.finder['walking-eases-with-rest']).toEqual({ weight: 5, sources: [], why: undefined })
    expect(old.redFlags.every((r) => r.urgency === undefined && r.handout)).toBe(true)
    expect(old.safety).toBeUndefined()
  })

  it('stays inside a stored handout from then', () => {
    const spec = { ...makeSpec(), footRisk: undefined }
    const stored = StoredHandoutSchema.parse({
      id: 'h1',
      spec,
      createdAt: '2026-11-21T10:00:00.000Z',
      content: OLD,
    })
    expect(stored.content?.causes.length).toBeGreaterThan(20)
  })

  it('and the content of today reads back through the same schema unchanged', () => {
    const now = loadContent()
    expect(ContentSchema.parse(JSON.parse(JSON.stringify(now)))).toEqual(JSON.parse(JSON.stringify(now)))
  })
})
