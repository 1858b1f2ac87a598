import { onScopeDispose } from 'vue'

/** The copy written to localStorage on page hide (read back by recoverDrafts.ts). */
export interface Stash<D> {
  baseRev: string
  fields: D
  at: string
}

/**
 * The last-moment copy of unsaved text: written to localStorage at once (synchronously) when
 * the page is hidden, closed or left, since an IndexedDB write started then may not finish.
 * A crash gives no such moment; the autosave's crash copy in IndexedDB covers that.
 */
export function usePageHideCopy<D>(options: {
  key: string | undefined
  unsaved(): boolean
  copy(): Stash<D>
  flush(): void
}): { writeStash(): void; clearStash(): void } {
  function writeStash(): void {
    if (!options.key || !options.unsaved()) return
    try {
      localStorage.setItem(options.key, JSON.stringify(options.copy()))
    } catch {
      // Full or unavailable: the crash copy in IndexedDB and the flush are still tried.
    }
  }

  function clearStash(): void {
    if (options.key) localStorage.removeItem(options.key)
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
  return { writeStash, clearStash }
}
