import { describe, expect, it } from 'vitest'
import { createDataKey, deriveKeyRing } from '../../../src/renderer/src/security/keyring'
import {
  NAME_PREFIX_MAX,
  birthDateQuery,
  chartQuery,
  nameQuery,
  patientTokens,
} from '../../../src/renderer/src/security/indexTokens'

async function indexKey() {
  return (await deriveKeyRing(await createDataKey())).indexKey
}

/**
 * A key from fixed bytes, for the test that looks for the name's letters in the tokens: under a
 * random key a 22-character token spells "ann" now and then by chance, and the test must not
 * fail some runs and pass others.
 */
async function fixedIndexKey(fill: number) {
  const raw = new Uint8Array(32).fill(fill)
  const dataKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt', 'decrypt'])
  return (await deriveKeyRing(dataKey)).indexKey
}

const ann = { name: 'Ann Müller-Smith', chartNumber: ' AB-12 ', dateOfBirth: '1950-03-07' }

describe('index tokens', () => {
  it('finds a patient by any prefix of any word of the name, folded like the repository folds', async () => {
    const key = await indexKey()
    const t = await patientTokens(key, ann)
    for (const typed of ['a', 'an', 'Ann', 'mu', 'MÜLL', 'muller', 'smi', 'Smith']) {
      const [q] = await nameQuery(key, typed)
      expect(t.nameTokens, typed).toContain(q!.token)
    }
    for (const typed of ['anne', 'mx', 'jones']) {
      const [q] = await nameQuery(key, typed)
      expect(t.nameTokens, typed).not.toContain(q!.token)
    }
  })

  it('finds by chart-number prefix and by exact birth date', async () => {
    const key = await indexKey()
    const t = await patientTokens(key, ann)
    expect(t.chartTokens).toContain((await chartQuery(key, 'ab-1'))!.token)
    expect(t.chartTokens).not.toContain((await chartQuery(key, 'ab-2'))!.token)
    expect(t.dobToken).toBe(await birthDateQuery(key, '1950-03-07'))
    expect(t.dobToken).not.toBe(await birthDateQuery(key, '1950-03-08'))
    expect(await chartQuery(key, '  ')).toBeNull()
  })

  it('stores no letters: tokens are 22 base64url characters that differ under another key', async () => {
    const [k1, k2] = [await fixedIndexKey(1), await fixedIndexKey(2)]
    const t1 = await patientTokens(k1, ann)
    const t2 = await patientTokens(k2, ann)
    for (const tok of [...t1.nameTokens, ...t1.chartTokens, t1.dobToken]) {
      expect(tok).toMatch(/^[A-Za-z0-9_-]{22}$/)
      expect(t2.nameTokens).not.toContain(tok)
    }
    expect(JSON.stringify(t1).toLowerCase()).not.toMatch(/ann|muller|smith|ab-12|1950/)
  })

  it('indexes up to NAME_PREFIX_MAX letters and says when a longer term must be rechecked', async () => {
    const key = await indexKey()
    const long = 'Bartholomew-Featherstonehaugh'
    const t = await patientTokens(key, { name: long, chartNumber: '', dateOfBirth: '' })
    // One token per prefix length of each word, capped: the length leak the README describes.
    expect(t.nameTokens).toHaveLength(NAME_PREFIX_MAX * 2)
    const [q] = await nameQuery(key, 'featherstonehaugh')
    expect(q!.recheck).toBe(true)
    expect(t.nameTokens).toContain(q!.token)
    const [short] = await nameQuery(key, 'barth')
    expect(short!.recheck).toBe(false)
    expect(t.chartTokens).toEqual([])
    expect(t.dobToken).toBe('')
  })
})
