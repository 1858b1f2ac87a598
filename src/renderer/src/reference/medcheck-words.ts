/**
 * How a typed medicines list is read: split into items, and each item into the words that can
 * name a medicine (dose, form and timing words left out), folded and stemmed like the drug table.
 */
import { normalizeWord, stem, tokenize } from './text'

// Dose, form and timing words people paste along with the name: "furosemide 40 mg tablets daily".
const NOISE = new Set([
  'mg',
  'mcg',
  'ug',
  'g',
  'ml',
  'iu',
  'unit',
  'units',
  'tablet',
  'tablets',
  'tab',
  'tabs',
  'capsule',
  'capsules',
  'cap',
  'caps',
  'daily',
  'once',
  'twice',
  'day',
  'days',
  'a',
  'an',
  'the',
  'at',
  'in',
  'per',
  'x',
  'bd',
  'bid',
  'tds',
  'tid',
  'qds',
  'qid',
  'od',
  'om',
  'on',
  'nocte',
  'mane',
  'prn',
  'morning',
  'evening',
  'night',
  'bedtime',
  'weekly',
  'sr',
  'xl',
  'xr',
  'ir',
  'ec',
  'release',
  'modified',
  'extended',
  'mr',
  'er',
  'cr',
  'la',
  'dose',
  'doses',
  'take',
  'takes',
  'taking',
  'of',
  'and',
  'with',
  'for',
  'as',
  'needed',
  'when',
  'by',
  'mouth',
  'oral',
  'injection',
  'spray',
  'cream',
  'gel',
  'drops',
  'liquid',
  'solution',
])

/** A name folded word by word, without stemming. */
export function plainOf(text: string): string {
  return tokenize(text)
    .map((w) => normalizeWord(w))
    .filter(Boolean)
    .join(' ')
}

export function keyOf(text: string): string {
  return tokenize(text)
    .map((w) => stem(normalizeWord(w)))
    .filter(Boolean)
    .join(' ')
}

export interface ItemWord {
  /** As typed, for naming a leftover word back to the user. */
  raw: string
  /** Folded but not stemmed: what typing slips are measured on (a brand name has no stem). */
  plain: string
  /** Folded and stemmed the same way as the table's names. */
  key: string
}

/** The meaningful words of one typed item (dose, form and timing words left out). */
export function itemWords(item: string): ItemWord[] {
  return tokenize(item)
    .map((raw) => ({ raw, w: normalizeWord(raw) }))
    .filter(({ w }) => w && !/^\d/.test(w) && !NOISE.has(w) && !/^\d+(mg|mcg|ug|g|ml|iu)$/.test(w))
    .map(({ raw, w }) => ({ raw, plain: w, key: stem(w) }))
}

// Commas, semicolons, new lines, tabs, bars, list bullets, "and" / "&" / "+" / "plus" between
// names, and a slash between two words ("simvastatin/ramipril"; "5/40" and "40mg/day" keep it).
const SEPARATORS =
  /[,;\n\r\t|•]+|\s+(?:and|plus|&|\+)\s+|(?<=(?:^|[^\p{L}\p{N}])\p{L}{3,})\s*\/\s*(?=\p{L}{3})/iu

/** Splits a typed or pasted list into items, dropping list markers and empty items. */
export function splitMedicines(input: string | readonly string[]): string[] {
  const parts = (typeof input === 'string' ? [input] : input).flatMap((x) => x.split(SEPARATORS))
  return parts.map((p) => p.replace(/^\s*(?:[-*]|\d+[.)])\s+/, '').trim()).filter((p) => p.length > 0)
}
