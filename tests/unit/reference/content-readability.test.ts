/**
 * Patient-facing text must read at about school grade 7 or below (issue 3). Measured with the
 * Flesch-Kincaid grade from `text-readability`, once per entry: a cause (its patient summary,
 * self-care and prevention), a patient topic (all of it), an exercise (name, steps, counts), a red
 * flag (patient text), a medicine's patient note, and the disclaimer printed on every handout page. A long entry can hide one dense paragraph in its average, so each section
 * is also measured alone. List items and headings stand alone on the page, so each counts as a
 * sentence of its own.
 */
import readability from 'text-readability'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../../scripts/content-fs'
import { buildHandout } from '../../../src/renderer/src/handouts/builder'
import { HANDOUT_SECTION_IDS } from '../../../src/renderer/src/handouts/spec'
import { makeSpec } from '../handouts/helpers'
import {
  PATIENT_FACING_SECTIONS,
  type Content,
  type Section,
  type Topic,
} from '../../../src/renderer/src/reference/schema'

const MAX_GRADE = 7

/** One piece of text as a sentence: add a full stop if it has no end punctuation. */
const asSentence = (s: string): string => {
  const t = s.trim().replace(/\s+/g, ' ')
  return /[.!?]["')\]]*$/.test(t) ? t : `${t}.`
}

const sectionParts = (s: Section & { heading?: string }): string[] => [
  ...(s.heading ? [s.heading] : []),
  ...(s.text ? [s.text] : []),
  ...(s.points ?? []),
]

interface Entry {
  where: string
  text: string
}

const entry = (where: string, parts: string[]): Entry => ({ where, text: parts.map(asSentence).join(' ') })

/** One per cause, topic, exercise and red flag: all its patient-facing text together. */
function patientEntries(): Entry[] {
  const content = loadContent()
  const entries: Entry[] = []
  for (const c of content.causes) {
    const parts = [c.patientSummary]
    for (const key of PATIENT_FACING_SECTIONS) {
      const s = c.sections[key]
      if (s) parts.push(...sectionParts(s))
    }
    entries.push(entry(`cause ${c.id}`, parts))
  }
  for (const t of patientTopics(content)) {
    entries.push(entry(`topic ${t.id}`, [t.title, t.summary, ...t.sections.flatMap(sectionParts)]))
    for (const e of t.exercises ?? [])
      entries.push(entry(`exercise ${t.id}/${e.id}`, [e.name, ...e.steps, e.counts]))
  }
  for (const r of content.redFlags) entries.push(entry(`red flag ${r.id}`, [r.patientText]))
  // Printed under a medicine on the handout of a patient who takes it (quinine).
  for (const d of content.drugs)
    if (d.patientNote) entries.push(entry(`drug ${d.id} patientNote`, [d.patientNote]))
  // Printed at the foot of every handout page: as plain as the rest.
  entries.push(entry('disclaimer', [content.meta.disclaimer]))
  return entries
}

/** Clinician topics (quinine, tests) never reach a patient. */
const patientTopics = (content: Content): Topic[] => content.topics.filter((t) => t.audience === 'patient')

/** The same text cut finer: each patient summary and each section on its own. */
function patientSections(): Entry[] {
  const content = loadContent()
  const parts: Entry[] = []
  for (const c of content.causes) {
    parts.push(entry(`cause ${c.id} patientSummary`, [c.patientSummary]))
    for (const key of PATIENT_FACING_SECTIONS) {
      const s = c.sections[key]
      if (s) parts.push(entry(`cause ${c.id} ${key}`, sectionParts(s)))
    }
  }
  for (const t of patientTopics(content)) {
    parts.push(entry(`topic ${t.id} summary`, [t.title, t.summary]))
    t.sections.forEach((s, i) =>
      parts.push(entry(`topic ${t.id} sections[${i}] "${s.heading ?? ''}"`, sectionParts(s))),
    )
  }
  return parts
}

/** Fails naming the worst offenders when any text reads above the limit. */
function expectPlain(entries: Entry[], what: string): void {
  const scored = entries.map((e) => ({ ...e, grade: grade(e.text) })).sort((a, b) => b.grade - a.grade)
  const offenders = scored.filter((e) => e.grade > MAX_GRADE)
  const report = offenders
    .slice(0, 10)
    .map(
      (e) =>
        `  grade ${e.grade.toFixed(1)}  ${e.where}: "${e.text.slice(0, 140)}${e.text.length > 140 ? '...' : ''}"`,
    )
    .join('\n')
  expect(
    offenders.length,
    `${offenders.length} patient-facing ${what} read above grade ${MAX_GRADE}; the worst:\n${report}\n` +
      'Use shorter sentences and shorter words.',
  ).toBe(0)
}

const grade = (text: string): number => readability.fleschKincaidGrade(text)

describe('readability of patient-facing text', () => {
  it('scores plain text low and dense clinical text high (the measure works)', () => {
    expect(grade('Drink water. Rest your foot. Wear good shoes.')).toBeLessThanOrEqual(MAX_GRADE)
    expect(
      grade(
        'Peripheral vascular insufficiency precipitates ischaemic claudication, necessitating comprehensive haemodynamic investigation and consideration of endovascular revascularisation.',
      ),
    ).toBeGreaterThan(MAX_GRADE)
  })

  it('covers every cause, topic, exercise and red flag', () => {
    const content = loadContent()
    const entries = patientEntries()
    const exercises = content.topics.flatMap((t) => t.exercises ?? []).length
    expect(entries).toHaveLength(
      content.causes.length +
        patientTopics(content).length +
        exercises +
        content.redFlags.length +
        content.drugs.filter((d) => d.patientNote).length +
        1,
    )
    expect(entries.map((e) => e.where)).toContain('drug quinine patientNote')
    expect(content.topics.length - patientTopics(content).length).toBe(3)
    for (const e of entries) expect(readability.lexiconCount(e.text), e.where).toBeGreaterThan(2)
  })

  it(`reads at grade ${MAX_GRADE} or below, entry by entry`, () => {
    expectPlain(patientEntries(), 'entries')
  })

  it(`reads at grade ${MAX_GRADE} or below, section by section`, () => {
    expectPlain(patientSections(), 'sections')
  })

  it(`a whole handout, its fixed wording included, reads at grade ${MAX_GRADE} or below`, () => {
    // The builder adds words of its own (tier leads, "ask your podiatrist first", medicine
    // lines): a handout with every section, 20 causes and medicines of each kind, at risk or not.
    const content = loadContent()
    for (const marked of [false, true]) {
      const spec = makeSpec({
        causes: content.causes.slice(0, 20).map((c) => c.id),
        sections: [...HANDOUT_SECTION_IDS],
        medicines: ['quinine', 'Lasix', 'Venofer', 'metformin'],
        footRisk: { marked },
      })
      const text = handoutWords(buildHandout(spec, content).content).join(' ')
      expect(readability.lexiconCount(text)).toBeGreaterThan(1000)
      expect(grade(text), `feet at risk: ${marked}`).toBeLessThanOrEqual(MAX_GRADE)
    }
  })
})

/** The words of a handout's body as sentences, leaving out the list of sources (titles). */
function handoutWords(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') {
    if (node.trim().split(/\s+/).length > 2) out.push(asSentence(node))
  } else if (Array.isArray(node)) for (const n of node) handoutWords(n, out)
  else if (node && typeof node === 'object') {
    if ((node as { id?: string }).id === 'sources') return out
    for (const [k, v] of Object.entries(node))
      if (k !== 'svg' && k !== 'image' && k !== 'id') handoutWords(v, out)
  }
  return out
}
