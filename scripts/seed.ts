/**
 * Writes a deterministic backup file of made-up patients and visits, to restore in the app for
 * demos and load tests:
 *   npm run seed -- --patients 10000 --visits 100000 --out seed-backup.json [--seed 7] [--history 1]
 * The benchmark (bench/notes.bench.ts) uses the same generator inside Chromium.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { backupFromRecords } from '../src/renderer/src/notes/backup'
import type { HistoryEntry, Patient, Visit } from '../src/renderer/src/notes/model'
import { seedBatches } from './seed-data'

function main(): void {
  const { values } = parseArgs({
    options: {
      patients: { type: 'string', default: '1000' },
      visits: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '20261121' },
      history: { type: 'string', default: '0' },
      out: { type: 'string', default: 'seed-backup.json' },
    },
  })
  const patients = Number(values.patients)
  const visits = Number(values.visits)
  const seed = Number(values.seed)
  const history = Number(values.history)
  if (
    !Number.isInteger(patients) ||
    patients < 1 ||
    !Number.isInteger(visits) ||
    visits < 0 ||
    !Number.isInteger(seed) ||
    !(history >= 0)
  ) {
    console.error(
      'seed: --patients must be a whole number of at least 1, --visits and --seed whole numbers, --history 0 or more.',
    )
    process.exit(2)
  }
  const all: { patients: Patient[]; visits: Visit[]; history: HistoryEntry[] } = {
    patients: [],
    visits: [],
    history: [],
  }
  for (const batch of seedBatches({ patients, visits, seed, history })) {
    all.patients.push(...batch.patients)
    all.visits.push(...batch.visits)
    all.history.push(...batch.history)
  }
  void backupFromRecords(all, { appVersion: 'seed', now: new Date('2026-11-21T00:00:00Z') }).then((b) => {
    writeFileSync(values.out, b.bytes)
    console.log(
      `${values.out}: ${b.counts.patients} patients, ${b.counts.visits} visits, ${(b.bytes.length / 1048576).toFixed(1)} MB`,
    )
  })
}

main()
