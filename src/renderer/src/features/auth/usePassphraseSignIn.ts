import { computed, ref } from 'vue'
import { SignInDelayError } from '@renderer/security/errors'
import type { SignInResult } from '@renderer/security/authTypes'
import { messageOf, useAuth } from './authContext'
import { useCountdown } from './useCountdown'

/**
 * One passphrase attempt, as the sign-in and lock screens both make it: the passphrase is
 * cleared after every try, and after wrong ones the wait the service imposes counts down in the
 * message and keeps the button off.
 */
export function usePassphraseSignIn() {
  const { service } = useAuth()
  const passphrase = ref('')
  const error = ref('')
  const busy = ref(false)
  const { seconds, start } = useCountdown()
  const shownError = computed(() =>
    seconds.value > 0 ? new SignInDelayError(seconds.value * 1000).message : error.value,
  )

  /** The result, or null when refused (the reason is in `error`) or while a try or wait runs. */
  async function attempt(staffId: string): Promise<SignInResult | null> {
    if (busy.value || seconds.value > 0) return null
    if (!passphrase.value) {
      error.value = 'Type your passphrase.'
      return null
    }
    busy.value = true
    error.value = ''
    try {
      return await service.signIn(staffId, passphrase.value)
    } catch (e) {
      error.value = messageOf(e)
      if (e instanceof SignInDelayError) start(e.waitMs)
      return null
    } finally {
      passphrase.value = ''
      busy.value = false
    }
  }

  return { passphrase, error, busy, seconds, shownError, attempt }
}
