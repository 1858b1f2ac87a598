/**
 * The content files load, and a broken file fails loudly with its name and the field at fault.
 * Broken copies are made in a temp folder so the real content is never touched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { CONTENT_DIR, loadContent } from '../../../scripts/content-fs'
import { ContentError } from '../../../src/renderer/src/reference/load'
import { REQUIRED_TOPIC_IDS } from '../../../src/renderer/src/reference/schema'

describe('real content', () => {
  const content = loadContent()

  it('loads and has a version and a last-reviewed date', () => {
    expect(content.meta.version).toMatch(/^\d{4}\.\d{1,2}\.\d+$/)
    expect(content.meta.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(Number.isNaN(Date.parse(content.meta.lastReviewed))).toBe(false)
    const ids = content.meta.sources.map((s) => s.id)
    expect(ids.slice(0, 4)).toEqual(['src000', 'src001', 'src002', 'src003'])
    // Every guideline note 101..108 is described, each part with its own citation.
    for (let n = 101; n <= 108; n++)
      expect(
        ids.some((id) => id.startsWith(`g${n}`)),
        `g${n}`,
      ).toBe(true)
    for (const s of content.meta.sources) {
      expect(s.title.length, s.id).toBeGreaterThan(3)
      expect(s.publisher.length, s.id).toBeGreaterThan(2)
      expect(s.date.length, s.id).toBeGreaterThan(2)
      expect(s.file, s.id).toMatch(/^\d{3}_[\w.]+\.txt$/)
      // The guideline notes are cited by their web address; the four articles had none.
      if (s.id.startsWith('g')) expect(s.url, s.id).toMatch(/^https?:\/\//)
    }
    expect(content.meta.changes[0]!.version).toBe(content.meta.version)
  })

  it('has every required topic, the medicines cause and some drugs', () => {
    const topicIds = content.topics.map((t) => t.id)
    for (const id of REQUIRED_TOPIC_IDS) expect(topicIds).toContain(id)
    expect(content.causes.map((c) => c.id)).toContain(content.finder.medicineCause)
    expect(content.drugs.length).toBeGreaterThan(0)
  })

  it('raises every red flag from the cause finder, each with patient text and an action', () => {
    const raised = new Set([
      ...content.finder.groups.flatMap((g) => g.findings.flatMap((f) => f.redFlags ?? [])),
      ...content.finder.combinations.flatMap((k) => k.redFlags),
    ])
    for (const flag of content.redFlags) {
      expect(raised.has(flag.id), `nothing in finder.yaml raises ${flag.id}`).toBe(true)
      expect(flag.patientText.length).toBeGreaterThan(5)
      expect(flag.action.length).toBeGreaterThan(10)
    }
  })

  it('cites every finder weight and every red-flag urgency (issue 8)', () => {
    const described = new Set(content.meta.sources.map((s) => s.id))
    const missing: string[] = []
    for (const c of content.causes)
      for (const [f, w] of Object.entries(c.finder)) {
        if (!w.why || w.sources.length === 0) missing.push(`${c.id} / ${f}: no why or sources`)
        for (const s of w.sources) if (!described.has(s)) missing.push(`${c.id} / ${f}: ${s} not described`)
      }
    for (const r of content.redFlags) {
      if (r.urgency && r.urgencySources.length === 0) missing.push(`${r.id}: urgency without sources`)
      for (const s of r.urgencySources) if (!described.has(s)) missing.push(`${r.id}: ${s} not described`)
      // A source that gives the urgency is among the flag's own sources.
      for (const s of r.urgencySources)
        if (!r.sources.includes(s)) missing.push(`${r.id}: ${s} not in its sources`)
    }
    expect(missing).toEqual([])
    expect(content.causes.flatMap((c) => Object.keys(c.finder)).length).toBeGreaterThan(60)
    expect(content.redFlags.filter((r) => r.urgency).length).toBeGreaterThan(10)
  })

  it('gives every exercise steps, counts and a drawing', () => {
    const exercises = content.topics.flatMap((t) => t.exercises ?? [])
    expect(exercises.length).toBeGreaterThanOrEqual(8)
    const ids = exercises.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const e of exercises) {
      expect(e.steps.length, e.id).toBeGreaterThan(0)
      expect(e.counts, e.id).not.toBe('')
      expect(e.drawing, e.id).toMatch(/^[a-z0-9-]+$/)
    }
  })
})

describe('a broken content file', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = ''
  })

  /** Copies the real content to a temp folder, lets `edit` break it, and returns the error. */
  function failureAfter(edit: (root: string) => void): ContentError {
    dir = mkdtempSync(join(tmpdir(), 'cramp-content-'))
    cpSync(CONTENT_DIR, dir, { recursive: true })
    edit(dir)
    try {
      loadContent(dir)
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError)
      return e as ContentError
    }
    throw new Error('the broken content loaded without an error')
  }

  /** Reads a YAML file in the copy, changes the parsed data, writes it back. */
  function editYaml<T>(root: string, file: string, change: (data: T) => void): void {
    const path = join(root, file)
    const data = parse(readFileSync(path, 'utf8')) as T
    change(data)
    writeFileSync(path, stringify(data))
  }

  const firstCause = (): string => loadContent().causes[0]!.id

  it('names the file and field for a field of the wrong kind', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'topics/exercises.yaml', (t: { exercises: { steps: unknown }[] }) => {
        t.exercises[0]!.steps = 'just one string'
      }),
    )
    expect(err.file).toBe('topics/exercises.yaml')
    expect(err.field).toBe('exercises.0.steps')
    expect(err.message).toContain('topics/exercises.yaml: exercises.0.steps:')
  })

  it('names the file and field for an empty text', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'red-flags.yaml', (list: { patientText: string }[]) => {
        list[2]!.patientText = '   '
      }),
    )
    expect(err.message).toMatch(/^red-flags\.yaml: \[2\]\.patientText: must not be empty/)
  })

  it('names the file and section when a required cause section is missing', () => {
    const id = firstCause()
    const err = failureAfter((root) =>
      editYaml(root, `causes/${id}.yaml`, (c: { sections: Record<string, unknown> }) => {
        delete c.sections.why
      }),
    )
    expect(err.file).toBe(`causes/${id}.yaml`)
    expect(err.field).toBe('sections.why')
    expect(err.message).toContain(`causes/${id}.yaml: sections.why:`)
  })

  it('names the file and field when a topic loses its sources', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'topics/hydration.yaml', (t: { sections: { sources?: string[] }[] }) => {
        delete t.sections[1]!.sources
      }),
    )
    expect(err.message).toContain('topics/hydration.yaml: sections.1.sources:')
  })

  it('names the file and field for a finding id finder.yaml does not have', () => {
    const id = firstCause()
    const err = failureAfter((root) =>
      editYaml(root, `causes/${id}.yaml`, (c: { finder?: Record<string, number> }) => {
        c.finder = { ...(c.finder ?? {}), 'no-such-finding': 3 }
      }),
    )
    expect(err.message).toBe(
      `causes/${id}.yaml: finder.no-such-finding: no finding "no-such-finding" in finder.yaml`,
    )
  })

  it('names the file and field for a red flag finder.yaml raises but red-flags.yaml lacks', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'red-flags.yaml', (list: { id: string }[]) => {
        list.splice(
          list.findIndex((r) => r.id === 'pain-at-rest'),
          1,
        )
      }),
    )
    expect(err.file).toBe('finder.yaml')
    expect(err.field).toMatch(/^groups\[\d+\]\.findings\[\d+\]\.redFlags$/)
    expect(err.message).toContain('no red flag "pain-at-rest"')
  })

  it('names the file and field for a source id that does not exist', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'topics/diet.yaml', (t: { sections: { sources: string[] }[] }) => {
        t.sections[0]!.sources = ['src000', 'src004']
      }),
    )
    expect(err.message).toMatch(/^topics\/diet\.yaml: sections\.0\.sources\.1: /)
    expect(err.message).toContain('source id')
  })

  it('names the file and field for a source id no one describes', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'topics/diet.yaml', (t: { sections: { sources: string[] }[] }) => {
        t.sections[0]!.sources = ['src000', 'g108e']
      }),
    )
    expect(err.message).toBe(
      'topics/diet.yaml: sections.0.sources.1: no source "g108e" is described in content.yaml',
    )
  })

  it('names the cause and finding for a finder weight without sources', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'causes/dehydration.yaml', (c: { finder: Record<string, unknown> }) => {
        c.finder['low-fluid-intake'] = 5
      }),
    )
    expect(err.message).toBe(
      'causes/dehydration.yaml: finder.low-fluid-intake: every weight needs a why and the sources that support it',
    )
  })

  it('names the flag for an urgency without the sources that give it', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'red-flags.yaml', (list: { id: string; urgencySources?: string[] }[]) => {
        delete list.find((r) => r.id === 'long-cramp')!.urgencySources
      }),
    )
    expect(err.message).toMatch(/^red-flags\.yaml: \[\d+\]\.urgencySources: an urgency needs the sources/)
  })

  it('names the file and field for a hazard safety.yaml does not declare', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'topics/exercises.yaml', (t: { exercises: { hazards?: string[] }[] }) => {
        t.exercises[0]!.hazards = ['lava']
      }),
    )
    expect(err.message).toBe('topics/exercises.yaml: exercises.0.hazards: no hazard "lava" in safety.yaml')
  })

  it('names a source cited in citations.tsv but not described in content.yaml', () => {
    const err = failureAfter((root) => {
      const path = join(root, 'citations.tsv')
      writeFileSync(path, `${readFileSync(path, 'utf8')}g108e\t108_x.txt\tA title\tA publisher\tn.d.\t\n`)
    })
    expect(err.message).toBe(
      'content.yaml: sources: citations.tsv cites "g108e", which is not described here',
    )
  })

  it('names an entry without its own review date and reviewer', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'topics/footwear.yaml', (t: Record<string, unknown>) => {
        delete t.reviewed
      }),
    )
    expect(err.message).toBe('topics/footwear.yaml: reviewed: needs the date and reviewer of its last review')
  })

  it('names the file for invalid YAML', () => {
    const err = failureAfter((root) =>
      writeFileSync(
        join(root, 'topics/night-cramps.yaml'),
        'id: night-cramps\ntitle: [unclosed\n  - x: : y\n',
      ),
    )
    expect(err.file).toBe('topics/night-cramps.yaml')
    expect(err.message).toContain('topics/night-cramps.yaml: (file): not valid YAML')
  })

  it('names the file for a missing required topic', () => {
    const err = failureAfter((root) => unlinkSync(join(root, 'topics/when-to-seek-help.yaml')))
    expect(err.message).toBe('topics/when-to-seek-help.yaml: (file): required topic is missing')
  })

  it('names the file when its id does not match the file name', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'topics/footwear.yaml', (t: { id: string }) => {
        t.id = 'shoes'
      }),
    )
    expect(err.message).toBe('topics/footwear.yaml: id: must match the file name "footwear"')
  })

  it('names the field for a bad content version or review date', () => {
    const version = failureAfter((root) =>
      editYaml(root, 'content.yaml', (m: { version: string }) => {
        m.version = 'v1'
      }),
    )
    expect(version.message).toMatch(/^content\.yaml: version: must look like/)
    rmSync(dir, { recursive: true, force: true })
    const reviewed = failureAfter((root) =>
      editYaml(root, 'content.yaml', (m: { lastReviewed?: string }) => {
        delete m.lastReviewed
      }),
    )
    expect(reviewed.message).toMatch(/^content\.yaml: lastReviewed: /)
  })

  it('names the file and field for an unknown key (a typo in a field name)', () => {
    const err = failureAfter((root) =>
      editYaml(root, 'topics/footwear.yaml', (t: Record<string, unknown>) => {
        t.sumary = t.summary
      }),
    )
    expect(err.file).toBe('topics/footwear.yaml')
    expect(err.message).toContain('sumary')
  })
})
