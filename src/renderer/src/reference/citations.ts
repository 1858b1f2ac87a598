/**
 * Reads citations.tsv: one source a line, tab-separated (id, file, title, publisher, date, url),
 * lines starting with # ignored. Titles and addresses must stay exactly as published, so they
 * live in this plain table and not beside the text we wrote in our own words.
 */
import { ContentError } from './content-error'
import { SourceIdSchema } from './schema'

export interface Citation {
  id: string
  file: string
  title: string
  publisher: string
  date: string
  url?: string
}

const COLUMNS = ['id', 'file', 'title', 'publisher', 'date', 'url'] as const

export function parseCitations(file: { path: string; text: string }): Map<string, Citation> {
  const rows = file.text
    .split(/\r?\n/)
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() && !line.startsWith('#'))
  const [head, ...body] = rows
  if (!head || head.line.split('\t').join(',') !== COLUMNS.join(','))
    throw new ContentError(file.path, 'header', `the first line must be the columns ${COLUMNS.join(', ')}`)
  const out = new Map<string, Citation>()
  for (const { line, n } of body) {
    const cells = line.split('\t').map((c) => c.trim())
    if (cells.length !== COLUMNS.length)
      throw new ContentError(file.path, `line ${n}`, `needs ${COLUMNS.length} tab-separated columns`)
    const [id, source, title, publisher, date, url] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    if (!SourceIdSchema.safeParse(id).success)
      throw new ContentError(file.path, `line ${n}`, `"${id}" is not a source id`)
    if (out.has(id)) throw new ContentError(file.path, `line ${n}`, `the source "${id}" is cited twice`)
    for (const [name, value] of [
      ['file', source],
      ['title', title],
      ['publisher', publisher],
      ['date', date],
    ])
      if (!value) throw new ContentError(file.path, `line ${n}`, `the ${name} must not be empty`)
    if (url && !/^https?:\/\/\S+$/.test(url))
      throw new ContentError(file.path, `line ${n}`, `"${url}" is not a web address`)
    out.set(id, { id, file: source, title, publisher, date, ...(url ? { url } : {}) })
  }
  return out
}
