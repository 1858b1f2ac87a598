/**
 * Text normalisation shared by the search index (stored on write) and the queries (run on read):
 * both sides must fold text the same way or a stored word can never be found again.
 */

import { fold } from '../../../shared/text'

export { fold }

const MAX_TOKEN_LENGTH = 32

/** Words of a text as folded tokens: letters and digits of any script; everything else splits. */
export function words(text: string): string[] {
  const out: string[] = []
  for (const match of fold(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push(match[0].slice(0, MAX_TOKEN_LENGTH))
  }
  return out
}

/**
 * Words too common to be worth an index entry: every entry costs a write on each save and a
 * restore of 100,000 visits writes millions of them.
 */
const STOP_WORDS = new Set(
  'an and are as at be but by for from had has have he her his in is it its of on or she so that the their them they this to was we were with'.split(
    ' ',
  ),
)

/** Whether a folded word is indexed (and so can be searched for). */
export function isIndexed(word: string): boolean {
  return (word.length >= 2 || /\p{N}/u.test(word)) && !STOP_WORDS.has(word)
}

/** Distinct tokens worth indexing. One-letter words would make every prefix query huge. */
export function indexTokens(...texts: string[]): string[] {
  const set = new Set<string>()
  for (const text of texts) {
    for (const word of words(text)) {
      if (isIndexed(word)) set.add(word)
    }
  }
  return [...set]
}
