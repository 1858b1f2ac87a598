/** The passage a search result shows: the summary when the name matched, else the matching text. */
import type { DocInfo } from './search-documents'
import { tokenize, wordMatches } from './text'

export function snippetFor(d: DocInfo, terms: string[], matchedFields: Set<string>): string {
  const inHead = matchedFields.has('title') || matchedFields.has('aliases')
  if (inHead || matchedFields.has('summary') || terms.length === 0) return d.summary
  const passage = d.passages.find((p) => tokenize(p).some((w) => wordMatches(w, terms)))
  return passage ? clip(passage, terms) : d.summary
}

/** Cuts a long passage to a window around its first matching word. */
export function clip(text: string, terms: string[], max = 160): string {
  if (text.length <= max) return text
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)]
  const first = words.find((m) => wordMatches(m[0], terms))
  const at = first?.index ?? 0
  let start = Math.max(0, at - 50)
  if (start > 0) {
    const space = text.indexOf(' ', start)
    start = space >= 0 && space < at ? space + 1 : start
  }
  let end = Math.min(text.length, start + max)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > at) end = space
  }
  return `${start > 0 ? '… ' : ''}${text.slice(start, end)}${end < text.length ? ' …' : ''}`
}
