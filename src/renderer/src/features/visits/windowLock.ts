/**
 * Which windows of the app are open, through the Web Locks API: each window holds a lock named
 * after it for as long as it lives, and the browser engine lets go of it when the window closes
 * or its process dies. Start-up recovery takes over only the crash copies of windows that are
 * gone.
 */
const PREFIX = 'cramp-window:'
let held: Promise<void> | null = null

export function ensureWindowLock(window: string): Promise<void> {
  if (held || typeof navigator === 'undefined' || !navigator.locks) return held ?? Promise.resolve()
  held = new Promise<void>((granted) => {
    void navigator.locks.request(`${PREFIX}${window}`, () => {
      granted()
      // Never resolves: the lock is held until the window goes away.
      return new Promise<never>(() => undefined)
    })
  })
  return held
}

/** Ids of the windows that are open now; null where the browser cannot tell. */
export async function openWindows(): Promise<Set<string> | null> {
  if (typeof navigator === 'undefined' || !navigator.locks?.query) return null
  const state = await navigator.locks.query()
  return new Set(
    (state.held ?? [])
      .map((l) => l.name ?? '')
      .filter((n) => n.startsWith(PREFIX))
      .map((n) => n.slice(PREFIX.length)),
  )
}
