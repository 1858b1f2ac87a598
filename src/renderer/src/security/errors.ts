/**
 * Errors of the security layer. Every message can be shown to clinic staff as it is, and every
 * one is thrown before anything is written: a wrong passphrase, a wrong recovery key or damaged
 * data never changes what is stored.
 */
export class SecurityError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SecurityError'
  }
}

export class WrongPassphraseError extends SecurityError {
  constructor() {
    super('That passphrase is not right. Check that Caps Lock is off, then try again.')
    this.name = 'WrongPassphraseError'
  }
}

export class WrongRecoveryKeyError extends SecurityError {
  constructor() {
    super(
      'These recovery words do not open this clinic’s records. Check each word against the recovery sheet, in order.',
    )
    this.name = 'WrongRecoveryKeyError'
  }
}

/** The words typed cannot be a recovery key at all (unknown word, wrong count, a typo). */
export class RecoveryWordsError extends SecurityError {
  constructor(message: string) {
    super(message)
    this.name = 'RecoveryWordsError'
  }
}

/**
 * Stored data failed its authentication check: it was changed outside the app, damaged on disk,
 * moved from another record, or belongs to another clinic's key.
 */
export class TamperedDataError extends SecurityError {
  constructor(what = 'This record') {
    super(
      `${what} could not be read: it was changed outside Cramp Clinic or is damaged. Nothing was changed. Restore it from a backup if it stays unreadable.`,
    )
    this.name = 'TamperedDataError'
  }
}

export class LockedError extends SecurityError {
  constructor() {
    super('Cramp Clinic is locked. Sign in to go on; nothing you typed is lost.')
    this.name = 'LockedError'
  }
}

export class SignInDelayError extends SecurityError {
  constructor(readonly waitMs: number) {
    const s = Math.ceil(waitMs / 1000)
    super(
      `Too many wrong passphrases for this account. Wait ${s === 1 ? '1 second' : `${s} seconds`}, then try again.`,
    )
    this.name = 'SignInDelayError'
  }
}

export class WeakPassphraseError extends SecurityError {
  constructor(message: string) {
    super(message)
    this.name = 'WeakPassphraseError'
  }
}

/** A staff rule was broken (inactive account, the last owner, a missing field). */
export class StaffError extends SecurityError {
  constructor(message: string) {
    super(message)
    this.name = 'StaffError'
  }
}
