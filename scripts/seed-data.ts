/**
 * Deterministic generator of patients and visits for benchmarks, demos and load tests. The same
 * seed always gives the same records. Pure: runs in Node (scripts/seed.ts) and, bundled, inside
 * a Chromium page (bench/notes.bench.ts). The note texts are made-up clinic shorthand.
 */
import type { Patient, Visit } from '../src/renderer/src/notes/model'

export interface SeedOptions {
  patients: number
  visits: number
  seed?: number
  /** Patients per batch (their visits come in the same batch). */
  batch?: number
  /** Newest visit date; visits spread over the five years before it. */
  until?: Date
}

export interface SeedBatch {
  patients: Patient[]
  visits: Visit[]
}

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = [
  'Ann',
  'Bob',
  'Carla',
  'Dev',
  'Elif',
  'Femi',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kemal',
  'Lena',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tomoko',
  'Uma',
  'Viktor',
  'Wen',
  'Xavier',
  'Yara',
  'Zoe',
  'Ólafur',
  'Zoë',
  'José',
  'Łucja',
  'Søren',
  'Chloé',
]
const LAST = [
  'Smith',
  'Jones',
  'Müller',
  'García',
  'Nowak',
  'Kowalski',
  'Okafor',
  'Tanaka',
  'Rossi',
  'Dubois',
  'Novák',
  'Andersen',
  'Silva',
  'Kaya',
  'Haddad',
  'Nguyen',
  'Patel',
  'Cohen',
  'O’Brien',
  'Fischer',
  'Larsen',
  'Moreau',
  'Horvat',
  'Ivanova',
  'Byrne',
  'Costa',
  'Lindqvist',
  'Yilmaz',
  'Mensah',
  'Park',
]
const REASONS = [
  'Night cramps in the calf',
  'Foot cramps after running',
  'Review of cramps',
  'Toe cramps when walking',
  'Arch pain and cramping',
  'Follow-up after footwear change',
  'Cramps since new medicine',
  'Heel pain and tight calves',
]
const PHRASES = [
  'Reports cramps mostly at night, waking two or three times a week.',
  'Calf tight on dorsiflexion, left worse than right.',
  'Pulses palpable, skin warm, capillary refill normal.',
  'Started a water tablet last month according to the patient.',
  'Wears flat worn trainers for long shifts standing.',
  'Drinks little during the day, mostly coffee.',
  'Stretching shown: wall calf stretch, hold thirty seconds, three times.',
  'No swelling, no redness, no recent injury.',
  'Sensation intact to monofilament at all sites tested.',
  'Advised to discuss the statin with the prescriber.',
  'Toes curl during the cramp, eased by standing on the foot.',
  'Pregnant, second trimester, cramps worse in the evening.',
  'Plays football twice a week, cramps late in the match.',
  'Orthotics reviewed, heel cup worn down, replacement ordered.',
  'Magnesium tried from the pharmacy without clear benefit.',
  'Diabetic, last HbA1c reported as stable by the GP.',
  'Hamstring and calf flexibility reduced bilaterally.',
  'Cramp diary given; review in four weeks.',
  'Night splint discussed; patient prefers to try stretching first.',
  'Walks the dog daily, cramps after the longer walks.',
]
const PLANS = [
  'Daily calf stretches before bed; review in 4 weeks.',
  'Footwear advice given; bring shoes to next visit.',
  'Letter to GP about medicines and blood tests.',
  'Hydration plan discussed; cramp diary.',
  'Orthotic review; strengthening exercises for intrinsic muscles.',
]
const FINDINGS = ['night', 'exercise', 'calf', 'toes', 'arch', 'diuretic', 'statin', 'pregnancy']
const CAUSES = ['dehydration', 'exercise-associated', 'medicines', 'footwear', 'nocturnal-idiopathic']

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

export function patientId(i: number): string {
  return `seed-p-${pad(i, 6)}`
}

export function visitId(i: number): string {
  return `seed-v-${pad(i, 7)}`
}

/** Batches of patients with all their visits, `visits / patients` visits each on average. */
export function* seedBatches(options: SeedOptions): Generator<SeedBatch> {
  const r = rng(options.seed ?? 20261121)
  const batch = options.batch ?? 500
  const until = (options.until ?? new Date('2026-11-20T17:00:00Z')).getTime()
  const span = 5 * 365 * 24 * 3600 * 1000
  const base = Math.floor(options.visits / options.patients)
  const extra = options.visits - base * options.patients
  let v = 0
  let current: SeedBatch = { patients: [], visits: [] }
  for (let i = 0; i < options.patients; i++) {
    const count = base + (i < extra ? 1 : 0)
    const created = new Date(until - span - r() * 30 * 24 * 3600 * 1000).toISOString()
    const id = patientId(i)
    const visits: Visit[] = []
    for (let j = 0; j < count; j++) {
      const at = new Date(until - r() * span)
      at.setUTCMinutes(Math.floor(r() * 4) * 15, 0, 0)
      const words = 3 + Math.floor(r() * 6)
      const note = Array.from({ length: words }, () => pick(r, PHRASES)).join(' ')
      const iso = at.toISOString()
      visits.push({
        id: visitId(v++),
        patientId: id,
        dateTime: iso,
        reason: pick(r, REASONS),
        note,
        findings: r() < 0.5 ? [pick(r, FINDINGS)] : [],
        causeIds: r() < 0.6 ? [pick(r, CAUSES)] : [],
        plan: pick(r, PLANS),
        followUpDate: '',
        handouts: [],
        createdAt: iso,
        updatedAt: iso,
        revision: 1,
      })
    }
    const last = visits.reduce<string | null>((m, x) => (m && m > x.dateTime ? m : x.dateTime), null)
    const year = 1930 + Math.floor(r() * 85)
    const patient: Patient = {
      id,
      name: `${pick(r, FIRST)} ${pick(r, LAST)}`,
      dateOfBirth: `${year}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`,
      chartNumber: `C${pad(i + 1, 6)}`,
      phone: `0${pad(Math.floor(r() * 1e9), 9)}`,
      medicines: r() < 0.3 ? [pick(r, ['furosemide', 'atorvastatin', 'salbutamol', 'amlodipine'])] : [],
      alerts: r() < 0.05 ? 'Allergic to plasters' : '',
      feetAtRisk: false,
      lastVisitAt: last,
      createdAt: created,
      updatedAt: created,
      revision: 1,
    }
    current.patients.push(patient)
    current.visits.push(...visits)
    if (current.patients.length >= batch) {
      yield current
      current = { patients: [], visits: [] }
    }
  }
  if (current.patients.length) yield current
}
