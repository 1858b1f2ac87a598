import type { AuthService } from '@renderer/security/authTypes'

export interface NewPassphraseProblems {
  passphrase?: string
  confirm?: string
}

/**
 * What is wrong with a new passphrase and its repeat, in plain words ({} when nothing). The
 * strength is asked afresh: the meter's verdict may still be for what was typed a moment ago.
 * The service refuses a weak one anyway; this says so before anything is sent.
 */
export async function newPassphraseProblems(
  service: Pick<AuthService, 'checkStrength'>,
  passphrase: string,
  confirm: string,
  userInputs: string[],
): Promise<NewPassphraseProblems> {
  const out: NewPassphraseProblems = {}
  if (!passphrase) out.passphrase = 'Choose a passphrase.'
  else {
    const strength = await service.checkStrength(passphrase, userInputs)
    if (!strength.acceptable) out.passphrase = strength.message
  }
  if (confirm !== passphrase) out.confirm = 'The two passphrases are not the same.'
  return out
}

/** The first problem, for forms that show one message. */
export function firstProblem(p: NewPassphraseProblems): string {
  return p.passphrase ?? p.confirm ?? ''
}
