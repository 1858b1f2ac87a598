/**
 * Text folding and highlighting, one of each for the whole app: the notes index, the reference
 * search, the handout cause picker and every highlighted search result fold and split words the
 * same way, so a word found is a word marked.
 */

/** Lower case, accents removed ("Müller" and "muller" match), other scripts kept as they are. */
export function fold(text: string): string {
  // Most words are plain ASCII: skip the Unicode work for them.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase()
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** A run of text, marked when it is a word that matched. Rendered as text, never as HTML. */
export interface TextPart {
  text: string
  hit: boolean
}

const WORD = /[\p{L}\p{N}]+/gu

/** Splits text into plain runs and the words `isMatch` accepts, for <mark> in a template. */
export function highlightWords(text: string, isMatch: (word: string) => boolean): TextPart[] {
  const out: TextPart[] = []
  let last = 0
  for (const m of text.matchAll(WORD)) {
    if (!isMatch(m[0])) continue
    if (m.index > last) out.push({ text: text.slice(last, m.index), hit: false })
    out.push({ text: m[0], hit: true })
    last = m.index + m[0].length
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last), hit: false })
  return out
}

/** Words that begin with one of the terms' words, folded ("Mül" marks "Muller"). */
export function startsWithTerm(terms: readonly string[]): (word: string) => boolean {
  const starts = [...new Set(terms.flatMap((t) => [...fold(t).matchAll(WORD)].map((m) => m[0])))]
  return (word) => {
    const w = fold(word)
    return starts.some((s) => w.startsWith(s))
  }
}
