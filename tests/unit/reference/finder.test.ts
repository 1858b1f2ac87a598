import { describe, expect, it } from 'vitest'
import content from 'virtual:reference-content'
import { fitOf, MEDICINE_WEIGHT, runFinder } from '@renderer/reference/finder'
import type { Tier } from '@renderer/reference/urgency'

interface Scenario {
  patient: string
  findings: string[]
  medicines?: string
  /** Each must be among the first three causes. */
  expectTop3: string[]
  /** Red flags the banner must show; [] means no banner. */
  redFlags: string[]
  /** The most urgent tier raised ('unspecified' when none is). */
  urgency?: Tier
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
    // The usual swelling of pregnancy is not ticked: only abnormal swelling raises the flag.
    patient: 'third trimester, calf and foot cramps at night',
    findings: ['pregnancy', 'at-night', 'site-calf'],
    expectTop3: ['pregnancy'],
    redFlags: [],
  },
  {
    patient: 'pregnant, with a leg more swollen and red than usual',
    findings: ['pregnancy', 'swelling-redness'],
    expectTop3: ['pregnancy'],
    redFlags: ['swelling-redness'],
    urgency: 'unspecified',
  },
  {
    patient: 'older smoker, calf pain walking that eases with rest (the claudication picture)',
    findings: ['walking-eases-with-rest', 'site-calf', 'alcohol-smoking', 'older-age'],
    expectTop3: ['peripheral-artery-disease'],
    redFlags: ['claudication'],
    urgency: 'soon',
  },
  {
    patient: 'smoker, calf pain walking that eases with rest, pale foot',
    findings: ['walking-eases-with-rest', 'site-calf', 'colour-change', 'alcohol-smoking'],
    expectTop3: ['peripheral-artery-disease'],
    redFlags: ['claudication', 'skin-colour-change'],
    urgency: 'soon',
  },
  {
    patient: 'severe PAD picture: pain at rest and after very little exertion',
    findings: ['pain-at-rest', 'minimal-exertion', 'walking-eases-with-rest'],
    expectTop3: ['peripheral-artery-disease'],
    redFlags: ['pain-at-rest', 'minimal-exertion', 'claudication'],
    urgency: 'now',
  },
  {
    patient: 'type 2 diabetes, numb tingling feet, a sore that will not heal',
    findings: ['diabetes', 'numbness-tingling', 'non-healing-sores'],
    expectTop3: ['peripheral-neuropathy', 'diabetes'],
    redFlags: ['numbness', 'non-healing-sores', 'diabetic-foot-change'],
    urgency: 'now',
  },
  {
    patient: 'diabetes, a foot ulcer and a fever',
    findings: ['diabetes', 'non-healing-sores', 'fever-unwell'],
    expectTop3: ['diabetes'],
    redFlags: ['non-healing-sores', 'diabetic-foot-change', 'diabetic-foot-emergency'],
    urgency: 'now',
  },
  {
    patient: 'diabetes, calf cramps, nothing else',
    findings: ['diabetes', 'site-calf'],
    expectTop3: ['diabetes', 'peripheral-neuropathy'],
    redFlags: ['calf-cramp-diabetes'],
    urgency: 'routine',
  },
  {
    patient: 'tingling and spasm in the sole from a squeezed nerve at the inner ankle',
    findings: ['nerve-compression-inner-ankle', 'numbness-tingling'],
    expectTop3: ['tarsal-tunnel-syndrome'],
    redFlags: ['numbness'],
  },
  {
    patient: 'nerve compression near the spine, with foot cramps',
    findings: ['nerve-compression-spine'],
    expectTop3: ['radiculopathy'],
    redFlags: [],
  },
  {
    patient: 'cramps that wake her at night: disturbed sleep alone is routine',
    findings: ['sleep-mobility-disturbed'],
    expectTop3: [],
    redFlags: ['disturbed-sleep-mobility'],
    urgency: 'routine',
  },
  {
    patient: 'a cramp lasting 20 minutes that walking would not ease',
    findings: ['long-cramp'],
    expectTop3: [],
    redFlags: ['long-cramp'],
    urgency: 'now',
  },
  {
    patient: 'liver cirrhosis, night cramps',
    findings: ['liver-disease', 'at-night'],
    expectTop3: ['liver-disease'],
    redFlags: [],
  },
  {
    patient: 'on haemodialysis, cramps',
    findings: ['dialysis'],
    expectTop3: ['haemodialysis'],
    redFlags: [],
  },
  {
    patient: 'two days of vomiting and diarrhoea, now cramping',
    findings: ['vomiting-diarrhoea'],
    expectTop3: ['electrolyte-imbalance', 'low-potassium'],
    redFlags: [],
  },
  {
    // The source blames daytime overuse for night cramps, and AAFP doubts a mineral cause.
    patient: 'night cramps, nothing else known',
    findings: ['at-night'],
    expectTop3: ['muscle-fatigue'],
    redFlags: [],
  },
  {
    patient: 'restricted diet, cramps mostly at night',
    findings: ['poor-diet', 'at-night'],
    expectTop3: ['vitamin-deficiency', 'electrolyte-imbalance'],
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
    urgency: 'routine',
  },
  {
    patient: 'weak legs and cramps not improving with stretching and fluids',
    findings: ['weakness', 'no-improvement'],
    expectTop3: ['peripheral-neuropathy', 'low-potassium'],
    redFlags: ['weakness', 'no-improvement'],
    urgency: 'routine',
  },
]

describe('cause finder scenarios', () => {
  it.each(SCENARIOS.map((s) => [s.patient, s] as const))('%s', (_name, s) => {
    const r = runFinder(content, { findings: s.findings, medicines: s.medicines })
    const top3 = r.causes.slice(0, 3).map((c) => c.cause.id)
    for (const id of s.expectTop3) expect(top3, `top 3: ${top3.join(', ')}`).toContain(id)
    expect(r.redFlags.map((f) => f.flag.id).sort()).toEqual([...s.redFlags].sort())
    for (const f of r.redFlags) expect(f.flag.action.length).toBeGreaterThan(10)
    expect(r.urgency).toBe(s.urgency ?? 'unspecified')
  })

  it('ranks daytime overuse above low magnesium for night cramps', () => {
    const r = runFinder(content, { findings: ['at-night'] })
    const rank = (id: string): number => r.causes.findIndex((c) => c.cause.id === id)
    expect(rank('muscle-fatigue')).toBeGreaterThanOrEqual(0)
    expect(rank('muscle-fatigue')).toBeLessThan(rank('low-magnesium'))
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
    expect(pad.reasons.map((x) => x.label)).toEqual([
      'Calf or thigh pain on walking, easing with rest',
      'Calf',
    ])
    expect(pad.score).toBe(
      pad.cause.finder['walking-eases-with-rest']!.weight + pad.cause.finder['site-calf']!.weight,
    )
    expect(r.causes[0]!.strength).toBe(1)
    expect(pad.fit).toBe('strong')
    // Each reason carries its why and the sources behind its weight.
    for (const reason of pad.reasons) {
      expect(reason.why).toBeTruthy()
      expect(reason.sources.length).toBeGreaterThan(0)
    }
  })

  it('puts the fit in words from the score, not relative to the top cause', () => {
    expect(fitOf(1)).toBe('weak')
    expect(fitOf(4)).toBe('some')
    expect(fitOf(7)).toBe('strong')
    const r = runFinder(content, { findings: ['site-arch'] })
    expect(r.causes.every((c) => c.fit === 'weak')).toBe(true)
  })

  it('names the medicine, and the class it was looked up in, as the reason', () => {
    const r = runFinder(content, { findings: [], medicines: 'Zocor' })
    const med = r.causes.find((c) => c.cause.id === content.finder.medicineCause)!
    expect(med.score).toBe(MEDICINE_WEIGHT)
    expect(med.reasons[0]!.label).toBe('Takes Zocor (Simvastatin, one of the statins)')
    expect(med.reasons[0]!.lookup).toBe(true)
  })

  it('does not count gabapentin as a cause: the sources mention it as a possible help', () => {
    const r = runFinder(content, { findings: [], medicines: 'gabapentin' })
    expect(r.causes).toEqual([])
    expect(r.medicines[0]).toMatchObject({ status: 'matched', mayHelp: true })
  })

  it('raises each red flag once, naming the finding that raised it', () => {
    const r = runFinder(content, { findings: ['pain-at-rest', 'at-rest', 'pain-at-rest'] })
    expect(r.redFlags).toHaveLength(1)
    expect(r.redFlags[0]!.raisedBy).toEqual(['Pain at rest (toes, worse with the leg raised)'])
    expect(r.redFlags[0]!.tier).toBe('now')
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

  it('every finding in finder.yaml is weighed by a cause, raises a red flag, or is in a combination', () => {
    const weighed = new Set(content.causes.flatMap((c) => Object.keys(c.finder)))
    const combined = new Set(content.finder.combinations.flatMap((k) => k.all))
    // Cramps can sit in the ankle, but no source ties ankle cramps to any one cause: the finding
    // stays for the record and weighs nothing.
    const recordOnly = new Set(['site-ankle'])
    for (const g of content.finder.groups)
      for (const f of g.findings)
        expect(
          weighed.has(f.id) || (f.redFlags?.length ?? 0) > 0 || combined.has(f.id) || recordOnly.has(f.id),
          f.id,
        ).toBe(true)
    for (const id of recordOnly) expect(weighed.has(id), id).toBe(false)
  })

  it('raises a combination only when every finding in it is ticked', () => {
    expect(runFinder(content, { findings: ['diabetes'] }).redFlags).toEqual([])
    const both = runFinder(content, { findings: ['diabetes', 'swelling-redness'] })
    expect(both.redFlags.map((f) => f.flag.id)).toEqual(['diabetic-foot-change', 'swelling-redness'])
    expect(both.redFlags[0]!.raisedBy).toEqual(['Diabetes + Abnormal swelling or redness'])
  })
})
