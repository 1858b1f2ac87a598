import { inject, onBeforeUnmount, provide, shallowRef, type InjectionKey, type ShallowRef } from 'vue'
import type { AuthService, AuthState } from '@renderer/security/authTypes'

/**
 * The auth screens talk to an AuthService (security/authTypes), handed down by whoever mounts
 * them: the app's shell later, the component tests and the screenshot harness now.
 */
const KEY: InjectionKey<AuthService> = Symbol('auth-service')

export function provideAuth(service: AuthService): void {
  provide(KEY, service)
}

export function useAuth(): { service: AuthService; state: ShallowRef<AuthState> } {
  const service = inject(KEY)
  if (!service) throw new Error('No auth service provided: call provideAuth() in a parent component.')
  const state = shallowRef(service.state)
  const off = service.subscribe((s) => (state.value = s))
  onBeforeUnmount(off)
  return { service, state }
}

/** The message of an error thrown by the service (they are written for staff), or a fallback. */
export function messageOf(e: unknown): string {
  return e instanceof Error && e.message ? e.message : 'Something went wrong. Nothing was changed; try again.'
}
