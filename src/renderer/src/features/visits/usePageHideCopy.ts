import { onScopeDispose } from 'vue'
import { latestSeal } from './latestSeal'

/** The copy of a record's unsaved text, sealed before it reaches localStorage (recoverDrafts.ts). */
export interface Stash<D> {
  baseRev: string
  fields: D
  at: string
}

/**
 * The last-moment copy of unsaved text, written to localStorage at once (synchronously) when
 * the page is hidden, closed or left, since an IndexedDB write started then may not finish.
 * A closing page cannot wait for encryption either, so the copy is sealed in the background as
 * the text changes (`changed()`), and page hide writes only that sealed copy: nothing in clear
 * ever reaches localStorage. Without `seal` (or before the first seal ends) nothing is written.
 * A crash gives no such moment; the autosave's crash copy in IndexedDB covers that.
 */
export function usePageHideCopy<D>(options: {
  key: string | undefined
  unsaved(): boolean
  copy(): Stash<D>
  flush(): void
  seal?: (key: string, stash: Stash<D>) => Promise<string>
}): { changed(): void; clearStash(): void; sealed(): Promise<void> } {
  const { key, seal } = options
  const sealer = key && seal ? latestSeal(() => seal(key, options.copy())) : null

  function writeStash(): void {
    const sealed = sealer?.current
    if (!key || !sealed || !options.unsaved()) return
    try {
      localStorage.setItem(key, sealed)
    } catch {
      // Full or unavailable: the crash copy in IndexedDB and the flush are still tried.
    }
  }

  function clearStash(): void {
    if (key) localStorage.removeItem(key)
  }

  function onHide(): void {
    if (document.visibilityState === 'hidden') {
      writeStash()
      options.flush()
    }
  }
  function onUnload(): void {
    writeStash()
    options.flush()
  }
  document.addEventListener('visibilitychange', onHide)
  window.addEventListener('beforeunload', onUnload)
  window.addEventListener('pagehide', onUnload)

  onScopeDispose(() => {
    document.removeEventListener('visibilitychange', onHide)
    window.removeEventListener('beforeunload', onUnload)
    window.removeEventListener('pagehide', onUnload)
    if (options.unsaved()) {
      writeStash()
      options.flush()
    }
  })
  return {
    changed: () => sealer?.changed(),
    clearStash,
    sealed: async () => sealer?.idle(),
  }
}
