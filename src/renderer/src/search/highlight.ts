/**
 * Splits text into plain and matched parts for <mark>, so user and content text is always
 * rendered as text, never as HTML.
 */
export interface TextPart {
  text: string
  match: boolean
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function highlightParts(text: string, terms: readonly string[]): TextPart[] {
  const words = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort(
    (a, b) => b.length - a.length,
  )
  if (words.length === 0 || text.length === 0) return [{ text, match: false }]
  const re = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'giu')
  const parts: TextPart[] = []
  let last = 0
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0
    if (m[0].length === 0) continue
    if (i > last) parts.push({ text: text.slice(last, i), match: false })
    parts.push({ text: m[0], match: true })
    last = i + m[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false })
  return parts
}
