import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import { can, type Action } from '@renderer/security/policy'
import { authState } from './appSession'

/**
 * The action each screen needs, so a screen a role may not use is never opened, however it was
 * reached (a link, the history, a URL typed in). The repository refuses the data anyway; this
 * only turns the refusal into a plain page instead of a broken one.
 */
const SCREEN_NEEDS: Record<string, Action> = {
  visit: 'visit.view',
  'handout-new': 'handout.create',
  trash: 'trash.view',
  finder: 'reference.view',
  medcheck: 'reference.view',
}

export function neededFor(to: RouteLocationNormalized): Action | undefined {
  const fromMeta = to.meta['needs']
  if (typeof fromMeta === 'string') return fromMeta as Action
  return typeof to.name === 'string' ? SCREEN_NEEDS[to.name] : undefined
}

/** The router's guard: true to go on, or the plain refusal page. */
export function screenGuard(to: RouteLocationNormalized): true | RouteLocationRaw {
  const action = neededFor(to)
  if (!action) return true
  const s = authState.value
  // Before sign-in nothing renders; the gate decides. After it, the role does.
  if (s.phase !== 'unlocked' && s.phase !== 'locked') return true
  if (can(s.user.role, action)) return true
  return { name: 'not-allowed', query: { action } }
}
