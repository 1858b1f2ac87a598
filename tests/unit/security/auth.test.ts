import { describe, expect, it } from 'vitest'
import {
  LockedError,
  SignInDelayError,
  StaffError,
  TamperedDataError,
  WeakPassphraseError,
  WrongPassphraseError,
  WrongRecoveryKeyError,
} from '../../../src/renderer/src/security/errors'
import { decryptValue, encryptValue } from '../../../src/renderer/src/security/fieldCrypto'
import { PermissionError } from '../../../src/renderer/src/security/policy'
import { CLINIC, OWNER_PASS, SecurityTestDB, dumpTables, makeAuth, setUpClinic } from './helpers'

const CAL = { name: 'Cal Clinician', role: 'clinician' as const, registration: 'HCPC CH20002' }
const RAE = { name: 'Rae Reception', role: 'reception' as const, registration: '' }
const TEMP = 'lantern meadow copper fig'
const CAL_OWN = 'orbit pebble saffron tundra'

/** Wrong-passphrase attempts change only the try counter; everything else stays as it was. */
async function withoutThrottle(db: SecurityTestDB) {
  const { signInThrottle: _t, auditPending: _p, ...rest } = await dumpTables(db)
  return rest
}

describe('first run', () => {
  it('needs setup until the owner is made, then gives the recovery sheet and signs the owner in', async () => {
    const t = makeAuth()
    expect(await t.auth.init()).toEqual({ phase: 'needs-setup' })
    const { sheet } = await t.auth.setupClinic({
      clinicName: ` ${CLINIC} `,
      owner: { name: 'Olive Owner', role: 'owner', registration: 'HCPC CH10001' },
      passphrase: OWNER_PASS,
    })
    expect(sheet.clinicName).toBe(CLINIC)
    expect(sheet.words).toHaveLength(12)
    expect(t.auth.state).toMatchObject({ phase: 'unlocked', user: { name: 'Olive Owner', role: 'owner' } })
    const staff = await t.db.staff.toArray()
    expect(JSON.stringify(staff)).not.toContain(OWNER_PASS)
    expect(staff[0]!.wrap!.kdf.algorithm).toBe('argon2id')
    expect((await t.auth.init()).phase).toBe('signed-out')
  })

  it('refuses a weak passphrase, a missing registration number and a second setup, storing nothing', async () => {
    const t = makeAuth()
    await t.auth.init()
    const owner = { name: 'Olive Owner', role: 'owner' as const, registration: 'HCPC CH10001' }
    await expect(
      t.auth.setupClinic({ clinicName: CLINIC, owner, passphrase: 'password123' }),
    ).rejects.toBeInstanceOf(WeakPassphraseError)
    await expect(
      t.auth.setupClinic({
        clinicName: CLINIC,
        owner: { ...owner, registration: '' },
        passphrase: OWNER_PASS,
      }),
    ).rejects.toThrow(/registration number is needed/)
    expect(await t.db.staff.count()).toBe(0)
    expect(t.session.isOpen).toBe(false)
    await t.auth.setupClinic({ clinicName: CLINIC, owner, passphrase: OWNER_PASS })
    await expect(t.auth.setupClinic({ clinicName: CLINIC, owner, passphrase: OWNER_PASS })).rejects.toThrow(
      /already set up/,
    )
  })
})

describe('sign-in, lock and sign-out', () => {
  it('signs in with the right passphrase; a wrong one changes nothing but the try counter', async () => {
    const t = await setUpClinic()
    await t.auth.signOut()
    expect(t.session.isOpen).toBe(false)
    const before = await withoutThrottle(t.db)
    const e = await t.auth.signIn(t.ownerId, 'amber kettle violin').catch((x: Error) => x)
    expect(e).toBeInstanceOf(WrongPassphraseError)
    expect(await withoutThrottle(t.db)).toEqual(before)
    expect(t.auth.state.phase).toBe('signed-out')
    const r = await t.auth.signIn(t.ownerId, OWNER_PASS)
    expect(r).toMatchObject({ user: { id: t.ownerId }, mustChangePassphrase: false })
    expect(t.auth.state.phase).toBe('unlocked')
  })

  it('makes each wrong try after the third wait longer, and a right one resets it', async () => {
    const t = await setUpClinic()
    await t.auth.signOut()
    for (let i = 0; i < 3; i++) {
      await expect(t.auth.signIn(t.ownerId, 'nope')).rejects.toBeInstanceOf(WrongPassphraseError)
    }
    const wait = (await t.auth.signIn(t.ownerId, OWNER_PASS).catch((x: Error) => x)) as Error
    expect(wait).toBeInstanceOf(SignInDelayError)
    expect(wait.message).toBe('Too many wrong passphrases for this account. Wait 1 second, then try again.')
    t.clock.advance(1000)
    await expect(t.auth.signIn(t.ownerId, 'nope')).rejects.toBeInstanceOf(WrongPassphraseError)
    expect(((await t.auth.signIn(t.ownerId, OWNER_PASS).catch((x) => x)) as SignInDelayError).waitMs).toBe(
      2000,
    )
    t.clock.advance(2000)
    await t.auth.signIn(t.ownerId, OWNER_PASS)
    expect(await t.db.signInThrottle.get(t.ownerId)).toMatchObject({ failures: 0 })
  })

  it('lock forgets the keys and keeps the user; unlock opens the same data again', async () => {
    const t = await setUpClinic()
    const ctx = { type: 'visit', id: 'v-1', field: 'note' }
    const sealed = await encryptValue(t.session.ring.fieldKey, 'calf cramps at night', ctx)
    await t.auth.lock()
    expect(t.auth.state).toMatchObject({ phase: 'locked', user: { id: t.ownerId } })
    expect(() => t.session.ring).toThrow(LockedError)
    expect(() => t.auth.user).toThrow(LockedError)
    await t.auth.signIn(t.ownerId, OWNER_PASS)
    expect(await decryptValue(t.session.ring.fieldKey, sealed, ctx)).toBe('calf cramps at night')
  })

  it('refuses an account whose role was raised on disk', async () => {
    const t = await setUpClinic()
    await t.auth.addStaff(RAE, TEMP)
    const rae = (await t.db.staff.toArray()).find((s) => s.name === RAE.name)!
    await t.auth.signOut()
    await t.db.staff.update(rae.id, { role: 'owner' })
    await expect(t.auth.signIn(rae.id, TEMP)).rejects.toBeInstanceOf(TamperedDataError)
    expect(t.session.isOpen).toBe(false)
    expect(t.auth.state.phase).toBe('signed-out')
  })
})

describe('passphrases', () => {
  it('a change rewraps the same data key: the old one stops working, the data still opens', async () => {
    const t = await setUpClinic()
    const ctx = { type: 'patient', id: 'p-1', field: 'name' }
    const sealed = await encryptValue(t.session.ring.fieldKey, 'Ann Müller', ctx)
    await expect(t.auth.changePassphrase('wrong one', CAL_OWN)).rejects.toBeInstanceOf(WrongPassphraseError)
    await expect(t.auth.changePassphrase(OWNER_PASS, 'password1234')).rejects.toBeInstanceOf(
      WeakPassphraseError,
    )
    await expect(t.auth.changePassphrase(OWNER_PASS, OWNER_PASS)).rejects.toThrow(/same as the old one/)
    await t.auth.changePassphrase(OWNER_PASS, CAL_OWN)
    await t.auth.signOut()
    await expect(t.auth.signIn(t.ownerId, OWNER_PASS)).rejects.toBeInstanceOf(WrongPassphraseError)
    await t.auth.signIn(t.ownerId, CAL_OWN)
    expect(await decryptValue(t.session.ring.fieldKey, sealed, ctx)).toBe('Ann Müller')
  })

  it('the recovery words open the clinic and set a new owner passphrase; wrong words change nothing', async () => {
    const t = await setUpClinic()
    const ctx = { type: 'patient', id: 'p-1', field: 'name' }
    const sealed = await encryptValue(t.session.ring.fieldKey, 'Ann Müller', ctx)
    await t.auth.signOut()
    const before = await withoutThrottle(t.db)
    const other = (await setUpClinic()).words
    await expect(t.auth.recover(other, t.ownerId, CAL_OWN)).rejects.toBeInstanceOf(WrongRecoveryKeyError)
    await expect(t.auth.recover('one two three', t.ownerId, CAL_OWN)).rejects.toThrow(/12 words/)
    expect(await withoutThrottle(t.db)).toEqual(before)
    const r = await t.auth.recover(t.words.toUpperCase(), t.ownerId, CAL_OWN)
    expect(r.user.id).toBe(t.ownerId)
    expect(await decryptValue(t.session.ring.fieldKey, sealed, ctx)).toBe('Ann Müller')
    await t.auth.signOut()
    await t.auth.signIn(t.ownerId, CAL_OWN)
  })

  it('a new recovery key replaces the old one', async () => {
    const t = await setUpClinic()
    const { sheet } = await t.auth.newRecoveryKey()
    await t.auth.signOut()
    await expect(t.auth.recover(t.words, t.ownerId, CAL_OWN)).rejects.toBeInstanceOf(WrongRecoveryKeyError)
    await t.auth.recover(sheet.words.map((w) => w.word).join(' '), t.ownerId, CAL_OWN)
  })
})

describe('staff management (owner)', () => {
  it('adds staff with a first passphrase that must be changed at first sign-in', async () => {
    const t = await setUpClinic()
    const cal = await t.auth.addStaff(CAL, TEMP)
    expect(cal).toMatchObject({ name: CAL.name, role: 'clinician', active: true, mustChangePassphrase: true })
    await t.auth.signOut()
    expect((await t.auth.signInChoices()).map((s) => s.name)).toEqual(['Cal Clinician', 'Olive Owner'])
    const r = await t.auth.signIn(cal.id, TEMP)
    expect(r.mustChangePassphrase).toBe(true)
    await t.auth.changePassphrase(TEMP, CAL_OWN)
    expect(t.auth.state).toMatchObject({ user: { mustChangePassphrase: false } })
  })

  it('reception and clinicians cannot manage staff', async () => {
    const t = await setUpClinic()
    const rae = await t.auth.addStaff(RAE, TEMP)
    const cal = await t.auth.addStaff(CAL, CAL_OWN)
    await t.auth.signOut()
    await t.auth.signIn(rae.id, TEMP)
    await expect(t.auth.listStaff()).rejects.toBeInstanceOf(PermissionError)
    await expect(t.auth.addStaff({ ...RAE, name: 'Sneaky' }, TEMP)).rejects.toThrow(
      'Only the clinic owner can add, change or deactivate staff.',
    )
    await expect(t.auth.resetPassphrase(cal.id, TEMP)).rejects.toBeInstanceOf(PermissionError)
    expect(t.auth.can('visit.view')).toBe(false)
    await t.auth.signIn(cal.id, CAL_OWN)
    await expect(t.auth.updateStaff(rae.id, { ...RAE, role: 'owner' })).rejects.toBeInstanceOf(
      PermissionError,
    )
    await expect(t.auth.newRecoveryKey()).rejects.toBeInstanceOf(PermissionError)
    expect(t.auth.can('visit.view')).toBe(true)
  })

  it('deactivating removes the key wrap: the old passphrase opens nothing; nobody is deleted', async () => {
    const t = await setUpClinic()
    const cal = await t.auth.addStaff(CAL, TEMP)
    await t.auth.deactivateStaff(cal.id)
    const stored = await t.db.staff.get(cal.id)
    expect(stored).toMatchObject({ active: false, wrap: null, name: CAL.name })
    expect((await t.auth.listStaff()).map((s) => s.name)).toContain(CAL.name)
    await t.auth.signOut()
    await expect(t.auth.signIn(cal.id, TEMP)).rejects.toThrow(/switched off/)
    expect((await t.auth.signInChoices()).map((s) => s.id)).not.toContain(cal.id)
    await t.auth.signIn(t.ownerId, OWNER_PASS)
    await t.auth.reactivateStaff(cal.id, CAL_OWN)
    await t.auth.signOut()
    await t.auth.signIn(cal.id, CAL_OWN)
  })

  it('keeps one active owner, and the owner cannot switch off their own account', async () => {
    const t = await setUpClinic()
    await expect(t.auth.deactivateStaff(t.ownerId)).rejects.toThrow(/your own account/)
    await expect(
      t.auth.updateStaff(t.ownerId, { name: 'Olive Owner', role: 'clinician', registration: 'HCPC CH10001' }),
    ).rejects.toBeInstanceOf(StaffError)
    const cal = await t.auth.addStaff(CAL, TEMP)
    await t.auth.updateStaff(cal.id, { ...CAL, role: 'owner' })
    await t.auth.updateStaff(t.ownerId, {
      name: 'Olive Owner',
      role: 'clinician',
      registration: 'HCPC CH10001',
    })
    expect(t.auth.state).toMatchObject({ user: { role: 'clinician' } })
  })

  it('the owner resets a forgotten passphrase; the person must change it at sign-in', async () => {
    const t = await setUpClinic()
    const cal = await t.auth.addStaff(CAL, TEMP)
    await t.auth.signOut()
    await t.auth.signIn(cal.id, TEMP)
    await t.auth.changePassphrase(TEMP, CAL_OWN)
    await t.auth.signIn(t.ownerId, OWNER_PASS)
    await expect(t.auth.resetPassphrase(cal.id, 'abc')).rejects.toBeInstanceOf(WeakPassphraseError)
    await t.auth.resetPassphrase(cal.id, 'velvet thimble orchard comet')
    await t.auth.signOut()
    await expect(t.auth.signIn(cal.id, CAL_OWN)).rejects.toBeInstanceOf(WrongPassphraseError)
    expect((await t.auth.signIn(cal.id, 'velvet thimble orchard comet')).mustChangePassphrase).toBe(true)
  })
})

it('writes every event to a chain that verifies, failed tries included', async () => {
  const t = await setUpClinic()
  const cal = await t.auth.addStaff(CAL, TEMP)
  await t.auth.lock()
  await expect(t.auth.signIn(t.ownerId, 'nope')).rejects.toBeInstanceOf(WrongPassphraseError)
  await t.auth.signIn(t.ownerId, OWNER_PASS)
  await t.auth.resetPassphrase(cal.id, CAL_OWN)
  await t.auth.signOut()
  await t.auth.signIn(t.ownerId, OWNER_PASS)
  const kinds = (await t.audit.page({}, 100)).map((e) => e.kind).reverse()
  expect(kinds).toEqual([
    'clinic.setup',
    'staff.added',
    'session.lock',
    'session.signInFailed',
    'session.unlock',
    'staff.passphraseReset',
    'session.signOut',
    'session.signIn',
  ])
  expect((await t.audit.verify()).ok).toBe(true)
})
