import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'

/**
 * The result of a read through the repository, kept current: Dexie's liveQuery runs it again
 * whenever a write (in this window or another) touches what it read. Re-subscribes when `deps`
 * change; unsubscribes when the component or store that made it goes away.
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps?: WatchSource<unknown>,
): { value: ShallowRef<T | undefined>; error: ShallowRef<unknown>; loaded: ShallowRef<boolean> } {
  const value = shallowRef<T | undefined>()
  const error = shallowRef<unknown>(null)
  const loaded = shallowRef(false)
  let sub: Subscription | null = null
  const start = (): void => {
    sub?.unsubscribe()
    loaded.value = false
    sub = liveQuery(query).subscribe({
      next: (v) => {
        value.value = v
        error.value = null
        loaded.value = true
      },
      error: (e: unknown) => {
        error.value = e
        loaded.value = true
      },
    })
  }
  if (deps) watch(deps, start, { immediate: true })
  else start()
  onScopeDispose(() => sub?.unsubscribe())
  return { value, error, loaded }
}
