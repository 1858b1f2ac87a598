/**
 * What the reference search indexes: one document per cause, topic, red flag and drug, with the
 * fields MiniSearch weighs (title, aliases, summary, body) and what a result shows.
 */
import { CATEGORY_LABELS, type Content, type Drug, type Section } from './schema'
import { TIER_WORDS, tierOf } from './urgency'

export type RefKind = 'cause' | 'topic' | 'redflag' | 'drug'

export interface Doc {
  id: string
  kind: RefKind
  refId: string
  title: string
  aliases: string
  summary: string
  body: string
}

export interface DocInfo {
  kind: RefKind
  refId: string
  title: string
  subtitle: string
  summary: string
  passages: string[]
  /** A drug the sources do not name (a lookup entry). */
  lookup: boolean
}

function sectionText(s: Section | undefined): string[] {
  if (!s) return []
  return [s.text ?? '', ...(s.points ?? [])].filter(Boolean)
}

/** The subtitle of a drug hit, in plain words. */
export function drugSubtitle(d: Drug, byId: Map<string, Drug>): string {
  if (d.treatment) return 'Medicine: a restricted treatment (for clinicians)'
  if (d.mayHelp) return 'Medicine: may help, not a cause'
  if (d.kind === 'class') return d.named ? 'Kind of medicine the sources name' : 'Kind of medicine'
  if (d.named) return 'Medicine the sources name'
  const cls = d.classes.map((c) => byId.get(c)?.name.toLowerCase() ?? c).join(', ')
  return `Medicine: one of the ${cls} (the sources do not name it)`
}

export function buildDocuments(content: Content): { docs: Doc[]; info: Map<string, DocInfo> } {
  const info = new Map<string, DocInfo>()
  const docs: Doc[] = []
  const drugById = new Map(content.drugs.map((d) => [d.id, d]))
  /** `shown` is the title a result shows, when it differs from the indexed one. */
  const add = (doc: Doc, rest: Omit<DocInfo, 'kind' | 'refId' | 'title'>, shown = doc.title): void => {
    docs.push(doc)
    info.set(doc.id, { kind: doc.kind, refId: doc.refId, title: shown, ...rest })
  }

  for (const c of content.causes) {
    const sections = Object.values(c.sections) as (Section & { to?: string })[]
    const body = [
      c.patientSummary,
      ...sections.flatMap((s) => [...sectionText(s), s?.to ?? '']).filter(Boolean),
    ]
    add(
      {
        id: `cause:${c.id}`,
        kind: 'cause',
        refId: c.id,
        title: c.name,
        // Other names and search-only keywords weigh the same: both are words people type for it.
        aliases: [...c.aliases, ...c.keywords].join(' ; '),
        summary: c.summary,
        body: body.join('\n'),
      },
      { subtitle: CATEGORY_LABELS[c.category], summary: c.summary, passages: body, lookup: false },
    )
  }
  for (const t of content.topics) {
    const body = [
      ...t.sections.flatMap((s) => [s.heading ?? '', ...sectionText(s)]).filter(Boolean),
      ...(t.exercises ?? []).flatMap((e) => [e.name, ...e.steps, e.counts]),
    ]
    add(
      {
        id: `topic:${t.id}`,
        kind: 'topic',
        refId: t.id,
        title: t.title,
        aliases: t.aliases.join(' ; '),
        summary: t.summary,
        body: body.join('\n'),
      },
      {
        subtitle: t.audience === 'clinician' ? 'Topic for clinicians' : 'General topic',
        summary: t.summary,
        passages: body,
        lookup: false,
      },
    )
  }
  for (const r of content.redFlags) {
    add(
      {
        id: `redflag:${r.id}`,
        kind: 'redflag',
        refId: r.id,
        title: r.text,
        aliases: 'red flag',
        summary: r.patientText,
        body: r.action,
      },
      {
        subtitle: `Red flag · ${TIER_WORDS[tierOf(r)].label}`,
        summary: r.action,
        passages: [r.patientText, r.action],
        lookup: false,
      },
    )
  }
  for (const d of content.drugs) {
    const classes = d.classes.map((c) => drugById.get(c)).filter((x): x is Drug => !!x)
    // A lookup entry's text is its class's note: shown, but indexed once, on the class.
    const note = d.note ?? (d.classNote ? (classes.find((c) => c.note)?.note ?? '') : '')
    const brands = d.brands.length ? ` (${d.brands.join(', ')})` : ''
    add(
      {
        id: `drug:${d.id}`,
        kind: 'drug',
        refId: d.id,
        title: d.name,
        aliases: [...d.brands, ...d.aliases, ...d.lookupAliases].join(' ; '),
        summary: classes.map((c) => c.name).join(' ; '),
        body: d.note ?? '',
      },
      { subtitle: drugSubtitle(d, drugById), summary: note, passages: [note], lookup: !d.named },
      d.name + brands,
    )
  }
  return { docs, info }
}

/** Which causes a drug hit brings along: its own, its classes' (where they fit), the medicines cause. */
export function drugCauseMap(content: Content): Map<string, string[]> {
  const drugById = new Map(content.drugs.map((d) => [d.id, d]))
  const out = new Map<string, string[]>()
  for (const d of content.drugs) {
    const ids = new Set<string>(d.causes)
    if (d.classCauses)
      for (const c of d.classes)
        for (const x of drugById.get(c)?.causes ?? []) if (!d.notClassCauses.includes(x)) ids.add(x)
    ids.add(content.finder.medicineCause)
    out.set(d.id, [...ids])
  }
  return out
}
