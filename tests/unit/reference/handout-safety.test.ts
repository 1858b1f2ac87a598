/**
 * Feet at risk (issue 8): for every condition that marks a foot at risk and every handout
 * section, the handout leaves out each self-care item a guideline warns against, marks the
 * unchecked ones "ask your podiatrist first", and carries the foot-care block near the top.
 * Checked on the built document's text, both against the content's own declarations and against
 * a list of warning words that does not trust those declarations.
 */
import { describe, expect, it } from 'vitest'
import { buildHandout } from '../../../src/renderer/src/handouts/builder'
import { alertMatches, footRiskReasons, type FootRisk } from '../../../src/renderer/src/handouts/footRisk'
import { ASK_FIRST, planSafety } from '../../../src/renderer/src/handouts/safety'
import { applySafety } from '../../../src/renderer/src/handouts/safetyApply'
import { HANDOUT_SECTION_IDS, type HandoutSectionId } from '../../../src/renderer/src/handouts/spec'
import { contentSnapshot } from '../../../src/renderer/src/handouts/snapshot'
import { makeSpec, realContent } from '../handouts/helpers'

const content = realContent()
const safety = content.safety!

/** Causes whose self-care declares a hazard: they must be on the handouts under test. */
const HAZARD_CAUSES = content.causes
  .filter((c) => [c.sections.selfCare, c.sections.prevention].some((s) => s?.safety?.length))
  .map((c) => c.id)

interface Condition {
  name: string
  causes?: string[]
  footRisk?: Partial<FootRisk>
}

const CONDITIONS: Condition[] = [
  { name: 'marked at risk on the patient record', footRisk: { marked: true } },
  ...safety.atRisk.causes.map((id) => ({ name: `cause ${id}`, causes: [id] })),
  ...safety.atRisk.findings.map((id) => ({ name: `finding ${id}`, footRisk: { findings: [id] } })),
  // On the visit, but left off the handout.
  ...safety.atRisk.causes.map((id) => ({ name: `visit cause ${id}`, footRisk: { visitCauses: [id] } })),
  ...['diabetic', 'Type 2 diabetes', 'peripheral neuropathy', 'history of foot ulcer'].map((alert) => ({
    name: `alerts "${alert}"`,
    footRisk: { alerts: alertMatches(alert, content) },
  })),
]

/**
 * Every string in a pdfmake definition, leaving out the foot-care block when asked (and the list
 * of sources at the end: the titles of guidelines name what they warn against).
 */
function textOf(node: unknown, skipFootCare: boolean, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node)
  else if (Array.isArray(node)) for (const n of node) textOf(n, skipFootCare, out)
  else if (node && typeof node === 'object') {
    const id = (node as { id?: string }).id
    if (skipFootCare && (id === 'foot-care' || id === 'sources')) return out
    for (const [k, v] of Object.entries(node))
      if (k !== 'svg' && k !== 'image' && k !== 'id') textOf(v, skipFootCare, out)
  }
  return out
}

/** Every exercise, at no set dose: the handout then prints all the exercise advice there is. */
const ALL_EXERCISES = content.topics.flatMap((t) => t.exercises ?? []).map((e) => ({ id: e.id, dose: {} }))

function docText(causes: string[], sections: HandoutSectionId[], footRisk?: Partial<FootRisk>) {
  // Each cause in full (its self-care and prevention), so every hazard it declares could print.
  const spec = makeSpec({
    causes,
    moreDetail: causes,
    sections,
    exercises: ALL_EXERCISES,
    ...(footRisk ? { footRisk } : {}),
  })
  const doc = buildHandout(spec, content)
  return {
    all: textOf(doc.content, false).join('\n'),
    outside: textOf(doc.content, true).join('\n'),
    spec,
  }
}

/** Advice the guidelines warn against for a foot at risk, by its words (not by declarations). */
const WARNED_WORDS =
  /heating pad|heat pad|\bwarmth\b|warm water|\bsoak|barefoot|bare feet|\bsand\b|hot water/i
const UNCHECKED_WORDS = /\bice\b|marble|curl your toes/i

describe('feet at risk: every condition x every section', () => {
  const sections = HANDOUT_SECTION_IDS.filter((s) => s !== 'when-to-seek-help')
  const cases = CONDITIONS.flatMap((c) => sections.map((s) => [c.name, s, c] as const))

  it('has conditions for every at-risk cause, finding and the patient mark', () => {
    expect(CONDITIONS.length).toBeGreaterThanOrEqual(
      1 + safety.atRisk.causes.length + safety.atRisk.findings.length,
    )
    expect(HAZARD_CAUSES.length).toBeGreaterThan(0)
    for (const c of CONDITIONS)
      expect(
        footRiskReasons({ causes: c.causes ?? [], footRisk: c.footRisk }, content).length,
        c.name,
      ).toBeGreaterThan(0)
  })

  it.each(cases)('%s, section %s', (_name, section, condition) => {
    const causes = [...new Set([...(condition.causes ?? []), ...HAZARD_CAUSES])]
    const { all, outside, spec } = docText(causes, [section], condition.footRisk)
    const plan = planSafety({ causes: spec.causes, footRisk: spec.footRisk }, content)
    expect(plan.atRisk).toBe(true)
    // The foot-care block, near the top: its title and every heading of the topic.
    expect(all).toContain(plan.footCare!.title)
    for (const s of plan.footCare!.sections) if (s.heading) expect(all).toContain(s.heading)
    expect(all.indexOf(plan.footCare!.title)).toBeLessThan(all.indexOf('What may be causing your cramps'))
    // Nothing a guideline warns against, by declaration and by its words.
    for (const change of plan.changes.filter((c) => c.action === 'omit'))
      expect(outside).not.toContain(change.text)
    expect(outside).not.toMatch(WARNED_WORDS)
    // Unchecked advice only after "ask your podiatrist first".
    for (const line of outside.split('\n').filter((l) => UNCHECKED_WORDS.test(l)))
      expect(line.startsWith(ASK_FIRST) || outside.includes(`${ASK_FIRST} Ask if this is safe`), line).toBe(
        true,
      )
  })
})

describe('feet at risk: every cause, every section together', () => {
  // The cases above carry only the causes that declare a hazard; a cause whose self-care talks
  // of heat or bare feet without declaring it would slip past them. Here every cause is on the
  // handout at once, in full, with every section and exercise.
  const ALL_CAUSES = content.causes.map((c) => c.id)
  const ALL_SECTIONS = [...HANDOUT_SECTION_IDS]

  // A handout takes at most 20 causes: two handouts cover them all.
  const half = Math.ceil(ALL_CAUSES.length / 2)
  const batches = [ALL_CAUSES.slice(0, half), ALL_CAUSES.slice(half)]

  it.each(CONDITIONS.map((c) => [c.name, c] as const))('%s', (_name, condition) => {
    for (const batch of batches) {
      const causes = [...new Set([...(condition.causes ?? []), ...batch])]
      const { outside } = docText(causes, ALL_SECTIONS, condition.footRisk)
      expect(outside).not.toMatch(WARNED_WORDS)
      for (const line of outside.split('\n').filter((l) => UNCHECKED_WORDS.test(l)))
        expect(line.startsWith(ASK_FIRST) || outside.includes(`${ASK_FIRST} Ask if this is safe`), line).toBe(
          true,
        )
    }
  })

  it('can fail: the same handouts for feet not at risk carry the warned-against advice', () => {
    const text = batches.map((b) => docText(b, ALL_SECTIONS).all).join('\n')
    expect(text).toMatch(WARNED_WORDS)
  })
})

describe('feet not at risk', () => {
  it('keeps the self-care advice as the sources give it (so the checks above can fail)', () => {
    const { all } = docText(HAZARD_CAUSES, ['during-a-cramp', 'exercises', 'night-cramps'])
    expect(all).toMatch(WARNED_WORDS)
    expect(all).toMatch(UNCHECKED_WORDS)
    expect(all).not.toContain(safety.footCareTopic === 'feet-at-risk' ? 'Looking after feet at risk' : '?')
    expect(all).not.toContain(ASK_FIRST)
  })

  it('is not at risk without a reason, and plans no change', () => {
    const plan = planSafety({ causes: ['dehydration'], footRisk: { findings: ['at-night'] } }, content)
    expect(plan).toMatchObject({ atRisk: false, changes: [], reasons: [] })
    expect(applySafety(content, plan)).toBe(content)
  })
})

describe('the safety plan', () => {
  const plan = planSafety({ causes: ['diabetes'] }, content)

  it('says why the foot is at risk, and what changed with the guideline reason and sources', () => {
    expect(plan.reasons).toEqual([
      expect.objectContaining({ kind: 'cause', ref: 'diabetes', label: expect.stringContaining('Diabetes') }),
    ])
    const heat = plan.changes.find(
      (c) => c.item.kind === 'topic-section' && c.item.topicId === 'during-a-cramp' && c.action === 'omit',
    )!
    expect(heat.text).toBe('Use warmth')
    expect(heat.hazards[0]).toMatchObject({ id: 'heat-source', level: 'warned', sources: ['g102b', 'g102d'] })
    const sand = plan.changes.find((c) => c.item.kind === 'exercise' && c.item.exerciseId === 'sand-walking')!
    expect(sand).toMatchObject({ action: 'omit' })
    const marbles = plan.changes.find(
      (c) => c.item.kind === 'exercise' && c.item.exerciseId === 'marble-pickup',
    )!
    expect(marbles).toMatchObject({ action: 'ask-first' })
    expect(plan.sources).toEqual(expect.arrayContaining(['g102b', 'g102d', 'g107b', 'g106a']))
  })

  it('declares every warned hazard with guideline sources, and every unspoken one as such', () => {
    const guideline = new Set(content.meta.sources.filter((s) => s.kind !== 'web-article').map((s) => s.id))
    for (const h of safety.hazards) {
      if (h.level === 'warned') {
        expect(h.sources.length, h.id).toBeGreaterThan(0)
        for (const s of h.sources) expect(guideline.has(s), `${h.id}: ${s}`).toBe(true)
      }
      expect(h.why.length, h.id).toBeGreaterThan(20)
    }
  })

  it('finds the at-risk words in free-text alerts, whole words only', () => {
    expect(alertMatches('Allergic to plasters. Diabetic, on insulin.', content)).toEqual(['diabetic'])
    expect(alertMatches('Known PAD; previous foot ulcer', content)).toEqual(
      expect.arrayContaining(['PAD', 'foot ulcer', 'ulcer']),
    )
    expect(alertMatches('Padded insoles; paddling', content)).toEqual([])
    // The shorthand clinicians write for diabetes and for poor circulation.
    for (const [alert, word] of [
      ['T2DM, metformin', 'T2DM'],
      ['t1dm since childhood', 'T1DM'],
      ['NIDDM', 'NIDDM'],
      ['DM type 2', 'DM'],
      ['Peripheral vascular disease, both legs', 'peripheral vascular disease'],
    ] as const)
      expect(alertMatches(alert, content), alert).toContain(word)
    expect(alertMatches('Admin note: DMS form sent', content)).toEqual([])
    expect(alertMatches('', content)).toEqual([])
  })

  it('keeps a cause section that had only hazardous points readable (tells whom to ask)', () => {
    const only = applySafety(
      content,
      planSafety({ causes: ['muscle-imbalance'], footRisk: { marked: true } }, content),
    )
    const points = only.causes.find((c) => c.id === 'muscle-imbalance')!.sections.selfCare.points!
    expect(points.some((p) => /barefoot|sand/i.test(p))).toBe(false)
    expect(points.filter((p) => p.startsWith(ASK_FIRST))).toHaveLength(2)
  })

  it('travels with a stored handout: the snapshot keeps the rules and the foot-care topic', () => {
    const spec = makeSpec({ causes: ['diabetes'], sections: ['during-a-cramp'] })
    const snap = contentSnapshot(spec, content)
    expect(snap.safety).toEqual(safety)
    expect(snap.topics.map((t) => t.id)).toContain(safety.footCareTopic)
    expect(planSafety({ causes: spec.causes, footRisk: spec.footRisk }, snap).changes.length).toBeGreaterThan(
      0,
    )
  })

  it('reads an older spec without foot-risk details as not marked', () => {
    const spec = makeSpec({ causes: ['dehydration'] })
    expect(spec.footRisk).toEqual({ marked: false, findings: [], alerts: [], visitCauses: [] })
  })

  it('keeps the foot at risk when an at-risk cause is on the visit but left off the handout', () => {
    const input = { causes: ['muscle-imbalance'], footRisk: { visitCauses: ['diabetes', 'dehydration'] } }
    const plan = planSafety(input, content)
    expect(plan.atRisk).toBe(true)
    expect(plan.reasons.map((r) => r.label)).toEqual(['The visit records Diabetes (not on this handout)'])
    // Once on the handout too, the reason is given once, as a cause on the handout.
    const both = footRiskReasons({ causes: ['diabetes'], footRisk: { visitCauses: ['diabetes'] } }, content)
    expect(both.map((r) => r.label)).toEqual(['Diabetes is among the causes on this handout'])
    // A visit cause that does not mark the foot at risk changes nothing.
    expect(planSafety({ causes: [], footRisk: { visitCauses: ['dehydration'] } }, content).atRisk).toBe(false)
  })
})
