/**
 * Word handling shared by the search index, the medication check and highlighting, so that a
 * word is folded the same way when it is indexed, when it is typed and when it is highlighted.
 */
import { stemmer } from 'stemmer'
import { fold, highlightWords } from '../../../shared/text'

/** Anything that is not a letter or digit separates words (faster than MiniSearch's default). */
export const WORD_SPLIT = /[^\p{L}\p{N}]+/u

export function tokenize(text: string): string[] {
  return text.split(WORD_SPLIT).filter(Boolean)
}

// UK spellings are folded to US ones so "anaemia" finds "anemia" and the other way round.
// Whole-word pairs: a blanket "our" -> "or" rule would break "four", "hour", "your".
const UK_US: Record<string, string> = {
  colour: 'color',
  colours: 'colors',
  coloured: 'colored',
  discolouration: 'discoloration',
  discoloured: 'discolored',
  discolour: 'discolor',
  ageing: 'aging',
  fibre: 'fiber',
  litre: 'liter',
  litres: 'liters',
  millilitre: 'milliliter',
  millilitres: 'milliliters',
  centre: 'center',
  tumour: 'tumor',
  behaviour: 'behavior',
  programme: 'program',
  favourite: 'favorite',
  yoghurt: 'yogurt',
  yoghurts: 'yogurts',
  sulphate: 'sulfate',
  organise: 'organize',
  recognise: 'recognize',
  minimise: 'minimize',
  stabilise: 'stabilize',
  immobilise: 'immobilize',
  prioritise: 'prioritize',
  specialise: 'specialize',
  specialised: 'specialized',
  tyre: 'tire',
}

/**
 * Lower case, accents removed, UK spelling folded to US. "Hypokalaemia" -> "hypokalemia",
 * "diarrhoea" -> "diarrhea", "oedema" -> "edema", "paediatric" -> "pediatric".
 */
// Indexing folds every word of the reference; the vocabulary is small, so remember the answers.
const normalized = new Map<string, string>()

export function normalizeWord(word: string): string {
  let w = normalized.get(word)
  if (w === undefined) {
    w = foldWord(word)
    if (normalized.size < 50_000) normalized.set(word, w)
  }
  return w
}

function foldWord(word: string): string {
  let w = fold(word)
  const mapped = UK_US[w]
  if (mapped) return mapped
  w = w
    .replace(/aem/g, 'em') // anaemia, hypokalaemia, haemoglobin, ischaemia
    .replace(/oea/g, 'ea') // diarrhoea, oesophageal-free forms
    .replace(/^oe(?=d|s)/, 'e') // oedema, oestrogen, oesophagus
    .replace(/paed/g, 'ped') // orthopaedic, paediatric
  return w
}

/** Common words that carry no meaning in a search. */
export const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'is',
  'are',
  'be',
  'it',
  'its',
  'my',
  'i',
  'me',
  'your',
  'you',
  'from',
  'by',
  'as',
  'this',
  'that',
  'when',
  'what',
  'do',
  'does',
  'can',
  'has',
  'have',
  'get',
  'gets',
  'got',
  'if',
  'so',
  'but',
  'they',
  'their',
  'them',
  'was',
  'were',
  'will',
  'into',
  'about',
  'than',
  'then',
  'there',
  'these',
  'those',
  'he',
  'she',
  'his',
  'her',
  'we',
  'our',
  'us',
  'how',
  'why',
  'which',
  'who',
])

/**
 * The stem of a folded word (Porter, via the `stemmer` package), so that "stretches",
 * "stretching" and "stretched" meet at "stretch" and "cramps" at "cramp". Remembered: the
 * vocabulary is small and the same words come back on every keystroke.
 */
const stems = new Map<string, string>()

export function stem(word: string): string {
  let s = stems.get(word)
  if (s === undefined) {
    // Only plain lower-case words: a stemmer has nothing to say about "b12" or "mg".
    s = /^[a-z]{4,}$/.test(word) ? stemmer(word) : word
    if (stems.size < 50_000) stems.set(word, s)
  }
  return s
}

export interface Segment {
  text: string
  hit: boolean
}

/** True when a word of the text answers one of the matched (normalised) terms. */
export function wordMatches(word: string, terms: readonly string[]): boolean {
  const n = normalizeWord(word)
  if (!n) return false
  const s = stem(n)
  return terms.some(
    (t) =>
      t.length > 0 && (n.startsWith(t) || s === t || (t.length >= 4 && t.startsWith(s) && s.length >= 4)),
  )
}

/**
 * Splits text into plain and highlighted runs, for rendering with <mark> in a template
 * (never as HTML). `terms` are normalised terms as the search reports them.
 */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  if (terms.length === 0) return [{ text, hit: false }]
  return highlightWords(text, (word) => wordMatches(word, terms))
}

/** The distinct words of `text` that answer the terms, as written there (for SearchHit.terms). */
export function matchedWords(text: string, terms: readonly string[]): string[] {
  const seen = new Set<string>()
  for (const seg of highlight(text, terms)) if (seg.hit) seen.add(seg.text)
  return [...seen]
}
