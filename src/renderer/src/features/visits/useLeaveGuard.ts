import { onBeforeRouteLeave, onBeforeRouteUpdate } from 'vue-router'
import type { Ref } from 'vue'
import type { SaveState } from './useAutosave'

/**
 * Leaving a record's screen (for another screen, or another record on the same screen) saves
 * first; if that cannot be done, asks, saying the text is kept on this computer either way.
 */
export function useLeaveGuard(
  what: 'visit' | 'patient',
  id: () => string,
  flush: () => Promise<boolean>,
  state: Ref<SaveState>,
): void {
  const words = what === 'visit' ? 'This note' : 'These details'
  async function mayLeave(): Promise<boolean> {
    if (await flush()) return true
    return window.confirm(
      state.value === 'conflict'
        ? `This ${what} was changed in another window and your text is not saved yet. It is kept on this computer and comes back, beside the other version, when you open the ${what} again. Leave anyway?`
        : `${words} could not be saved. A copy is kept on this computer and comes back when you open the ${what} again. Leave anyway?`,
    )
  }
  onBeforeRouteLeave(mayLeave)
  // Another record from the header search keeps this screen and only changes the id.
  onBeforeRouteUpdate((to) => (to.params['id'] === id() ? true : mayLeave()))
}
