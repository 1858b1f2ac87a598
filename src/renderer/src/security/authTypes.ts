import type { AuditEvent } from '../audit/model'
import type { PendingAuditEvent } from '../audit/store'
import type { Action, Role } from './policy'
import type { RecoverySheet } from './recoverySheet'
import type { StaffInput, StaffSummary } from './staff'
import type { Strength } from './strength'

/** Where the app stands; the screens follow it. */
export type AuthState =
  | { phase: 'loading' }
  | { phase: 'needs-setup' }
  | { phase: 'signed-out' }
  | { phase: 'unlocked'; user: StaffSummary }
  /** The keys are forgotten but the screen behind is kept for this user to come back to. */
  | { phase: 'locked'; user: StaffSummary }

export interface SetupInput {
  clinicName: string
  owner: StaffInput
  passphrase: string
}

export interface SignInResult {
  user: StaffSummary
  /** The owner chose this passphrase (new account or reset): ask for a new one now. */
  mustChangePassphrase: boolean
}

/**
 * What the sign-in, lock, setup, passphrase and staff screens call. ClinicAuth implements it;
 * a store in the app can wrap it to make the state reactive.
 */
export interface AuthService {
  readonly state: AuthState
  subscribe(listener: (state: AuthState) => void): () => void
  /** Reads whether the clinic is set up; call once at start. */
  init(): Promise<AuthState>
  setupClinic(input: SetupInput): Promise<{ sheet: RecoverySheet }>
  /** Active staff, for the sign-in screen's list of people. */
  signInChoices(): Promise<StaffSummary[]>
  signIn(staffId: string, passphrase: string): Promise<SignInResult>
  /** Locks: keys forgotten, the same user (or another) signs in again. */
  lock(): Promise<void>
  signOut(): Promise<void>
  /** Opens the clinic with the recovery words and sets a new passphrase for an owner. */
  recover(words: string, ownerId: string, newPassphrase: string): Promise<SignInResult>
  changePassphrase(current: string, next: string): Promise<void>
  checkStrength(passphrase: string, userInputs?: string[]): Promise<Strength>
  can(action: Action): boolean
  /** Owner only, from here on. */
  listStaff(): Promise<StaffSummary[]>
  addStaff(input: StaffInput, temporaryPassphrase: string): Promise<StaffSummary>
  updateStaff(id: string, input: StaffInput): Promise<StaffSummary>
  deactivateStaff(id: string): Promise<StaffSummary>
  reactivateStaff(id: string, temporaryPassphrase: string): Promise<StaffSummary>
  resetPassphrase(id: string, temporaryPassphrase: string): Promise<StaffSummary>
  newRecoveryKey(): Promise<{ sheet: RecoverySheet }>
}

/** The audit trail as the auth service sees it (audit/log's AuditLog fits). */
export interface AuditSink {
  append(event: AuditEvent): Promise<unknown>
  appendWhileLocked(event: Omit<PendingAuditEvent, 'at'>): Promise<void>
  flushPending(): Promise<number>
}

export type { Role, StaffSummary }
