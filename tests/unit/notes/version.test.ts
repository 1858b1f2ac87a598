import { describe, expect, it } from 'vitest'
import {
  COALESCE_MS,
  compareVersions,
  contentHash,
  descendsFrom,
  firstVersion,
  nextVersion,
  type Author,
} from '../../../src/renderer/src/notes/version'

const a: Author = { device: 'dA', window: 'w1', authorId: null }
const b: Author = { device: 'dB', window: 'w9', authorId: null }
const t = (s: number): string => new Date(Date.UTC(2026, 10, 21, 9, 0, s)).toISOString()

function save(
  prev: ReturnType<typeof firstVersion> & { updatedAt?: string },
  by: Author,
  at: string,
  newRun = false,
) {
  const { meta, keepCurrent } = nextVersion({ ...prev, updatedAt: at }, by, at, {
    fieldsChanged: true,
    newRun,
  })
  return { meta, keepCurrent }
}

describe('versions and their lineage', () => {
  it('coalesces the saves of one writer within a minute, and keeps the version another writer replaces', () => {
    const v1 = firstVersion(a, t(0))
    const v2 = save(v1, a, t(1))
    expect(v2.keepCurrent).toBe(false)
    const v3 = save(v2.meta, a, t(50))
    expect(v3.keepCurrent).toBe(false)
    // A minute after the run began, the next save keeps the run's last version.
    const v4 = save(v3.meta, a, new Date(Date.parse(t(0)) + COALESCE_MS + 1).toISOString())
    expect(v4.keepCurrent).toBe(true)
    expect(v4.meta.lineage[0]).toBe(v3.meta.rev)
    // Another window's save always keeps what it replaces.
    const v5 = save(v4.meta, b, t(61))
    expect(v5.keepCurrent).toBe(true)
    expect(v5.meta.savedBy).toEqual(b)
    // And a new run forced by the caller (a conflict settled, a version brought back) too.
    expect(save(v1, a, t(2), true).keepCurrent).toBe(true)
  })

  it('knows a version from the same run without listing every save, and tells apart parallel edits', () => {
    const base = firstVersion(a, t(0))
    const mid = save(base, a, t(1)).meta
    const late = save(mid, a, t(2)).meta
    expect(late.lineage).toEqual([])
    expect(descendsFrom(late, mid.rev)).toBe(true)
    expect(descendsFrom(late, base.rev)).toBe(true)
    expect(compareVersions(late, mid)).toBe('newer')
    expect(compareVersions(mid, late)).toBe('older')
    expect(compareVersions(late, late)).toBe('same')
    // Two computers edit the same version apart: neither holds the other.
    const here = save(mid, a, t(3), true).meta
    const there = save(mid, b, t(3)).meta
    expect(compareVersions(here, there)).toBe('divergent')
    // The clock plays no part: the version with the later time is not "newer".
    const skewed = save(mid, b, '2099-01-01T00:00:00.000Z').meta
    expect(compareVersions(here, skewed)).toBe('divergent')
  })

  it('derives the same rev for the same old record on two computers, and another for any difference', () => {
    expect(contentHash('same note')).toBe(contentHash('same note'))
    expect(contentHash('same note')).not.toBe(contentHash('same note.'))
    expect(contentHash('x'.repeat(1_000_000))).toMatch(/^[0-9a-f]{14}$/)
  })
})
