import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { seedBatches } from '../../../scripts/seed-data'
import {
  backupFromRecords,
  exportBackup,
  readBackup,
  restoreBackup,
} from '../../../src/renderer/src/notes/backup'
import {
  historyEntrySchema,
  patientSchema,
  visitSchema,
  type HistoryEntry,
  type Patient,
  type Visit,
} from '../../../src/renderer/src/notes/model'
import { searchNotes } from '../../../src/renderer/src/notes/search'
import { freshRepo } from './helpers'

function collect(
  patients: number,
  visits: number,
  seed?: number,
  history = 0,
): { patients: Patient[]; visits: Visit[]; history: HistoryEntry[] } {
  const all = { patients: [] as Patient[], visits: [] as Visit[], history: [] as HistoryEntry[] }
  for (const b of seedBatches({ patients, visits, seed, batch: 7, history })) {
    all.patients.push(...b.patients)
    all.visits.push(...b.visits)
    all.history.push(...b.history)
  }
  return all
}

describe('seed generator', () => {
  it('is deterministic, valid, and spreads the visits over the patients', () => {
    const a = collect(30, 205)
    expect(collect(30, 205)).toEqual(a)
    expect(collect(30, 205, 1)).not.toEqual(a)
    expect(a.patients).toHaveLength(30)
    expect(a.visits).toHaveLength(205)
    for (const p of a.patients) expect(patientSchema.safeParse(p).success).toBe(true)
    for (const v of a.visits) expect(visitSchema.safeParse(v).success).toBe(true)
    const first = a.patients[0]!
    const newest = a.visits
      .filter((v) => v.patientId === first.id)
      .map((v) => v.dateTime)
      .sort()
      .at(-1)
    expect(first.lastVisitAt).toBe(newest)
    // With version history: earlier versions, each the parent of the next.
    const withHistory = collect(10, 40, undefined, 1.5)
    expect(withHistory.history.length).toBeGreaterThan(40)
    for (const h of withHistory.history) expect(historyEntrySchema.safeParse(h).success).toBe(true)
    const v = withHistory.visits.find((x) => x.revision > 2)!
    const kept = withHistory.history.filter((h) => h.recordId === v.id)
    expect(kept.map((h) => h.record.rev)).toEqual([...v.lineage].reverse())
  })

  it('makes a backup file that validates, restores, searches, and exports to the same bytes', async () => {
    const data = collect(20, 120, undefined, 1)
    const now = new Date('2026-11-21T00:00:00Z')
    const file = await backupFromRecords(data, { appVersion: 'seed', now })
    const parsed = await readBackup(file.bytes)
    expect(parsed.preview.counts.visits).toBe(120)
    const { db, repo } = freshRepo()
    await restoreBackup(repo.ctx, file.bytes, 'replace')
    expect((await searchNotes(db, 'calf')).total).toBeGreaterThan(0)
    const again = await exportBackup(db, { appVersion: 'seed', now })
    expect(again.checksum).toBe(file.checksum)
    expect(Buffer.from(again.bytes).equals(Buffer.from(file.bytes))).toBe(true)
  })
})
