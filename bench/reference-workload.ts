/**
 * The reference bench workload, in one module that runs both in Node and, bundled, in Chromium:
 * content load + index build, per-keystroke search queries and cause-finder changes.
 */
import MiniSearch from 'minisearch'
import { runFinder } from '../src/renderer/src/reference/finder'
import { createReferenceSearch } from '../src/renderer/src/reference/search'
import { buildDocuments } from '../src/renderer/src/reference/search-documents'
import type { Content } from '../src/renderer/src/reference/schema'

/** What clinicians type, typed one key at a time: every prefix is a query. */
const PHRASES = [
  'charley horse',
  'water pills',
  'low potassium',
  'hypokalaemia',
  'magnesium',
  'Mg',
  'high heels',
  'PAD',
  'peripheral artery disease',
  'night cramps',
  'cramps at night',
  'Lipitor',
  'furosemide',
  'pins and needles',
  'numbness',
  'dehydration',
  'dehidration',
  'stretching exercises',
  'pregnancy',
  'tarsal tunnel',
  'sciatica',
  'diabetes neuropathy',
  'bad circulation',
  'cold feet',
  'calf cramp',
  'toe curls',
  'compression stockings',
  'when to seek help',
  'red flags',
  'vitamin d',
  'B12',
  'alcohol',
  'smoking',
  'standing all day',
  'new shoes',
  'warm up',
  'statins',
  'gabapentin',
  'thyroid',
  'anaemia',
  'older age',
  'motor neuron disease',
  'electrolytes',
  'sweating heat',
  'liver',
  'kidney dialysis',
  'quinine',
  'restless legs',
  'plantar fasciitis',
  'diabetic foot care',
]

export function keystrokeQueries(): string[] {
  const out: string[] = []
  for (const p of PHRASES) for (let i = 1; i <= p.length; i++) out.push(p.slice(0, i))
  return out
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN
}

/** Content load (JSON.parse, as the app's bundle does) + index build, timed once. */
export function firstBuild(contentJson: string, now: () => number): number {
  const t = now()
  createReferenceSearch(JSON.parse(contentJson) as Content)
  return now() - t
}

export interface WorkloadFigures {
  loadBuildFirst: number
  loadBuildMedian: number
  queries: number
  queryMedian: number
  queryP95: number
  queryMax: number
  finderChanges: number
  finderMedian: number
  finderP95: number
  documents: number
  /** Baselines on the same data, same run: a bare MiniSearch index and a linear scan. */
  plainBuildMedian: number
  scanMedian: number
  /** A bare sum of the same weights for the same ticks (no reasons, flags or medicines). */
  weightSumMedian: number
}

/** The plainest search: every document's text lower-cased, kept if it holds every typed word. */
function linearScan(texts: string[], query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  let n = 0
  for (const t of texts) if (words.every((w) => t.includes(w))) n++
  return n
}

/** Runs everything on the content given as JSON text (as the app gets it from its bundle). */
export function runWorkload(contentJson: string, now: () => number): WorkloadFigures {
  // Load + build, first time (cold code paths) and then warm.
  let t = now()
  let index = createReferenceSearch(JSON.parse(contentJson) as Content)
  const loadBuildFirst = now() - t
  const builds: number[] = []
  for (let i = 0; i < 15; i++) {
    t = now()
    index = createReferenceSearch(JSON.parse(contentJson) as Content)
    builds.push(now() - t)
  }
  const content = JSON.parse(contentJson) as Content

  // Baseline: the same documents in a MiniSearch index with its defaults (no folding, stems,
  // synonyms or slips), built after the same JSON.parse.
  const plainBuilds: number[] = []
  for (let i = 0; i < 15; i++) {
    t = now()
    const { docs } = buildDocuments(JSON.parse(contentJson) as Content)
    new MiniSearch({ fields: ['title', 'aliases', 'summary', 'body'] }).addAll(docs)
    plainBuilds.push(now() - t)
  }
  const texts = buildDocuments(content).docs.map((d) =>
    `${d.title} ${d.aliases} ${d.summary} ${d.body}`.toLowerCase(),
  )

  // Chromium rounds performance.now() to 0.1 ms without cross-origin isolation: each sample is
  // the mean of a few repeats of the same keystroke, which keeps sub-millisecond times visible.
  const REPEAT = 5
  const qs = keystrokeQueries()
  const times: number[] = []
  for (let rep = 0; rep < 3; rep++) {
    for (const q of qs) {
      t = now()
      for (let k = 0; k < REPEAT; k++) index.search(q, { limit: 12 })
      times.push((now() - t) / REPEAT)
    }
  }

  const scans: number[] = []
  for (const q of qs) {
    t = now()
    for (let k = 0; k < REPEAT; k++) linearScan(texts, q)
    scans.push((now() - t) / REPEAT)
  }

  // A clinician ticking findings one by one, then typing medicines key by key.
  const findings = content.finder.groups.flatMap((g) => g.findings.map((f) => f.id))
  const finderTimes: number[] = []
  for (let rep = 0; rep < 3; rep++) {
    const ticked: string[] = []
    for (let i = 0; i < findings.length; i += 3) {
      ticked.push(findings[i]!)
      t = now()
      for (let k = 0; k < REPEAT; k++)
        runFinder(content, { findings: ticked, medicines: 'Lasix 40 mg, Lipitor' })
      finderTimes.push((now() - t) / REPEAT)
    }
    const meds = 'furosemide 40mg, Zocor, quetiapine, metformin'
    for (let i = 1; i <= meds.length; i++) {
      t = now()
      for (let k = 0; k < REPEAT; k++) runFinder(content, { findings: ticked, medicines: meds.slice(0, i) })
      finderTimes.push((now() - t) / REPEAT)
    }
  }

  // Baseline: the weights summed per cause for the same ticks, and nothing else.
  const sums: number[] = []
  for (let i = 0; i < findings.length; i += 3) {
    const ticked = new Set(findings.slice(0, i + 1).filter((_, j) => j % 3 === 0))
    t = now()
    for (let k = 0; k < REPEAT; k++) {
      const score = new Map<string, number>()
      for (const c of content.causes)
        for (const [f, w] of Object.entries(c.finder))
          if (ticked.has(f)) score.set(c.id, (score.get(c.id) ?? 0) + w.weight)
      ;[...score.entries()].sort((a, b) => b[1] - a[1])
    }
    sums.push((now() - t) / REPEAT)
  }

  return {
    loadBuildFirst,
    loadBuildMedian: percentile(builds, 50),
    queries: times.length,
    queryMedian: percentile(times, 50),
    queryP95: percentile(times, 95),
    queryMax: Math.max(...times),
    finderChanges: finderTimes.length,
    finderMedian: percentile(finderTimes, 50),
    finderP95: percentile(finderTimes, 95),
    documents: index.documentCount,
    plainBuildMedian: percentile(plainBuilds, 50),
    scanMedian: percentile(scans, 50),
    weightSumMedian: percentile(sums, 50),
  }
}
