import { fold, words } from '../notes/text'
import { toBase64Url, utf8 } from './bytes'

/**
 * Keyed index tokens: what IndexedDB indexes instead of names, chart numbers and birth dates.
 *
 * A token is HMAC-SHA-256(index key, kind + value), cut to 128 bits. Without the data key a
 * token says nothing about its value, and nobody can compute the token of a guess. Lookups stay
 * index lookups: the query is turned into the same token and matched for equality.
 *
 * Prefix search ("smi" finds Smith) is served by storing a token for every prefix of every
 * folded name word, up to NAME_PREFIX_MAX letters; a longer query term is looked up by its first
 * NAME_PREFIX_MAX letters and the few candidates are decrypted and checked in full. Chart numbers
 * work the same way; a birth date is one exact token.
 *
 * What this leaks to someone who copies the disk (written down on purpose, see README):
 * - equality: two patients sharing a birth date, a chart-number prefix or a name-word prefix
 *   share a token, so groups (same surname, same birthday) are visible, though not what they are;
 * - frequency: a very common token is likely a common surname initial or prefix;
 * - length: a word of n letters (n <= NAME_PREFIX_MAX) has n tokens, so the number of tokens per
 *   patient hints at the length of their name.
 * It does not leak the letters, and tokens from another clinic (another key) never match.
 */
export const NAME_PREFIX_MAX = 10
export const CHART_PREFIX_MAX = 12
const TOKEN_BYTES = 16

export type TokenKind = 'name' | 'chart' | 'dob'

export async function indexToken(indexKey: CryptoKey, kind: TokenKind, value: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', indexKey, utf8(`${kind}\u0000${value}`))
  return toBase64Url(new Uint8Array(mac, 0, TOKEN_BYTES))
}

function prefixes(word: string, max: number): string[] {
  const chars = [...word].slice(0, max)
  return chars.map((_, i) => chars.slice(0, i + 1).join(''))
}

export interface PatientTokens {
  /** Multi-entry index: every prefix of every name word. */
  nameTokens: string[]
  /** Multi-entry index: every prefix of the folded chart number. */
  chartTokens: string[]
  /** Exact birth date, or '' when there is none (nothing indexed). */
  dobToken: string
}

export async function patientTokens(
  indexKey: CryptoKey,
  patient: { name: string; chartNumber: string; dateOfBirth: string },
): Promise<PatientTokens> {
  const namePrefixes = new Set(words(patient.name).flatMap((w) => prefixes(w, NAME_PREFIX_MAX)))
  const chart = fold(patient.chartNumber.trim())
  const chartPrefixes = chart ? prefixes(chart, CHART_PREFIX_MAX) : []
  const [nameTokens, chartTokens, dobToken] = await Promise.all([
    Promise.all([...namePrefixes].map((p) => indexToken(indexKey, 'name', p))),
    Promise.all(chartPrefixes.map((p) => indexToken(indexKey, 'chart', p))),
    patient.dateOfBirth ? indexToken(indexKey, 'dob', patient.dateOfBirth) : Promise.resolve(''),
  ])
  return { nameTokens, chartTokens, dobToken }
}

/**
 * The token to look a query term up by, and whether the matches must still be checked against
 * the decrypted value (the term was longer than what is indexed).
 */
export interface TokenQuery {
  token: string
  /** The folded term; compare decrypted values with it when `recheck` is true. */
  term: string
  recheck: boolean
}

async function prefixQuery(indexKey: CryptoKey, kind: 'name' | 'chart', term: string, max: number) {
  const chars = [...term]
  return {
    token: await indexToken(indexKey, kind, chars.slice(0, max).join('')),
    term,
    recheck: chars.length > max,
  }
}

/** One token query per word typed (folded the way names were when stored). */
export async function nameQuery(indexKey: CryptoKey, text: string): Promise<TokenQuery[]> {
  return Promise.all(words(text).map((w) => prefixQuery(indexKey, 'name', w, NAME_PREFIX_MAX)))
}

export async function chartQuery(indexKey: CryptoKey, text: string): Promise<TokenQuery | null> {
  const term = fold(text.trim())
  return term ? prefixQuery(indexKey, 'chart', term, CHART_PREFIX_MAX) : null
}

/** `isoDate` is "YYYY-MM-DD" (the repository's parseDateQuery turns typed dates into it). */
export async function birthDateQuery(indexKey: CryptoKey, isoDate: string): Promise<string> {
  return indexToken(indexKey, 'dob', isoDate)
}
