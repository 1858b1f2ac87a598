import { describe, expect, it } from 'vitest'
import content from 'virtual:reference-content'
import { MEDICINE_WEIGHT, runFinder } from '@renderer/reference/finder'

interface Scenario {
  patient: string
  findings: string[]
  medicines?: string
  /** Each must be among the first three causes. */
  expectTop3: string[]
  /** Red flags the banner must show; [] means no banner. */
  redFlags: string[]
}

const SCENARIOS: Scenario[] = [
  {
    patient: 'runner, cramps during a hot race, drinks little',
    findings: ['during-exercise', 'heavy-sweating-heat', 'low-fluid-intake'],
    expectTop3: ['dehydration'],
    redFlags: [],
  },
  {
    patient: 'office worker starting a new boot camp, cramps during the sessions',
    findings: ['new-intense-exercise', 'during-exercise'],
    expectTop3: ['exercise-intensity', 'muscle-fatigue'],
    redFlags: [],
  },
  {
    patient: 'new narrow shoes, toe and arch cramps',
    findings: ['tight-shoes', 'site-toes', 'site-arch'],
    expectTop3: ['poor-footwear'],
    redFlags: [],
  },
  {
    patient: 'shop assistant, stands all day, cramps in the evening and at night',
    findings: ['standing-job', 'after-long-standing', 'at-night'],
    expectTop3: ['static-posture', 'muscle-fatigue'],
    redFlags: [],
  },
  {
    patient: 'third trimester, calf and foot cramps at night, ankles swollen',
    findings: ['pregnancy', 'at-night', 'site-calf', 'swelling-redness'],
    expectTop3: ['pregnancy'],
    redFlags: ['swelling-redness'],
  },
  {
    patient: 'smoker, calf pain walking that eases with rest, pale foot',
    findings: ['walking-eases-with-rest', 'site-calf', 'colour-change', 'alcohol-smoking'],
    expectTop3: ['peripheral-artery-disease'],
    redFlags: ['skin-colour-change'],
  },
  {
    patient: 'severe PAD picture: pain at rest and after very little exertion',
    findings: ['pain-at-rest', 'minimal-exertion', 'walking-eases-with-rest'],
    expectTop3: ['peripheral-artery-disease'],
    redFlags: ['pain-at-rest', 'minimal-exertion'],
  },
  {
    patient: 'type 2 diabetes, numb tingling feet, a sore that will not heal',
    findings: ['diabetes', 'numbness-tingling', 'non-healing-sores'],
    expectTop3: ['peripheral-neuropathy', 'diabetes'],
    redFlags: ['numbness', 'non-healing-sores'],
  },
  {
    patient: 'burning and tingling on the inner ankle into the sole',
    findings: ['inner-ankle-pain', 'numbness-tingling', 'site-ankle'],
    expectTop3: ['tarsal-tunnel-syndrome'],
    redFlags: ['numbness'],
  },
  {
    patient: 'low back pain down the leg with foot cramps',
    findings: ['back-pain-to-leg'],
    expectTop3: ['radiculopathy'],
    redFlags: [],
  },
  {
    patient: 'two days of vomiting and diarrhoea, now cramping',
    findings: ['vomiting-diarrhoea'],
    expectTop3: ['electrolyte-imbalance', 'low-potassium'],
    redFlags: [],
  },
  {
    patient: 'restricted diet, cramps mostly at night',
    findings: ['poor-diet', 'at-night'],
    expectTop3: ['low-magnesium'],
    redFlags: [],
  },
  {
    patient: 'winter swimmer, cramps in cold water',
    findings: ['cold-exposure'],
    expectTop3: ['cold-exposure'],
    redFlags: [],
  },
  {
    patient: 'sprained ankle last month, cramps since',
    findings: ['recent-injury', 'site-ankle'],
    expectTop3: ['recent-injury'],
    redFlags: [],
  },
  {
    patient: 'heavy drinker and smoker, drinks little water',
    findings: ['alcohol-smoking', 'low-fluid-intake'],
    expectTop3: ['alcohol-and-smoking', 'dehydration'],
    redFlags: [],
  },
  {
    patient: 'on water pills and a statin, night cramps',
    findings: ['at-night'],
    medicines: 'furosemide 40mg, Lipitor',
    expectTop3: ['medications'],
    redFlags: [],
  },
  {
    patient: 'on an antipsychotic (brand name), cramps with no other clue',
    findings: [],
    medicines: 'Seroquel',
    expectTop3: ['medications'],
    redFlags: [],
  },
  {
    patient: 'elderly, frequent severe cramps with no obvious cause, waking at night',
    findings: ['older-age', 'frequent-severe', 'no-obvious-cause', 'sleep-mobility-disturbed'],
    expectTop3: ['ageing'],
    redFlags: ['frequent-severe-persistent', 'no-obvious-cause', 'disturbed-sleep-mobility'],
  },
  {
    patient: 'weak legs and cramps not improving with stretching and fluids',
    findings: ['weakness', 'no-improvement'],
    expectTop3: ['peripheral-neuropathy', 'low-potassium'],
    redFlags: ['weakness', 'no-improvement'],
  },
]

describe('cause finder scenarios', () => {
  it.each(SCENARIOS.map((s) => [s.patient, s] as const))('%s', (_name, s) => {
    const r = runFinder(content, { findings: s.findings, medicines: s.medicines })
    const top3 = r.causes.slice(0, 3).map((c) => c.cause.id)
    for (const id of s.expectTop3) expect(top3, `top 3: ${top3.join(', ')}`).toContain(id)
    expect(r.redFlags.map((f) => f.flag.id).sort()).toEqual([...s.redFlags].sort())
    for (const f of r.redFlags) expect(f.flag.action.length).toBeGreaterThan(10)
  })
})

describe('cause finder mechanics', () => {
  it('gives nothing and raises nothing when nothing is ticked', () => {
    const r = runFinder(content, { findings: [] })
    expect(r.causes).toEqual([])
    expect(r.redFlags).toEqual([])
  })

  it('explains each cause with the findings that support it, strongest first', () => {
    const r = runFinder(content, { findings: ['walking-eases-with-rest', 'site-calf'] })
    const pad = r.causes.find((c) => c.cause.id === 'peripheral-artery-disease')!
    expect(pad.reasons.map((x) => x.label)).toEqual(['When walking, easing with rest', 'Calf'])
    expect(pad.score).toBe(pad.cause.finder['walking-eases-with-rest']! + pad.cause.finder['site-calf']!)
    expect(r.causes[0]!.strength).toBe(1)
  })

  it('names the medicine, and the class it was looked up in, as the reason', () => {
    const r = runFinder(content, { findings: [], medicines: 'Zocor' })
    const med = r.causes.find((c) => c.cause.id === content.finder.medicineCause)!
    expect(med.score).toBe(MEDICINE_WEIGHT)
    expect(med.reasons[0]!.label).toMatch(/Zocor.*Simvastatin.*lookup.*Statins/)
  })

  it('does not count gabapentin as a cause: the sources mention it as a possible help', () => {
    const r = runFinder(content, { findings: [], medicines: 'gabapentin' })
    expect(r.causes).toEqual([])
    expect(r.medicines[0]).toMatchObject({ status: 'matched', mayHelp: true })
  })

  it('raises each red flag once, naming the finding that raised it', () => {
    const r = runFinder(content, { findings: ['pain-at-rest', 'at-rest', 'pain-at-rest'] })
    expect(r.redFlags).toHaveLength(1)
    expect(r.redFlags[0]!.raisedBy).toEqual(['Pain at rest'])
  })

  it('does not treat cramps that come at rest as the rest-pain red flag', () => {
    const r = runFinder(content, { findings: ['at-rest', 'at-night'] })
    expect(r.redFlags).toEqual([])
  })

  it('lists the most urgent red flag first, whatever order the findings were ticked in', () => {
    const r = runFinder(content, { findings: ['frequent-severe', 'numbness-tingling', 'pain-at-rest'] })
    expect(r.redFlags.map((f) => f.flag.id)).toEqual([
      'pain-at-rest',
      'frequent-severe-persistent',
      'numbness',
    ])
  })

  it('keeps unknown finding ids aside instead of failing', () => {
    const r = runFinder(content, { findings: ['no-such-finding', 'cold-exposure'] })
    expect(r.unknownFindings).toEqual(['no-such-finding'])
    expect(r.causes[0]!.cause.id).toBe('cold-exposure')
  })

  it('every finding in finder.yaml is weighed by at least one cause or raises a red flag', () => {
    const weighed = new Set(content.causes.flatMap((c) => Object.keys(c.finder)))
    for (const g of content.finder.groups)
      for (const f of g.findings) expect(weighed.has(f.id) || (f.redFlags?.length ?? 0) > 0, f.id).toBe(true)
  })
})
