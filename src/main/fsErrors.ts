/** File-system errors in words a clinic receptionist can act on. */
/** Turns a file-system error into a sentence a clinic receptionist can act on. */
export function describeFsError(e: unknown, action: 'save' | 'open'): string {
  const code = (e as NodeJS.ErrnoException)?.code
  const verb = action === 'save' ? 'saved' : 'opened'
  switch (code) {
    case 'ENOSPC':
      return `The file could not be ${verb}: the disk is full. Free some space or choose another drive.`
    case 'EACCES':
    case 'EPERM':
      return `The file could not be ${verb}: this folder does not allow it. Choose another folder.`
    case 'EROFS':
      return `The file could not be ${verb}: the drive is read-only.`
    case 'ENOENT':
      return `The file could not be ${verb}: the file or folder no longer exists.`
    case 'EISDIR':
      return `The file could not be ${verb}: that is a folder, not a file.`
    default:
      return `The file could not be ${verb} (${code ?? (e as Error)?.message ?? 'unknown error'}).`
  }
}
