import { describe, expect, it } from 'vitest'
import { TamperedDataError } from '../../../src/renderer/src/security/errors'
import {
  decryptBytes,
  decryptValue,
  encryptBytes,
  encryptValue,
} from '../../../src/renderer/src/security/fieldCrypto'
import { createDataKey, deriveKeyRing } from '../../../src/renderer/src/security/keyring'
import {
  PATIENT_SEALED_FIELDS,
  VISIT_SEALED_FIELDS,
  patientCipher,
  visitCipher,
} from '../../../src/renderer/src/security/recordCipher'
import type { Patient, Visit } from '../../../src/renderer/src/notes/model'

const patient: Patient = {
  id: 'p-1',
  name: 'Ann Müller',
  dateOfBirth: '1950-03-07',
  chartNumber: 'AB-12',
  phone: '01632 960 001',
  medicines: ['Furosemide 40 mg', 'Atorvastatin'],
  alerts: 'Allergic to elastoplast',
  feetAtRisk: false,
  lastVisitAt: '2026-05-01T10:00:00.000Z',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:00:00.000Z',
  revision: 3,
  rev: '3-0a1b2c3d4e',
  lineage: ['1-0a1b2c3d4e'],
  savedBy: { device: 'd-1', window: 'w-1', authorId: null },
  editStartedAt: '2026-05-01T10:00:00.000Z',
  conflicts: [],
}

const visit: Visit = {
  id: 'v-1',
  patientId: 'p-1',
  dateTime: '2026-05-01T10:00:00.000Z',
  reason: 'Night cramps in both calves',
  note: 'Cramps three nights a week since the diuretic was started. Émile’s note: “stretching helps”.',
  findings: ['at-night', 'calf'],
  causeIds: ['diuretics', 'nocturnal-leg-cramps'],
  plan: 'Calf stretches before bed; review in 4 weeks',
  followUpDate: '2026-05-29',
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-01T10:05:00.000Z',
  revision: 2,
  rev: '2-0a1b2c3d4e',
  lineage: ['1-0a1b2c3d4e'],
  savedBy: { device: 'd-1', window: 'w-1', authorId: null },
  editStartedAt: '2026-05-01T10:00:00.000Z',
  conflicts: [],
}

async function fieldKey() {
  return (await deriveKeyRing(await createDataKey())).fieldKey
}

function containsText(haystack: unknown, needle: string): boolean {
  const seen = JSON.stringify(haystack, (_k, v) =>
    v instanceof Uint8Array ? new TextDecoder().decode(v) : v,
  )
  return seen.includes(needle)
}

describe('field encryption', () => {
  it('round-trips every sensitive field of a patient and keeps ids, times and revision clear', async () => {
    const key = await fieldKey()
    const stored = await patientCipher.seal(key, patient)
    for (const f of PATIENT_SEALED_FIELDS) expect(f in stored).toBe(false)
    expect(Object.keys(stored.sealed).sort()).toEqual([...PATIENT_SEALED_FIELDS].sort())
    expect(stored).toMatchObject({ id: 'p-1', revision: 3, updatedAt: patient.updatedAt })
    for (const word of ['Müller', 'Furosemide', 'elastoplast', '1950-03-07', 'AB-12', '960']) {
      expect(containsText(stored, word)).toBe(false)
    }
    expect(await patientCipher.open(key, stored)).toEqual(patient)
  })

  it('round-trips every sensitive field of a visit', async () => {
    const key = await fieldKey()
    const stored = await visitCipher.seal(key, visit)
    expect(Object.keys(stored.sealed).sort()).toEqual([...VISIT_SEALED_FIELDS].sort())
    for (const word of ['cramps', 'diuretic', 'stretches', 'nocturnal', '2026-05-29']) {
      expect(containsText(stored, word)).toBe(false)
    }
    expect(await visitCipher.open(key, stored)).toEqual(visit)
  })

  it('opens only the fields asked for (a list row needs the name only)', async () => {
    const key = await fieldKey()
    const row = await patientCipher.openFields(key, await patientCipher.seal(key, patient), ['name'])
    expect(row.name).toBe('Ann Müller')
    expect('phone' in row).toBe(false)
  })

  it('uses a fresh IV every time: the same text encrypts differently', async () => {
    const key = await fieldKey()
    const ctx = { type: 'visit', id: 'v-1', field: 'note' }
    const [a, b] = await Promise.all([encryptValue(key, 'same', ctx), encryptValue(key, 'same', ctx)])
    expect(a.slice(1, 13)).not.toEqual(b.slice(1, 13))
    expect(a).not.toEqual(b)
  })

  it('refuses a ciphertext moved to another record or another field', async () => {
    const key = await fieldKey()
    const stored = await patientCipher.seal(key, patient)
    const other = await patientCipher.seal(key, { ...patient, id: 'p-2', name: 'Bob Stone' })
    // Ann's name copied into Bob's record on disk.
    const moved = { ...other, sealed: { ...other.sealed, name: stored.sealed.name } }
    await expect(patientCipher.open(key, moved)).rejects.toBeInstanceOf(TamperedDataError)
    // Ann's alerts copied into her own phone field.
    const swapped = { ...stored, sealed: { ...stored.sealed, phone: stored.sealed.alerts } }
    await expect(patientCipher.open(key, swapped)).rejects.toBeInstanceOf(TamperedDataError)
  })

  it('refuses a tampered byte, a cut ciphertext and another clinic’s key, in plain words', async () => {
    const key = await fieldKey()
    const ctx = { type: 'visit', id: 'v-1', field: 'note' }
    const sealed = await encryptValue(key, visit.note, ctx)
    const flipped = sealed.slice()
    flipped[20]! ^= 0x10
    const e = (await decryptValue(key, flipped, ctx).catch((x: Error) => x)) as Error
    expect(e).toBeInstanceOf(TamperedDataError)
    expect(e.message).toMatch(/changed outside Cramp Clinic or is damaged\. Nothing was changed/)
    await expect(decryptValue(key, sealed.slice(0, 20), ctx)).rejects.toBeInstanceOf(TamperedDataError)
    await expect(decryptValue(await fieldKey(), sealed, ctx)).rejects.toBeInstanceOf(TamperedDataError)
    expect(await decryptValue(key, sealed, ctx)).toBe(visit.note)
  })
})

describe('byte values (the note index snapshot)', () => {
  it('round-trips bytes, and refuses another context, another key or a flipped bit', async () => {
    const ring = await deriveKeyRing(await createDataKey())
    const ctx = { type: 'note-search-index', id: 'db-1', field: 'snapshot' }
    const plain = new Uint8Array(100_000).map((_, i) => i % 251)
    const sealed = await encryptBytes(ring.fieldKey, plain, ctx)
    expect(await decryptBytes(ring.fieldKey, sealed, ctx)).toEqual(plain)
    await expect(decryptBytes(ring.fieldKey, sealed, { ...ctx, id: 'db-2' })).rejects.toThrow(
      TamperedDataError,
    )
    const other = await deriveKeyRing(await createDataKey())
    await expect(decryptBytes(other.fieldKey, sealed, ctx)).rejects.toThrow(TamperedDataError)
    const flipped = sealed.slice()
    flipped[500]! ^= 1
    await expect(decryptBytes(ring.fieldKey, flipped, ctx)).rejects.toThrow(TamperedDataError)
  })
})
