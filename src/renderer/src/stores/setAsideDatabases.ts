import { listSetAside, removeSetAside, type SetAsideDatabase } from '@renderer/notes/backup/setAside'
import { notesDb } from '@renderer/notes/instance'
import { auditLog } from '@renderer/security/instance'
import { signedInActor } from './backupStream'

export type { SetAsideDatabase }

/** The databases restores set aside on this computer, newest first. */
export function setAsideDatabases(): Promise<SetAsideDatabase[]> {
  return listSetAside()
}

/** Removes one for good, as the signed-in person (refused unless the owner), audited. */
export function removeSetAsideDatabase(name: string): Promise<void> {
  return removeSetAside({
    name,
    actor: signedInActor(),
    inUse: notesDb.name,
    audit: (event) => auditLog.append(event).then(() => undefined),
  })
}
