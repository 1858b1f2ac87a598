import { ref, shallowRef } from 'vue'
import { clinicAuth, AUTO_LOCK_SETTING } from '@renderer/security/instance'
import { notesRepo } from '@renderer/notes/instance'
import type { AuthService, AuthState, SignInResult } from '@renderer/security/authTypes'
import { AutoLockTimer, autoLockMinutes } from '@renderer/security/autoLock'
import { settleBeforeLock } from '@renderer/security/beforeLock'

/**
 * The app's sign-in state as Vue sees it, and the two ways to lock (the button or shortcut, and
 * the idle timer). One per window, like the key session it follows.
 */
export const authState = shallowRef<AuthState>(clinicAuth.state)
clinicAuth.subscribe((s) => {
  authState.value = s
  document.documentElement.dataset['auth'] = s.phase
})

/** The person just signed in must choose their own passphrase (a new account, a reset). */
export const mustChangePassphrase = ref(false)

/**
 * The service the auth screens are given: the app's ClinicAuth, noting from each sign-in whether
 * a new passphrase is due (the screen that signed in is gone by the time it could say so).
 */
export const gateService: AuthService = new Proxy(clinicAuth, {
  get(target, prop) {
    const value = Reflect.get(target, prop, target) as unknown
    if (prop === 'signIn' || prop === 'recover') {
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<SignInResult>).apply(target, args)
        mustChangePassphrase.value = result.mustChangePassphrase
        return result
      }
    }
    return typeof value === 'function' ? (value as () => unknown).bind(target) : value
  },
})

/** True from the moment a lock is asked for: the screen is covered at once. */
export const covering = ref(false)

/**
 * The longest the keys stay open after the screen is covered while the editors' pending saves
 * (or crash copies) are written: each is awaited (security/beforeLock.ts), this only bounds a
 * disk that hangs.
 */
export const LOCK_GRACE_MS = 10_000

let locking: Promise<void> | null = null

/** Covers the screen now; saves what is pending (focus leaves the field); then forgets the keys. */
export function lockNow(): Promise<void> {
  if (authState.value.phase !== 'unlocked') return Promise.resolve()
  if (locking) return locking
  covering.value = true
  const active = document.activeElement
  // The editors save on blur: a lock mid-sentence saves the sentence.
  if (active instanceof HTMLElement) active.blur()
  locking = settleBeforeLock(LOCK_GRACE_MS)
    .then(() => clinicAuth.lock())
    .finally(() => {
      locking = null
    })
  return locking
}

/** Ends the session and starts the window afresh, so nothing of one person's screen reaches the next. */
export async function signOutAndRestart(): Promise<void> {
  covering.value = true
  await settleBeforeLock(LOCK_GRACE_MS)
  await clinicAuth.signOut().catch(() => undefined)
  location.reload()
}

export const autoLock = new AutoLockTimer({
  minutes: 5,
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const t = setTimeout(fn, ms)
    return () => clearTimeout(t)
  },
  onLock: () => void lockNow(),
})

export const autoLockSetting = ref(5)

export async function loadAutoLockSetting(): Promise<void> {
  autoLockSetting.value = autoLockMinutes(await notesRepo.getSetting<unknown>(AUTO_LOCK_SETTING))
  autoLock.setMinutes(autoLockSetting.value)
}

export async function saveAutoLockSetting(minutes: number): Promise<number> {
  const clean = autoLockMinutes(minutes)
  await notesRepo.setSetting(AUTO_LOCK_SETTING, clean)
  autoLockSetting.value = clean
  autoLock.setMinutes(clean)
  return clean
}
