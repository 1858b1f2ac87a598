/**
 * Parses and cross-checks the content files. Pure: takes file texts, returns Content or throws
 * a ContentError naming the file and the field. Used by the build (vite plugin), the tests and
 * the handout CLI, so a bad file fails all three the same way.
 */
import { parse } from 'yaml'
import type { z } from 'zod'
import { parseCitations } from './citations'
import { ContentError } from './content-error'
import { crossCheck } from './cross-check'
import {
  CauseSchema,
  DrugSchema,
  FinderSchema,
  MetaFileSchema,
  RedFlagSchema,
  SafetySchema,
  TopicSchema,
  type Content,
  type Meta,
} from './schema'

export interface ContentFile {
  /** Path relative to the content folder, with forward slashes, e.g. "causes/dehydration.yaml". */
  path: string
  text: string
}

export { ContentError }

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

/** content.yaml joined with citations.tsv: each source described once, in both. */
function readMeta(files: ContentFile[]): Meta {
  const file = validate(MetaFileSchema, parseYaml(one(files, 'content.yaml')), 'content.yaml')
  const citations = parseCitations(one(files, 'citations.tsv'))
  const sources = file.sources.map((s) => {
    const c = citations.get(s.id)
    if (!c)
      throw new ContentError('citations.tsv', s.id, `no citation for the source "${s.id}" in content.yaml`)
    return { ...c, kind: s.kind, ...(s.tier ? { tier: s.tier } : {}) }
  })
  for (const id of citations.keys()) {
    if (!file.sources.some((s) => s.id === id))
      throw new ContentError(
        'content.yaml',
        'sources',
        `citations.tsv cites "${id}", which is not described here`,
      )
  }
  return { ...file, sources }
}

export function parseContent(files: ContentFile[]): Content {
  const meta = readMeta(files)
  const finder = validate(FinderSchema, parseYaml(one(files, 'finder.yaml')), 'finder.yaml')
  const redFlags = list(RedFlagSchema, one(files, 'red-flags.yaml'))
  const drugs = list(DrugSchema, one(files, 'drugs.yaml'))
  const safety = validate(SafetySchema, parseYaml(one(files, 'safety.yaml')), 'safety.yaml')
  const causes = byFolder(CauseSchema, files, 'causes')
  const topics = byFolder(TopicSchema, files, 'topics')
  const content: Content = { meta, finder, redFlags, drugs, causes, topics, safety }
  crossCheck(content)
  return content
}
