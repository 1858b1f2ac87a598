import { describe, expect, it } from 'vitest'
import { createDataKey, deriveKeyRing } from '../../../src/renderer/src/security/keyring'
import {
  SignedRecordError,
  assertEditable,
  assertTrashable,
  createAddendum,
  hashSignedContent,
  signVisit,
  verifyAddendum,
  verifySignature,
} from '../../../src/renderer/src/security/signatures'
import type { Visit } from '../../../src/renderer/src/notes/model'

const visit: Visit = {
  id: 'v-1',
  patientId: 'p-1',
  dateTime: '2026-05-01T10:00:00.000Z',
  reason: 'Night cramps',
  note: 'Three nights a week.',
  findings: ['at-night'],
  causeIds: ['diuretics'],
  plan: 'Stretches',
  followUpDate: '2026-05-29',
  handouts: [],
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:05:00.000Z',
  revision: 2,
}
const at = new Date('2026-05-01T11:00:00.000Z')

async function sealKey() {
  return (await deriveKeyRing(await createDataKey())).sealKey
}

describe('signing a visit', () => {
  it('records author, time and the SHA-256 of the signed content, and verifies', async () => {
    const key = await sealKey()
    const sig = await signVisit(key, visit, 'staff-2', at)
    expect(sig).toMatchObject({
      visitId: 'v-1',
      authorId: 'staff-2',
      signedAt: at.toISOString(),
      algorithm: 'sha-256',
    })
    expect(sig.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(sig.contentHash).toBe(await hashSignedContent({ ...visit }))
    expect(await verifySignature(key, visit, sig)).toEqual({ ok: true })
  })

  it('the hash does not depend on key order, revision, save times or handouts given later', async () => {
    const reordered = Object.fromEntries(Object.entries(visit).reverse()) as Visit
    const later = {
      ...visit,
      revision: 9,
      updatedAt: '2027-01-01T00:00:00.000Z',
      handouts: [{} as Visit['handouts'][number]],
    }
    expect(await hashSignedContent(reordered)).toBe(await hashSignedContent(visit))
    expect(await hashSignedContent(later)).toBe(await hashSignedContent(visit))
  })

  it.each(['reason', 'note', 'plan', 'followUpDate', 'dateTime', 'patientId'] as const)(
    'catches a change of %s after signing',
    async (field) => {
      const key = await sealKey()
      const sig = await signVisit(key, visit, 'staff-2', at)
      const changed = {
        ...visit,
        [field]: field === 'dateTime' ? '2026-05-02T10:00:00.000Z' : `${visit[field]}x`,
      }
      const check = await verifySignature(key, changed, sig)
      expect(check).toMatchObject({ ok: false, problem: 'content-changed' })
    },
  )

  it('catches findings or causes changed, added or reordered', async () => {
    const key = await sealKey()
    const sig = await signVisit(key, visit, 'staff-2', at)
    for (const v of [
      { ...visit, findings: [] },
      { ...visit, causeIds: ['diuretics', 'x'] },
    ]) {
      expect((await verifySignature(key, v, sig)).ok).toBe(false)
    }
  })

  it('catches an author, time or hash edited on disk (the seal breaks)', async () => {
    const key = await sealKey()
    const sig = await signVisit(key, visit, 'staff-2', at)
    const forged = { ...sig, authorId: 'staff-1' }
    expect(await verifySignature(key, visit, forged)).toMatchObject({ ok: false, problem: 'seal-broken' })
    const rehashed = { ...sig, contentHash: await hashSignedContent({ ...visit, note: 'edited' }) }
    expect(await verifySignature(key, { ...visit, note: 'edited' }, rehashed)).toMatchObject({
      problem: 'seal-broken',
    })
    expect(await verifySignature(key, { ...visit, id: 'v-2' }, sig)).toMatchObject({ problem: 'wrong-visit' })
  })

  it('a signed visit cannot be edited or trashed; a draft can', async () => {
    const sig = await signVisit(await sealKey(), visit, 'staff-2', at)
    expect(() => assertEditable(sig)).toThrow(SignedRecordError)
    expect(() => assertEditable(sig)).toThrow(/Add an addendum/)
    expect(() => assertTrashable(sig)).toThrow(/cannot be moved to the trash/)
    expect(() => assertEditable(undefined)).not.toThrow()
    expect(() => assertTrashable(null)).not.toThrow()
  })
})

describe('addenda', () => {
  it('carry author, time, reason and text, follow the signature, and verify', async () => {
    const key = await sealKey()
    const sig = await signVisit(key, visit, 'staff-2', at)
    const add = await createAddendum(
      key,
      sig,
      { reason: ' Blood results ', text: 'Potassium low.' },
      'staff-3',
      'a-1',
      new Date('2026-05-03T09:00:00Z'),
    )
    expect(add).toMatchObject({
      visitId: 'v-1',
      authorId: 'staff-3',
      reason: 'Blood results',
      text: 'Potassium low.',
      follows: sig.contentHash,
    })
    expect(await verifyAddendum(key, sig, add)).toBe(true)
    // The original is untouched by the addendum.
    expect(await verifySignature(key, visit, sig)).toEqual({ ok: true })
  })

  it('refuses an empty reason or text in plain words', async () => {
    const key = await sealKey()
    const sig = await signVisit(key, visit, 'staff-2', at)
    await expect(createAddendum(key, sig, { reason: ' ', text: 'x' }, 's', 'a')).rejects.toThrow(
      /Say why the addendum is needed/,
    )
    await expect(createAddendum(key, sig, { reason: 'r', text: '  ' }, 's', 'a')).rejects.toThrow(
      /no text yet/,
    )
  })

  it('catches an addendum edited, moved to another visit or re-hashed on disk', async () => {
    const key = await sealKey()
    const sig = await signVisit(key, visit, 'staff-2', at)
    const add = await createAddendum(key, sig, { reason: 'r', text: 'original' }, 'staff-3', 'a-1')
    expect(await verifyAddendum(key, sig, { ...add, text: 'changed' })).toBe(false)
    const other = await signVisit(key, { ...visit, id: 'v-2' }, 'staff-2', at)
    expect(await verifyAddendum(key, other, add)).toBe(false)
    expect(await verifyAddendum(key, sig, { ...add, authorId: 'staff-1' })).toBe(false)
  })
})
