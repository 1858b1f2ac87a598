import { describe, expect, it } from 'vitest'
import { wordlist } from '@scure/bip39/wordlists/english.js'
import {
  RecoveryWordsError,
  WrongPassphraseError,
  WrongRecoveryKeyError,
} from '../../../src/renderer/src/security/errors'
import {
  SIGN_IN_COST,
  argon2idParamsSchema,
  deriveWrappingKey,
  newArgon2idParams,
} from '../../../src/renderer/src/security/kdf'
import { createDataKey, deriveKeyRing } from '../../../src/renderer/src/security/keyring'
import { RecoveryKey } from '../../../src/renderer/src/security/recovery'
import { recoverySheet } from '../../../src/renderer/src/security/recoverySheet'
import {
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  wrapWithPassphrase,
  wrapWithRecoveryKey,
} from '../../../src/renderer/src/security/wrap'
import { fromBase64Url, toBase64Url } from '../../../src/renderer/src/security/bytes'
import { TEST_COST } from './helpers'

async function sameKey(a: CryptoKey, b: CryptoKey): Promise<boolean> {
  const [x, y] = await Promise.all([crypto.subtle.exportKey('raw', a), crypto.subtle.exportKey('raw', b)])
  return toBase64Url(x) === toBase64Url(y)
}

describe('data key', () => {
  it('is 256 random bits, different each time', async () => {
    const [a, b] = await Promise.all([createDataKey(), createDataKey()])
    expect(new Uint8Array(await crypto.subtle.exportKey('raw', a))).toHaveLength(32)
    expect(await sameKey(a, b)).toBe(false)
  })

  it('derives one non-extractable key per purpose, each different', async () => {
    const ring = await deriveKeyRing(await createDataKey())
    for (const key of Object.values(ring)) expect(key.extractable).toBe(false)
    const msg = new TextEncoder().encode('same message')
    const [i, a, s] = await Promise.all(
      [ring.indexKey, ring.auditKey, ring.sealKey].map(async (k) =>
        toBase64Url(await crypto.subtle.sign('HMAC', k, msg)),
      ),
    )
    expect(new Set([i, a, s]).size).toBe(3)
    expect(ring.fieldKey.algorithm.name).toBe('AES-GCM')
  })

  it('derives the same ring from the same data key (so a new session reads old records)', async () => {
    const key = await createDataKey()
    const msg = new TextEncoder().encode('x')
    const [r1, r2] = await Promise.all([deriveKeyRing(key), deriveKeyRing(key)])
    const mac = async (k: CryptoKey) => toBase64Url(await crypto.subtle.sign('HMAC', k, msg))
    expect(await mac(r1.indexKey)).toBe(await mac(r2.indexKey))
  })
})

describe('passphrase wraps', () => {
  it('round-trips the data key and stores Argon2id parameters with a per-wrap salt', async () => {
    const key = await createDataKey()
    const w1 = await wrapWithPassphrase(key, 'correct horse', 'staff-1', TEST_COST)
    const w2 = await wrapWithPassphrase(key, 'correct horse', 'staff-1', TEST_COST)
    expect(w1.kdf).toMatchObject({ algorithm: 'argon2id', ...TEST_COST })
    expect(w1.kdf.salt).not.toBe(w2.kdf.salt)
    expect(w1.wrapped).not.toBe(w2.wrapped)
    expect(await sameKey(await unwrapWithPassphrase(w1, 'correct horse', 'staff-1'), key)).toBe(true)
  })

  it('uses 64 MiB, 2 passes by default and opens with it', async () => {
    expect(SIGN_IN_COST).toEqual({ memoryKiB: 65536, iterations: 2, parallelism: 1 })
    const key = await createDataKey()
    const wrap = await wrapWithPassphrase(key, 'correct horse', 'staff-1')
    expect(wrap.kdf.memoryKiB).toBe(65536)
    expect(await sameKey(await unwrapWithPassphrase(wrap, 'correct horse', 'staff-1'), key)).toBe(true)
  })

  it('refuses a wrong passphrase in plain words', async () => {
    const wrap = await wrapWithPassphrase(await createDataKey(), 'correct horse', 'staff-1', TEST_COST)
    const e = await unwrapWithPassphrase(wrap, 'correct hors', 'staff-1').catch((x) => x)
    expect(e).toBeInstanceOf(WrongPassphraseError)
    expect(e.message).toMatch(/passphrase is not right/)
  })

  it('treats the same text in two Unicode forms as the same passphrase', async () => {
    const key = await createDataKey()
    const wrap = await wrapWithPassphrase(key, 'caf\u00e9 au lait', 'staff-1', TEST_COST)
    expect(await sameKey(await unwrapWithPassphrase(wrap, 'cafe\u0301 au lait', 'staff-1'), key)).toBe(true)
  })

  it('does not open for another holder: a wrap copied onto another staff record fails', async () => {
    const wrap = await wrapWithPassphrase(await createDataKey(), 'correct horse', 'staff-2', TEST_COST)
    await expect(unwrapWithPassphrase(wrap, 'correct horse', 'staff-1')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    )
  })

  it('refuses a tampered wrap (one bit of the ciphertext, or its salt)', async () => {
    const wrap = await wrapWithPassphrase(await createDataKey(), 'correct horse', 'staff-1', TEST_COST)
    const bytes = fromBase64Url(wrap.wrapped)
    bytes[3]! ^= 1
    await expect(
      unwrapWithPassphrase({ ...wrap, wrapped: toBase64Url(bytes) }, 'correct horse', 'staff-1'),
    ).rejects.toBeInstanceOf(WrongPassphraseError)
    const salt = { ...wrap.kdf, salt: newArgon2idParams(TEST_COST).salt }
    await expect(
      unwrapWithPassphrase({ ...wrap, kdf: salt }, 'correct horse', 'staff-1'),
    ).rejects.toBeInstanceOf(WrongPassphraseError)
  })

  it('refuses parameters out of bounds (an edited wrap cannot ask for 64 GiB)', async () => {
    const params = newArgon2idParams()
    expect(argon2idParamsSchema.safeParse({ ...params, memoryKiB: 64 * 1024 * 1024 }).success).toBe(false)
    await expect(deriveWrappingKey('x', { ...params, iterations: 1000 })).rejects.toThrow()
    const wrap = await wrapWithPassphrase(await createDataKey(), 'p', 'staff-1', TEST_COST)
    await expect(
      unwrapWithPassphrase({ ...wrap, kdf: { ...wrap.kdf, memoryKiB: 1 << 30 } }, 'p', 'staff-1'),
    ).rejects.toBeInstanceOf(WrongPassphraseError)
  })
})

describe('recovery key', () => {
  it('is 12 words from the BIP-39 list, different each time', () => {
    const a = RecoveryKey.generate().words
    const b = RecoveryKey.generate().words
    expect(a).toHaveLength(12)
    for (const w of a) expect(wordlist).toContain(w)
    expect(a.join(' ')).not.toBe(b.join(' '))
  })

  it('reads the words back however they are typed: case, numbering, first four letters', () => {
    const key = RecoveryKey.generate()
    const typed = key.words.map((w, i) => `${i + 1}. ${(i % 2 ? w.slice(0, 4) : w).toUpperCase()}`).join('\n')
    expect(RecoveryKey.fromWords(typed).words).toEqual(key.words)
  })

  it('names an unknown word, a wrong count and a typo that breaks the checksum', () => {
    const words = RecoveryKey.generate().words
    const bad = [...words]
    bad[4] = 'xylophonic'
    expect(() => RecoveryKey.fromWords(bad.join(' '))).toThrow(
      /Word 5 \(“xylophonic”\) is not one of the recovery words/,
    )
    expect(() => RecoveryKey.fromWords(words.slice(0, 11).join(' '))).toThrow(/12 words; 11 words were typed/)
    // Another list word in last place breaks the 4-bit checksum 15 times in 16: find one that does.
    const swapped = [...words]
    const refused = wordlist.some((w) => {
      swapped[11] = w
      try {
        RecoveryKey.fromWords(swapped.join(' '))
        return false
      } catch (e) {
        expect(e).toBeInstanceOf(RecoveryWordsError)
        expect((e as Error).message).toMatch(/do not form a recovery key/)
        return true
      }
    })
    expect(refused).toBe(true)
  })

  it('wraps the data key; the right words open it, other words do not', async () => {
    const key = await createDataKey()
    const recovery = RecoveryKey.generate()
    const wrap = await wrapWithRecoveryKey(key, recovery, 'clinic')
    const again = RecoveryKey.fromWords(recovery.words.join(' '))
    expect(await sameKey(await unwrapWithRecoveryKey(wrap, again, 'clinic'), key)).toBe(true)
    const e = await unwrapWithRecoveryKey(wrap, RecoveryKey.generate(), 'clinic').catch((x) => x)
    expect(e).toBeInstanceOf(WrongRecoveryKeyError)
    expect(e.message).toMatch(/do not open this clinic’s records/)
  })

  it('gives the data for a printable sheet: numbered words, the date and plain instructions', () => {
    const sheet = recoverySheet({
      clinicName: 'Riverside',
      ownerName: 'Olive',
      words: RecoveryKey.generate().words,
      createdAt: new Date('2026-05-04T09:00:00Z'),
    })
    expect(sheet.words.map((w) => w.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(sheet.createdOn).toBe('4 May 2026')
    expect(sheet.instructions.join(' ')).toMatch(/no other/)
  })
})
