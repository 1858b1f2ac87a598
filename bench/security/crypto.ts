/**
 * The security figures that touch no audit trail: sign-in (Argon2id, unwrap, derive the keys),
 * a visit's fields sealed and opened, a patient's index tokens, and signing a visit.
 */
import { canonicalJson } from '../../src/renderer/src/notes/canonical'
import type { Visit } from '../../src/renderer/src/notes/model'
import { utf8 } from '../../src/renderer/src/security/bytes'
import { patientTokens } from '../../src/renderer/src/security/indexTokens'
import { createDataKey, deriveKeyRing } from '../../src/renderer/src/security/keyring'
import { visitCipher } from '../../src/renderer/src/security/recordCipher'
import { signVisit } from '../../src/renderer/src/security/signatures'
import { unwrapWithPassphrase, wrapWithPassphrase } from '../../src/renderer/src/security/wrap'
import { keys, PER, session, times } from './state'

/** A visit the size of a busy clinic's: a 2,000-character note, findings, causes, a plan. */
function typicalVisit(i: number): Visit {
  const note =
    'Cramps in both calves at night, three or four times a week, worse after long days on her feet. '
      .repeat(21)
      .slice(0, 2000)
  return {
    id: `visit-${i}`,
    patientId: 'patient-1',
    dateTime: '2026-05-01T10:00:00.000Z',
    reason: 'Night cramps in both calves',
    note,
    findings: ['at-night', 'calf', 'both-legs', 'after-exercise'],
    causeIds: ['diuretics', 'nocturnal-leg-cramps', 'dehydration'],
    plan: 'Calf stretches before bed; review fluid intake; review in four weeks with the diary.',
    followUpDate: '2026-05-29',
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:05:00.000Z',
    revision: 3,
    rev: '3-0a1b2c3d4e',
    lineage: ['2-0a1b2c3d4e'],
    savedBy: { device: 'd-1', window: 'w-1', authorId: null },
    editStartedAt: '2026-05-01T10:00:00.000Z',
    conflicts: [],
  }
}

/** Runs first: opens the key session every later figure uses. */
export async function signIn(runs: number) {
  const dataKey = await createDataKey()
  const wrap = await wrapWithPassphrase(dataKey, 'amber kettle violin harbour', 'staff-1')
  const signIn = await times(
    runs,
    async () => {
      const key = await unwrapWithPassphrase(wrap, 'amber kettle violin harbour', 'staff-1')
      await deriveKeyRing(key)
    },
    1,
  )
  // Baseline: SHA-256 once over as many bytes as Argon2id fills (64 MiB).
  const block = new Uint8Array(wrap.kdf.memoryKiB * 1024)
  const sha = await times(runs, () => crypto.subtle.digest('SHA-256', block), 1)
  keys.ring = await session.open(dataKey)
  keys.dataKey = dataKey
  return { signIn, sha, memoryKiB: wrap.kdf.memoryKiB, iterations: wrap.kdf.iterations }
}

export async function fields(runs: number) {
  const { ring } = keys
  const visit = typicalVisit(1)
  const roundTrip = await times(
    runs,
    async () => {
      const stored = await visitCipher.seal(ring.fieldKey, visit)
      await visitCipher.open(ring.fieldKey, stored)
    },
    2,
    PER,
  )
  // Baseline: the same visit as one JSON text, one AES-GCM encrypt and decrypt.
  const whole = await times(
    runs,
    async () => {
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const ct = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        ring.fieldKey,
        utf8(JSON.stringify(visit)),
      )
      JSON.parse(
        new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, ring.fieldKey, ct)),
      )
    },
    2,
    PER,
  )
  const patient = { name: 'Margaret Anne Featherstone', chartNumber: 'RFC-004512', dateOfBirth: '1948-11-02' }
  const tokens = await times(runs, () => patientTokens(ring.indexKey, patient), 2, PER)
  const oneMac = await times(
    runs,
    () => crypto.subtle.sign('HMAC', ring.indexKey, utf8(patient.name)),
    2,
    PER,
  )
  const sign = await times(runs, () => signVisit(ring.sealKey, visit, 'staff-1'), 2, PER)
  const sha = await times(runs, () => crypto.subtle.digest('SHA-256', utf8(canonicalJson(visit))), 2, PER)
  const bytes = JSON.stringify(visit).length
  const tokenCount = (await patientTokens(ring.indexKey, patient)).nameTokens.length
  return { roundTrip, whole, tokens, oneMac, sign, sha, bytes, tokenCount }
}
