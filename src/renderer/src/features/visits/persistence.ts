import { notesRepo } from '@renderer/notes/instance'

export const PERSIST_ASKED_KEY = 'storage.persistRequested'

/**
 * Asks the browser engine once to keep this app's storage even when the disk runs low (without
 * it, IndexedDB is "best effort" and may be evicted). Asked again only from the Storage panel.
 */
export async function requestPersistenceOnce(): Promise<void> {
  if (!navigator.storage?.persist) return
  if (await notesRepo.getSetting(PERSIST_ASKED_KEY)) return
  const granted = await navigator.storage.persist().catch(() => false)
  await notesRepo.setSetting(PERSIST_ASKED_KEY, { at: new Date().toISOString(), granted })
}
