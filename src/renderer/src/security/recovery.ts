import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39'
import { wordlist } from '@scure/bip39/wordlists/english.js'
import { randomBytes, utf8 } from './bytes'
import { RecoveryWordsError } from './errors'

/**
 * The recovery key: 128 random bits written down as 12 words of the BIP-39 English list (its
 * words differ in their first four letters and carry a checksum, so a typo is caught before any
 * key is tried). 128 bits cannot be guessed, so the words go through HKDF, not a slow hash.
 */
export const RECOVERY_WORD_COUNT = 12

export class RecoveryKey {
  readonly #entropy: Uint8Array<ArrayBuffer>

  private constructor(entropy: Uint8Array<ArrayBuffer>) {
    this.#entropy = entropy
  }

  static generate(): RecoveryKey {
    return new RecoveryKey(randomBytes(16))
  }

  /** Reads words as typed from the sheet: any case, numbers and punctuation ignored. */
  static fromWords(text: string): RecoveryKey {
    return new RecoveryKey(new Uint8Array(mnemonicToEntropyChecked(text)))
  }

  get words(): string[] {
    return entropyToMnemonic(this.#entropy, wordlist).split(' ')
  }

  /** Key material for HKDF only; the caller never keeps it. */
  entropy(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.#entropy)
  }
}

const FULL = new Set(wordlist)
const BY_PREFIX = new Map(wordlist.map((w) => [w.slice(0, 4), w]))

/** A word typed in full, or its first four letters (enough on this list). */
function expandWord(typed: string): string | undefined {
  if (FULL.has(typed)) return typed
  if (typed.length >= 4) {
    const full = BY_PREFIX.get(typed.slice(0, 4))
    if (full && full.startsWith(typed)) return full
  }
  return undefined
}

function mnemonicToEntropyChecked(text: string): Uint8Array {
  const typed = text
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
  if (typed.length !== RECOVERY_WORD_COUNT) {
    throw new RecoveryWordsError(
      `A recovery key has ${RECOVERY_WORD_COUNT} words; ${typed.length === 1 ? '1 word was' : `${typed.length} words were`} typed.`,
    )
  }
  const words = typed.map((w, i) => {
    const full = expandWord(w)
    if (!full) {
      throw new RecoveryWordsError(
        `Word ${i + 1} (“${w}”) is not one of the recovery words. Check it against the sheet.`,
      )
    }
    return full
  })
  try {
    return mnemonicToEntropy(words.join(' '), wordlist)
  } catch {
    throw new RecoveryWordsError(
      'Every word is a recovery word, but together they do not form a recovery key: one may be wrong, or two swapped. Check them against the sheet, in order.',
    )
  }
}

/** The AES-GCM key that wraps the data key under the recovery key. */
export async function recoveryWrappingKey(
  recovery: RecoveryKey,
  salt: Uint8Array<ArrayBuffer>,
): Promise<CryptoKey> {
  const material = recovery.entropy()
  try {
    const base = await crypto.subtle.importKey('raw', material, 'HKDF', false, ['deriveKey'])
    return await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('cramp-clinic/v1/recovery-wrap') },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['wrapKey', 'unwrapKey'],
    )
  } finally {
    material.fill(0)
  }
}
