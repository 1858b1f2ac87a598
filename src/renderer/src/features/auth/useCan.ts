import { can, type Action } from '@renderer/security/policy'
import { authState } from './appSession'

/** Whether the signed-in person may: for screens that leave out what the repository would refuse. */
export function canNow(action: Action): boolean {
  const s = authState.value
  return (s.phase === 'unlocked' || s.phase === 'locked') && can(s.user.role, action)
}
