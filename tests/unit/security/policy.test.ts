import { describe, expect, it } from 'vitest'
import { LockedError } from '../../../src/renderer/src/security/errors'
import {
  ACTIONS,
  PermissionError,
  assertCan,
  can,
  type Action,
} from '../../../src/renderer/src/security/policy'

/** Written out by hand from issue 12, not derived from the policy's own sets. */
const RECEPTION_MAY: Action[] = [
  'patient.list',
  'patient.viewContact',
  'patient.create',
  'patient.editContact',
  'reference.view',
  'handout.viewHistory',
  'handout.reissue',
  'session.changeOwnPassphrase',
  'session.lock',
]
const OWNER_ONLY: Action[] = [
  'staff.manage',
  'staff.resetPassphrase',
  'settings.change',
  'recovery.manage',
  'audit.view',
  'audit.export',
  'backup.restore',
  'database.remove',
  'trash.empty',
]
const RECEPTION_REFUSED = ACTIONS.filter((a) => !RECEPTION_MAY.includes(a))

describe('reception is refused', () => {
  it.each(RECEPTION_REFUSED)('%s', (action) => {
    expect(can('reception', action)).toBe(false)
    const e = (() => {
      try {
        assertCan('reception', action)
      } catch (x) {
        return x
      }
      return null
    })()
    expect(e).toBeInstanceOf(PermissionError)
    expect((e as PermissionError).action).toBe(action)
    expect((e as Error).message).toMatch(/^(A reception account cannot|Only the clinic owner can) /)
  })

  it('covers every note, finding and plan route: view, create, edit, sign, addendum, search, trash', () => {
    for (const a of [
      'visit.view',
      'visit.create',
      'visit.edit',
      'visit.sign',
      'visit.addendum',
      'notes.search',
      'trash.view',
      'patient.viewClinical',
      'handout.create',
    ] as const) {
      expect(RECEPTION_REFUSED).toContain(a)
    }
  })
})

describe('clinician is refused the owner’s actions', () => {
  it.each(OWNER_ONLY)('%s', (action) => {
    expect(can('clinician', action)).toBe(false)
    expect(() => assertCan('clinician', action)).toThrow(PermissionError)
    expect(() => assertCan('clinician', action)).toThrow(/^Only the clinic owner can /)
  })
})

describe('allowed', () => {
  it('reception may do its own list', () => {
    for (const a of RECEPTION_MAY) expect(() => assertCan('reception', a)).not.toThrow()
  })
  it('a clinician may do everything clinical', () => {
    for (const a of ACTIONS.filter((x) => !OWNER_ONLY.includes(x))) expect(can('clinician', a), a).toBe(true)
  })
  it('the owner may do everything', () => {
    for (const a of ACTIONS) expect(can('owner', a), a).toBe(true)
  })
})

it('nobody signed in gets LockedError, not a permission answer', () => {
  expect(() => assertCan(null, 'reference.view')).toThrow(LockedError)
  expect(() => assertCan(undefined, 'visit.view')).toThrow(/locked/)
})

it('says what was refused in plain words', () => {
  expect(() => assertCan('reception', 'visit.view')).toThrow(
    'A reception account cannot open visit notes, findings or plans. Ask a clinician.',
  )
})
