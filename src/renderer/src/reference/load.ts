/**
 * Parses and cross-checks the content files. Pure: takes file texts, returns Content or throws
 * a ContentError naming the file and the field. Used by the build (vite plugin), the tests and
 * the handout CLI, so a bad file fails all three the same way.
 */
import { parse } from 'yaml'
import type { z } from 'zod'
import {
  CauseSchema,
  DrugSchema,
  FinderSchema,
  MetaSchema,
  RedFlagSchema,
  REQUIRED_TOPIC_IDS,
  TopicSchema,
  type Content,
} from './schema'

export interface ContentFile {
  /** Path relative to the content folder, with forward slashes, e.g. "causes/dehydration.yaml". */
  path: string
  text: string
}

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field || '(file)'}: ${detail}`)
    this.name = 'ContentError'
  }
}

function parseYaml(file: ContentFile): unknown {
  try {
    return parse(file.text)
  } catch (e) {
    throw new ContentError(file.path, '', `not valid YAML (${(e as Error).message.split('\n')[0]})`)
  }
}

function validate<S extends z.ZodType>(schema: S, data: unknown, file: string, prefix = ''): z.output<S> {
  const r = schema.safeParse(data)
  if (!r.success) {
    const issue = r.error.issues[0]!
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    throw new ContentError(file, field, issue.message)
  }
  return r.data
}

function one(files: ContentFile[], path: string): ContentFile {
  const f = files.find((x) => x.path === path)
  if (!f) throw new ContentError(path, '', 'file is missing')
  return f
}

function list<S extends z.ZodType>(schema: S, file: ContentFile): z.output<S>[] {
  const data = parseYaml(file)
  if (!Array.isArray(data)) throw new ContentError(file.path, '', 'must be a list')
  return data.map((item, i) => validate(schema, item, file.path, `[${i}]`))
}

function byFolder<S extends z.ZodType>(schema: S, files: ContentFile[], folder: string): z.output<S>[] {
  return files
    .filter((f) => f.path.startsWith(`${folder}/`) && /\.ya?ml$/.test(f.path))
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((f) => {
      const item = validate(schema, parseYaml(f), f.path) as { id: string }
      const expected = f.path.slice(folder.length + 1).replace(/\.ya?ml$/, '')
      if (item.id !== expected) throw new ContentError(f.path, 'id', `must match the file name "${expected}"`)
      return item as z.output<S>
    })
}

export function parseContent(files: ContentFile[]): Content {
  const meta = validate(MetaSchema, parseYaml(one(files, 'content.yaml')), 'content.yaml')
  const finder = validate(FinderSchema, parseYaml(one(files, 'finder.yaml')), 'finder.yaml')
  const redFlags = list(RedFlagSchema, one(files, 'red-flags.yaml'))
  const drugs = list(DrugSchema, one(files, 'drugs.yaml'))
  const causes = byFolder(CauseSchema, files, 'causes')
  const topics = byFolder(TopicSchema, files, 'topics')
  const content: Content = { meta, finder, redFlags, drugs, causes, topics }
  crossCheck(content)
  return content
}

function unique(ids: string[], file: string, what: string): Set<string> {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw new ContentError(file, 'id', `${what} id "${id}" is used twice`)
    seen.add(id)
  }
  return seen
}

function crossCheck(c: Content): void {
  const causeIds = unique(
    c.causes.map((x) => x.id),
    'causes/',
    'cause',
  )
  const topicIds = unique(
    c.topics.map((x) => x.id),
    'topics/',
    'topic',
  )
  for (const id of causeIds) {
    if (topicIds.has(id)) throw new ContentError(`topics/${id}.yaml`, 'id', 'a cause has the same id')
  }
  const flagIds = unique(
    c.redFlags.map((x) => x.id),
    'red-flags.yaml',
    'red flag',
  )
  const drugIds = unique(
    c.drugs.map((x) => x.id),
    'drugs.yaml',
    'drug',
  )
  const findingIds = unique(
    c.finder.groups.flatMap((g) => g.findings.map((f) => f.id)),
    'finder.yaml',
    'finding',
  )
  if (!causeIds.has(c.finder.medicineCause)) {
    throw new ContentError('finder.yaml', 'medicineCause', `no cause "${c.finder.medicineCause}"`)
  }
  c.finder.groups.forEach((g, gi) =>
    g.findings.forEach((f, fi) =>
      f.redFlags?.forEach((r) => {
        if (!flagIds.has(r))
          throw new ContentError(
            'finder.yaml',
            `groups[${gi}].findings[${fi}].redFlags`,
            `no red flag "${r}"`,
          )
      }),
    ),
  )
  const linkable = new Set([...causeIds, ...topicIds])
  for (const cause of c.causes) {
    const file = `causes/${cause.id}.yaml`
    for (const f of Object.keys(cause.finder)) {
      if (!findingIds.has(f)) throw new ContentError(file, `finder.${f}`, `no finding "${f}" in finder.yaml`)
    }
    for (const r of cause.related) {
      if (!linkable.has(r)) throw new ContentError(file, 'related', `no cause or topic "${r}"`)
    }
  }
  for (const topic of c.topics) {
    // exercises need nothing cross-checked here; drawings are checked by the handout tests
    void topic
  }
  for (const id of REQUIRED_TOPIC_IDS) {
    if (!topicIds.has(id)) throw new ContentError(`topics/${id}.yaml`, '', 'required topic is missing')
  }
  c.drugs.forEach((d, i) => {
    for (const k of d.classes) {
      const cls = c.drugs.find((x) => x.id === k)
      if (!cls || cls.kind !== 'class')
        throw new ContentError('drugs.yaml', `[${i}].classes`, `no drug class "${k}"`)
    }
    for (const cause of d.causes) {
      if (!causeIds.has(cause)) throw new ContentError('drugs.yaml', `[${i}].causes`, `no cause "${cause}"`)
    }
    if (!d.named && d.classes.length === 0)
      throw new ContentError('drugs.yaml', `[${i}]`, 'a lookup entry must belong to a named class')
  })
  void drugIds
}
