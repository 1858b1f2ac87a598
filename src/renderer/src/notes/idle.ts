/**
 * Resolves after `pauseMs`, then as soon as the main thread is idle (at most `maxWaitMs` later).
 * Work that follows a sign-in (the note index, sealing old rows) waits for it, so the screen the
 * person comes back to is read and painted first. Without requestIdleCallback (Node tests) the
 * pause alone.
 */
export function whenIdle(pauseMs = 300, maxWaitMs = 2000): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function')
        requestIdleCallback(() => resolve(), { timeout: maxWaitMs })
      else resolve()
    }, pauseMs),
  )
}
