import type { ClinicAuth } from './auth'
import type { ClinicKeys } from './authStore'
import type { SetupInput, SignInResult } from './authTypes'
import { StaffError, TamperedDataError, WrongRecoveryKeyError } from './errors'
import { createDataKey } from './keyring'
import { RecoveryKey } from './recovery'
import { recoverySheet, type RecoverySheet } from './recoverySheet'
import { parseStaffInput, sealStaff, staffSealValid, stripSeal, summarize } from './staff'
import { NO_FAILURES } from './throttle'
import { unwrapWithRecoveryKey, wrapWithPassphrase, wrapWithRecoveryKey } from './wrap'

/** Whose recovery wrap it is (bound into the wrap's additional data). */
export const RECOVERY_HOLDER = 'clinic'
/** The wrong-try counter of the recovery words, apart from every account's. */
export const RECOVERY_THROTTLE = 'recovery'

/**
 * First run: a new data key, the owner's account wrapping it under their passphrase, and the
 * recovery key wrapping another copy. Written together or not at all; the owner is signed in.
 */
export async function setupClinic(auth: ClinicAuth, input: SetupInput): Promise<{ sheet: RecoverySheet }> {
  const { store, session } = auth.opts
  if (await store.clinic()) throw new StaffError('This clinic is already set up. Sign in instead.')
  const clinicName = input.clinicName.trim()
  if (!clinicName) throw new StaffError('Give the clinic a name: it is printed on the recovery sheet.')
  const owner = parseStaffInput({ ...input.owner, role: 'owner' })
  await auth.assertStrong(input.passphrase, [owner.name, owner.registration, clinicName])
  const now = auth.clock()
  const dataKey = await createDataKey()
  const recovery = RecoveryKey.generate()
  const id = auth.newId()
  const ring = await session.open(dataKey)
  try {
    const member = await sealStaff(ring.sealKey, {
      id,
      ...owner,
      active: true,
      mustChangePassphrase: false,
      wrap: await wrapWithPassphrase(dataKey, input.passphrase, id, auth.kdfCost, now),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    const clinic: ClinicKeys = {
      id: 'clinic',
      clinicName,
      createdAt: now.toISOString(),
      recoveryWrap: await wrapWithRecoveryKey(dataKey, recovery, RECOVERY_HOLDER, now),
    }
    await store.setup(clinic, member)
    auth.setState({ phase: 'unlocked', user: summarize(member) })
    await auth.audit({ kind: 'clinic.setup', actorId: id, detail: { clinic: clinicName } })
    return {
      sheet: recoverySheet({ clinicName, ownerName: owner.name, words: recovery.words, createdAt: now }),
    }
  } catch (e) {
    if (auth.state.phase !== 'unlocked') session.close()
    throw e
  }
}

/**
 * The owner's way back in when every owner passphrase is lost: the recovery words unwrap the
 * data key, and the chosen owner account gets a new passphrase. Wrong words change nothing but
 * the recovery try counter.
 */
export async function recoverWithWords(
  auth: ClinicAuth,
  words: string,
  ownerId: string,
  newPassphrase: string,
): Promise<SignInResult> {
  const { store, session } = auth.opts
  const recovery = RecoveryKey.fromWords(words)
  const [clinic, member] = await Promise.all([store.clinic(), store.staffMember(ownerId)])
  if (!clinic) throw new StaffError('This clinic is not set up yet.')
  if (!member || member.role !== 'owner') {
    throw new StaffError('Choose an owner account to open with the recovery key.')
  }
  await auth.assertStrong(newPassphrase, [member.name, member.registration, clinic.clinicName])
  await auth.throttled(RECOVERY_THROTTLE)
  let dataKey: CryptoKey
  try {
    dataKey = await unwrapWithRecoveryKey(clinic.recoveryWrap, recovery, RECOVERY_HOLDER)
  } catch (e) {
    if (e instanceof WrongRecoveryKeyError) await auth.failed(RECOVERY_THROTTLE, ownerId)
    throw e
  }
  session.close()
  const ring = await session.open(dataKey)
  if (!(await staffSealValid(ring.sealKey, member))) {
    session.close()
    throw new TamperedDataError('This owner account')
  }
  const now = auth.clock()
  const renewed = await sealStaff(ring.sealKey, {
    ...stripSeal(member),
    active: true,
    mustChangePassphrase: false,
    wrap: await wrapWithPassphrase(dataKey, newPassphrase, member.id, auth.kdfCost, now),
    updatedAt: now.toISOString(),
  })
  await store.putStaff(renewed)
  await store.putThrottle(RECOVERY_THROTTLE, NO_FAILURES)
  return auth.openSession(dataKey, renewed, 'session.recovery')
}
