import type { AuthStore } from './authStore'
import type { AuditSink, AuthService, AuthState, SetupInput, SignInResult } from './authTypes'
import { RECOVERY_HOLDER, recoverWithWords, setupClinic } from './clinicSetup'
import {
  LockedError,
  SignInDelayError,
  StaffError,
  TamperedDataError,
  WeakPassphraseError,
  WrongPassphraseError,
} from './errors'
import { SIGN_IN_COST, type Argon2idCost } from './kdf'
import { assertCan, can, type Action } from './policy'
import type { RecoverySheet } from './recoverySheet'
import type { KeySession } from './session'
import { StaffAdmin } from './staffAdmin'
import {
  sealStaff,
  staffSealValid,
  stripSeal,
  summarize,
  type StaffInput,
  type StaffMember,
  type StaffSummary,
} from './staff'
import { checkStrength, type Strength } from './strength'
import { NO_FAILURES, recordFailure, waitRemaining, type ThrottleState } from './throttle'
import { unwrapWithPassphrase, wrapWithPassphrase } from './wrap'

export interface ClinicAuthOptions {
  store: AuthStore
  session: KeySession
  audit?: AuditSink
  clock?: () => Date
  newId?: () => string
  /** Argon2id cost of new wraps; tests pass a light one. */
  kdfCost?: Argon2idCost
  /** Strength rule; tests of other things may pass a lenient one. */
  strength?: (passphrase: string, userInputs: string[]) => Promise<Strength>
}

/**
 * Staff sign-in, lock and recovery over the key session. A passphrase is never stored or
 * compared: it derives (Argon2id) the key that unwraps the data key, and a wrong one simply
 * fails to unwrap. Every refusal leaves the store as it was (except the wrong-try counter).
 */
export class ClinicAuth implements AuthService {
  #state: AuthState = { phase: 'loading' }
  readonly #listeners = new Set<(s: AuthState) => void>()
  readonly clock: () => Date
  readonly newId: () => string
  readonly kdfCost: Argon2idCost
  readonly #strength: (passphrase: string, userInputs: string[]) => Promise<Strength>
  readonly #admin: StaffAdmin

  constructor(readonly opts: ClinicAuthOptions) {
    this.clock = opts.clock ?? (() => new Date())
    this.newId = opts.newId ?? (() => crypto.randomUUID())
    this.kdfCost = opts.kdfCost ?? SIGN_IN_COST
    this.#strength = opts.strength ?? checkStrength
    this.#admin = new StaffAdmin(this)
  }

  get state(): AuthState {
    return this.#state
  }

  subscribe(listener: (state: AuthState) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Internal (used by recovery.ts and setup): moves the state and tells subscribers. */
  setState(state: AuthState): void {
    this.#state = state
    for (const l of this.#listeners) l(state)
  }

  /** The signed-in, unlocked user; LockedError otherwise. */
  get user(): StaffSummary {
    if (this.#state.phase !== 'unlocked' || !this.opts.session.isOpen) throw new LockedError()
    return this.#state.user
  }

  can(action: Action): boolean {
    return this.#state.phase === 'unlocked' && can(this.#state.user.role, action)
  }

  assert(action: Action): StaffSummary {
    const user = this.user
    assertCan(user.role, action)
    return user
  }

  async init(): Promise<AuthState> {
    const clinic = await this.opts.store.clinic()
    this.setState(clinic ? { phase: 'signed-out' } : { phase: 'needs-setup' })
    return this.#state
  }

  checkStrength(passphrase: string, userInputs: string[] = []): Promise<Strength> {
    return this.#strength(passphrase, userInputs)
  }

  /** Throws WeakPassphraseError unless the estimator accepts it. */
  async assertStrong(passphrase: string, userInputs: string[]): Promise<void> {
    const s = await this.#strength(passphrase, userInputs)
    if (!s.acceptable) throw new WeakPassphraseError(s.message)
  }

  async audit(event: Parameters<AuditSink['append']>[0]): Promise<void> {
    await this.opts.audit?.append(event)
  }

  setupClinic(input: SetupInput): Promise<{ sheet: RecoverySheet }> {
    return setupClinic(this, input)
  }

  async signInChoices(): Promise<StaffSummary[]> {
    const all = await this.opts.store.staff()
    return all
      .filter((s) => s.active && s.wrap)
      .map(summarize)
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  /** Internal: SignInDelayError while `key` must still wait after wrong tries; else its state. */
  async throttled(key: string): Promise<ThrottleState> {
    const state = await this.opts.store.throttle(key)
    const wait = waitRemaining(state, this.clock().getTime())
    if (wait > 0) throw new SignInDelayError(wait)
    return state
  }

  /** Internal: counts a wrong try and records it for the audit trail. */
  async failed(key: string, staffId: string): Promise<void> {
    const state = recordFailure(await this.opts.store.throttle(key), this.clock().getTime())
    await this.opts.store.putThrottle(key, state)
    await this.opts.audit?.appendWhileLocked({
      kind: 'session.signInFailed',
      actorId: staffId,
      detail: { tries: state.failures },
    })
  }

  async signIn(staffId: string, passphrase: string): Promise<SignInResult> {
    const member = await this.opts.store.staffMember(staffId)
    if (!member) throw new StaffError('That account is not here any more. Choose your name again.')
    if (!member.active || !member.wrap) {
      throw new StaffError('This account is switched off. Ask the clinic owner to switch it back on.')
    }
    const tries = await this.throttled(staffId)
    let dataKey: CryptoKey
    try {
      dataKey = await unwrapWithPassphrase(member.wrap, passphrase, member.id)
    } catch (e) {
      if (e instanceof WrongPassphraseError) await this.failed(staffId, staffId)
      throw e
    }
    const wasLocked = this.#state.phase === 'locked' && this.#state.user.id === staffId
    return this.openSession(dataKey, member, wasLocked ? 'session.unlock' : 'session.signIn', tries)
  }

  /**
   * Internal: opens the session for `member`, checking their record's seal with the key just
   * opened. `tries`: their wrong-try state as read before the unwrap; when it shows none, the
   * counter is not written again (a write on every unlock, in the path of the screen).
   */
  async openSession(
    dataKey: CryptoKey,
    member: StaffMember,
    kind: 'session.signIn' | 'session.unlock' | 'session.recovery',
    tries?: ThrottleState,
  ): Promise<SignInResult> {
    this.opts.session.close()
    const ring = await this.opts.session.open(dataKey)
    if (!(await staffSealValid(ring.sealKey, member))) {
      this.opts.session.close()
      throw new TamperedDataError('This staff account')
    }
    if (!tries || tries.failures > 0) await this.opts.store.putThrottle(member.id, NO_FAILURES)
    const user = summarize(member)
    this.setState({ phase: 'unlocked', user })
    await this.opts.audit?.flushPending()
    await this.audit({ kind, actorId: member.id })
    return { user, mustChangePassphrase: member.mustChangePassphrase }
  }

  async lock(): Promise<void> {
    if (this.#state.phase !== 'unlocked') return
    const user = this.#state.user
    try {
      await this.audit({ kind: 'session.lock', actorId: user.id })
    } finally {
      // Locking must happen even if the audit write fails (disk full): the keys go first.
      this.opts.session.close()
      this.setState({ phase: 'locked', user })
    }
  }

  async signOut(): Promise<void> {
    if (this.#state.phase === 'unlocked') {
      try {
        await this.audit({ kind: 'session.signOut', actorId: this.#state.user.id })
      } finally {
        this.opts.session.close()
      }
    }
    this.opts.session.close()
    this.setState({ phase: 'signed-out' })
  }

  recover(words: string, ownerId: string, newPassphrase: string): Promise<SignInResult> {
    return recoverWithWords(this, words, ownerId, newPassphrase)
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const user = this.assert('session.changeOwnPassphrase')
    const member = await this.opts.store.staffMember(user.id)
    if (!member?.wrap) throw new LockedError()
    if (current === next)
      throw new WeakPassphraseError('The new passphrase is the same as the old one. Choose a new one.')
    await this.throttled(user.id)
    try {
      // Proves the person at the keyboard knows the passphrase, not only that the app is open.
      await unwrapWithPassphrase(member.wrap, current, member.id)
    } catch (e) {
      if (e instanceof WrongPassphraseError) await this.failed(user.id, user.id)
      throw e
    }
    const clinic = await this.opts.store.clinic()
    await this.assertStrong(next, [member.name, member.registration, clinic?.clinicName ?? ''])
    const now = this.clock()
    const renewed = await sealStaff(this.opts.session.ring.sealKey, {
      ...stripSeal(member),
      mustChangePassphrase: false,
      wrap: await wrapWithPassphrase(this.opts.session.dataKey, next, member.id, this.kdfCost, now),
      updatedAt: now.toISOString(),
    })
    await this.opts.store.putStaff(renewed)
    this.setState({ phase: 'unlocked', user: summarize(renewed) })
    await this.audit({ kind: 'staff.passphraseChanged', actorId: user.id })
  }

  // ---- owner: staff and recovery key (staffAdmin.ts) --------------------------------------------

  listStaff(): Promise<StaffSummary[]> {
    return this.#admin.list()
  }
  addStaff(input: StaffInput, temporaryPassphrase: string): Promise<StaffSummary> {
    return this.#admin.add(input, temporaryPassphrase)
  }
  updateStaff(id: string, input: StaffInput): Promise<StaffSummary> {
    return this.#admin.update(id, input)
  }
  deactivateStaff(id: string): Promise<StaffSummary> {
    return this.#admin.deactivate(id)
  }
  reactivateStaff(id: string, temporaryPassphrase: string): Promise<StaffSummary> {
    return this.#admin.reactivate(id, temporaryPassphrase)
  }
  resetPassphrase(id: string, temporaryPassphrase: string): Promise<StaffSummary> {
    return this.#admin.resetPassphrase(id, temporaryPassphrase)
  }
  newRecoveryKey(): Promise<{ sheet: RecoverySheet }> {
    return this.#admin.newRecoveryKey(RECOVERY_HOLDER)
  }

  /** Used by StaffAdmin after it changes the signed-in user's own record. */
  refreshUser(member: StaffMember): void {
    if (this.#state.phase === 'unlocked' && this.#state.user.id === member.id) {
      this.setState({ phase: 'unlocked', user: summarize(member) })
    }
  }
}
