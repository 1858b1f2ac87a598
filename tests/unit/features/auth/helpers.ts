import { defineComponent, h, type Component } from 'vue'
import { mount } from '@vue/test-utils'
import { vi } from 'vitest'
import { provideAuth } from '@renderer/features/auth/authContext'
import type { AuthService } from '@renderer/security/authTypes'

/** Mounts a screen under a parent that provides the (real) auth service, attached to the page. */
export function mountWithAuth(service: AuthService, screen: Component, props: Record<string, unknown> = {}) {
  const Host = defineComponent({
    setup() {
      provideAuth(service)
      return () => h(screen, props)
    },
  })
  return mount(Host, { attachTo: document.body })
}

export async function type(el: Element | null, value: string): Promise<void> {
  if (!el) throw new Error('no such field')
  const input = el as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
}

/** vi.waitFor with a margin wide enough for a loaded 2-core machine (CI must pass every time). */
export function until<T>(fn: () => T | Promise<T>, _opts?: unknown): Promise<T> {
  return vi.waitFor(fn, { timeout: 20_000, interval: 20 })
}
