/**
 * Work that needs the keys one last time before a lock: each open editor's pending autosave (or,
 * if that save fails, its crash copy, which is sealed too). The lock waits for all of it, so
 * "the autosave guarantee holds across a lock" is awaited rather than hoped for, and the keys
 * are dropped only after. No imports: editors register here without pulling in the app's
 * database and sign-in service.
 */
const hooks = new Set<() => Promise<unknown>>()

export function onBeforeLock(fn: () => Promise<unknown>): () => void {
  hooks.add(fn)
  return () => hooks.delete(fn)
}

/**
 * Runs every hook and waits until all have finished, failures included, but never longer than
 * `limitMs`: a disk that hangs must not keep the keys open indefinitely.
 */
export async function settleBeforeLock(limitMs = 10_000): Promise<void> {
  const all = Promise.allSettled([...hooks].map((fn) => fn()))
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)))
  await Promise.race([all, limit])
  clearTimeout(timer)
}
