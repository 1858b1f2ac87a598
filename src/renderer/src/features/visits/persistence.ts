import { notesRepo } from '@renderer/notes/instance'

export const PERSIST_ASKED_KEY = 'storage.persistRequested'

/**
 * Asks the browser engine at start-up, until it says yes, to keep this app's storage even when
 * the disk runs low (without it, IndexedDB is "best effort" and may be evicted). In the desktop
 * app main grants it to the app's own origin without a prompt; in a browser no prompt is shown
 * either, so asking at each start costs nothing. The answer is remembered for the Storage panel.
 */
export async function requestPersistence(): Promise<boolean> {
  if (!navigator.storage?.persist) return false
  if (await navigator.storage.persisted().catch(() => false)) return true
  const granted = await navigator.storage.persist().catch(() => false)
  await notesRepo.setSetting(PERSIST_ASKED_KEY, { at: new Date().toISOString(), granted })
  return granted
}
