/**
 * Text normalisation shared by the search index (stored on write) and the queries (run on read):
 * both sides must fold text the same way or a stored word can never be found again.
 */

const MAX_TOKEN_LENGTH = 32

/** Lower case, accents removed ("Müller" and "muller" match), other scripts kept as they are. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** Words of a text as folded tokens: letters and digits of any script; everything else splits. */
export function words(text: string): string[] {
  const out: string[] = []
  for (const match of fold(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push(match[0].slice(0, MAX_TOKEN_LENGTH))
  }
  return out
}

/** Distinct tokens worth indexing. One-letter words would make every prefix query huge. */
export function indexTokens(...texts: string[]): string[] {
  const set = new Set<string>()
  for (const text of texts) {
    for (const word of words(text)) {
      if (word.length >= 2 || /\p{N}/u.test(word)) set.add(word)
    }
  }
  return [...set]
}
