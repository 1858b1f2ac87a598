/**
 * Checks that the content files agree with each other once each has passed its own schema:
 * every id a file refers to exists, every source cited is described, every finder weight and
 * every urgency names its sources, every self-care hazard is declared, every entry is reviewed.
 */
import { ContentError } from './content-error'
import { REQUIRED_TOPIC_IDS, type Content, type SafetyMark, type Section } from './schema'

function unique(ids: string[], file: string, what: string): Set<string> {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw new ContentError(file, 'id', `${what} id "${id}" is used twice`)
    seen.add(id)
  }
  return seen
}

interface Ids {
  causes: Set<string>
  topics: Set<string>
  flags: Set<string>
  findings: Set<string>
  sources: Set<string>
  hazards: Set<string>
}

function checkSources(ids: Ids, list: readonly string[], file: string, field: string): void {
  list.forEach((s, i) => {
    if (!ids.sources.has(s))
      throw new ContentError(file, `${field}.${i}`, `no source "${s}" is described in content.yaml`)
  })
}

function checkMarks(
  ids: Ids,
  marks: readonly SafetyMark[] | undefined,
  s: Section,
  file: string,
  field: string,
): void {
  marks?.forEach((m, i) => {
    if (m.point !== undefined && m.point > (s.points?.length ?? 0))
      throw new ContentError(
        file,
        `${field}.safety.${i}.point`,
        `there is no point ${m.point} in this section`,
      )
    for (const h of m.hazards)
      if (!ids.hazards.has(h))
        throw new ContentError(file, `${field}.safety.${i}.hazards`, `no hazard "${h}" in safety.yaml`)
  })
}

function checkSection(ids: Ids, s: Section, file: string, field: string): void {
  checkSources(ids, s.sources, file, `${field}.sources`)
  checkMarks(ids, s.safety, s, file, field)
}

export function crossCheck(c: Content): void {
  const ids: Ids = {
    causes: unique(
      c.causes.map((x) => x.id),
      'causes/',
      'cause',
    ),
    topics: unique(
      c.topics.map((x) => x.id),
      'topics/',
      'topic',
    ),
    flags: unique(
      c.redFlags.map((x) => x.id),
      'red-flags.yaml',
      'red flag',
    ),
    findings: unique(
      c.finder.groups.flatMap((g) => g.findings.map((f) => f.id)),
      'finder.yaml',
      'finding',
    ),
    sources: unique(
      c.meta.sources.map((s) => s.id),
      'content.yaml',
      'source',
    ),
    hazards: unique(c.safety?.hazards.map((h) => h.id) ?? [], 'safety.yaml', 'hazard'),
  }
  unique(
    c.drugs.map((x) => x.id),
    'drugs.yaml',
    'drug',
  )
  for (const id of ids.causes)
    if (ids.topics.has(id)) throw new ContentError(`topics/${id}.yaml`, 'id', 'a cause has the same id')
  for (const id of REQUIRED_TOPIC_IDS)
    if (!ids.topics.has(id)) throw new ContentError(`topics/${id}.yaml`, '', 'required topic is missing')
  checkFinder(c, ids)
  checkRedFlags(c, ids)
  checkCauses(c, ids)
  checkTopics(c, ids)
  checkDrugs(c, ids)
  checkSafety(c, ids)
}

function checkFinder(c: Content, ids: Ids): void {
  if (!ids.causes.has(c.finder.medicineCause))
    throw new ContentError('finder.yaml', 'medicineCause', `no cause "${c.finder.medicineCause}"`)
  c.finder.groups.forEach((g, gi) =>
    g.findings.forEach((f, fi) =>
      f.redFlags?.forEach((r) => {
        if (!ids.flags.has(r))
          throw new ContentError(
            'finder.yaml',
            `groups[${gi}].findings[${fi}].redFlags`,
            `no red flag "${r}"`,
          )
      }),
    ),
  )
  c.finder.combinations.forEach((k, i) => {
    for (const f of k.all)
      if (!ids.findings.has(f))
        throw new ContentError('finder.yaml', `combinations[${i}].all`, `no finding "${f}"`)
    for (const r of k.redFlags)
      if (!ids.flags.has(r))
        throw new ContentError('finder.yaml', `combinations[${i}].redFlags`, `no red flag "${r}"`)
  })
}

function checkRedFlags(c: Content, ids: Ids): void {
  c.redFlags.forEach((r, i) => {
    checkSources(ids, r.sources, 'red-flags.yaml', `[${i}].sources`)
    checkSources(ids, r.urgencySources, 'red-flags.yaml', `[${i}].urgencySources`)
  })
}

function checkCauses(c: Content, ids: Ids): void {
  const linkable = new Set([...ids.causes, ...ids.topics])
  for (const cause of c.causes) {
    const file = `causes/${cause.id}.yaml`
    if (!cause.reviewed)
      throw new ContentError(file, 'reviewed', 'needs the date and reviewer of its last review')
    for (const [key, s] of Object.entries(cause.sections))
      if (s) checkSection(ids, s, file, `sections.${key}`)
    for (const [f, w] of Object.entries(cause.finder)) {
      if (!ids.findings.has(f))
        throw new ContentError(file, `finder.${f}`, `no finding "${f}" in finder.yaml`)
      if (!w.sources.length || !w.why)
        throw new ContentError(
          file,
          `finder.${f}`,
          'every weight needs a why and the sources that support it',
        )
      checkSources(ids, w.sources, file, `finder.${f}.sources`)
    }
    for (const r of cause.related)
      if (!linkable.has(r)) throw new ContentError(file, 'related', `no cause or topic "${r}"`)
  }
}

function checkTopics(c: Content, ids: Ids): void {
  for (const topic of c.topics) {
    const file = `topics/${topic.id}.yaml`
    if (!topic.reviewed)
      throw new ContentError(file, 'reviewed', 'needs the date and reviewer of its last review')
    topic.sections.forEach((s, i) => checkSection(ids, s, file, `sections.${i}`))
    topic.exercises?.forEach((e, i) => {
      checkSources(ids, e.sources, file, `exercises.${i}.sources`)
      if (e.dose) checkSources(ids, e.dose.sources, file, `exercises.${i}.dose.sources`)
      for (const h of e.hazards ?? [])
        if (!ids.hazards.has(h))
          throw new ContentError(file, `exercises.${i}.hazards`, `no hazard "${h}" in safety.yaml`)
    })
  }
}

function checkDrugs(c: Content, ids: Ids): void {
  c.drugs.forEach((d, i) => {
    for (const k of d.classes) {
      const cls = c.drugs.find((x) => x.id === k)
      if (!cls || cls.kind !== 'class')
        throw new ContentError('drugs.yaml', `[${i}].classes`, `no drug class "${k}"`)
    }
    for (const cause of [...d.causes, ...d.notClassCauses])
      if (!ids.causes.has(cause)) throw new ContentError('drugs.yaml', `[${i}].causes`, `no cause "${cause}"`)
    if (!d.named && d.classes.length === 0)
      throw new ContentError('drugs.yaml', `[${i}]`, 'a lookup entry must belong to a named class')
    checkSources(ids, d.sources, 'drugs.yaml', `[${i}].sources`)
  })
}

function checkSafety(c: Content, ids: Ids): void {
  const s = c.safety
  if (!s) return
  for (const x of s.atRisk.causes)
    if (!ids.causes.has(x)) throw new ContentError('safety.yaml', 'atRisk.causes', `no cause "${x}"`)
  for (const x of s.atRisk.findings)
    if (!ids.findings.has(x)) throw new ContentError('safety.yaml', 'atRisk.findings', `no finding "${x}"`)
  checkSources(ids, s.atRisk.sources, 'safety.yaml', 'atRisk.sources')
  s.hazards.forEach((h, i) => checkSources(ids, h.sources, 'safety.yaml', `hazards.${i}.sources`))
  if (!ids.topics.has(s.footCareTopic))
    throw new ContentError('safety.yaml', 'footCareTopic', `no topic "${s.footCareTopic}"`)
}
