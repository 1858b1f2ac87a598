/**
 * Handouts given before the two-page layout (spec format 1) must reissue as the very same file:
 * these fixtures are real stored handouts (spec, content snapshot, SHA-256 of the Node bytes)
 * written by the format-1 builder and never regenerated.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildHandout } from '../../../src/renderer/src/handouts/builder'
import { renderPdfNode } from '../../../src/renderer/src/handouts/render-node'
import { sha256Hex, StoredHandoutSchema } from '../../../src/renderer/src/handouts/spec'

const dir = join(import.meta.dirname, 'fixtures')
const fixtures = readdirSync(dir).filter((f) => /^v1-.*\.json$/.test(f))

describe('format-1 handouts', { timeout: 120_000 }, () => {
  it('has fixtures to check', () => expect(fixtures.length).toBeGreaterThanOrEqual(2))
  for (const f of fixtures) {
    it(`${f} still loads and reissues byte for byte`, async () => {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>
      const stored = StoredHandoutSchema.parse({
        id: f,
        createdAt: '2026-11-21T10:00:00.000Z',
        spec: raw['spec'],
        content: raw['content'],
        sha256: raw['sha256'],
      })
      const pdf = await renderPdfNode(buildHandout(stored.spec, stored.content!))
      expect(await sha256Hex(pdf)).toBe(stored.sha256)
    })
  }
})
