/**
 * What each file the app saves or opens is for. The renderer names a purpose; main (and the
 * browser fallback) decide the dialog filter, the extension and the file mode from it, so a page
 * can never ask for `report.exe` or a dialog that offers every file type.
 */

export interface FileKind {
  /** Dialog filter label, in the user's words. */
  label: string
  /** Allowed extensions, lower case, without the dot; the first is the one a saved name gets. */
  extensions: readonly string[]
}

export const SAVE_PURPOSES = {
  // Both hold health information: readable by the user's own account only (0600).
  'handout-pdf': { label: 'PDF document', extensions: ['pdf'], mode: 0o600, viewable: true },
  // Version 2 backups are binary (encrypted); version 1 files were JSON and still open.
  backup: { label: 'Cramp Clinic backup', extensions: ['ccbackup', 'json'], mode: 0o600, viewable: false },
  // Who opened and changed which patient's record: as private as the records.
  'audit-csv': { label: 'Audit trail (CSV)', extensions: ['csv'], mode: 0o600, viewable: false },
} as const satisfies Record<string, FileKind & { mode: number; viewable: boolean }>

export const OPEN_PURPOSES = {
  backup: { label: 'Cramp Clinic backup', extensions: ['ccbackup', 'json'] },
  logo: { label: 'Logo image (PNG, JPEG or SVG)', extensions: ['png', 'jpg', 'jpeg', 'svg'] },
} as const satisfies Record<string, FileKind>

export type SavePurpose = keyof typeof SAVE_PURPOSES
export type OpenPurpose = keyof typeof OPEN_PURPOSES

export const SAVE_PURPOSE_NAMES = Object.keys(SAVE_PURPOSES) as [SavePurpose, ...SavePurpose[]]
export const OPEN_PURPOSE_NAMES = Object.keys(OPEN_PURPOSES) as [OpenPurpose, ...OpenPurpose[]]

/** A dialog filter in Electron's shape. */
export function filterFor(kind: FileKind): { name: string; extensions: string[] } {
  return { name: kind.label, extensions: [...kind.extensions] }
}

/**
 * The name or path with an extension the purpose allows: kept when it already has one
 * (any case), otherwise the purpose's own is added (`notes.txt` -> `notes.txt.pdf`).
 */
export function withAllowedExtension(nameOrPath: string, kind: FileKind): string {
  const dot = nameOrPath.lastIndexOf('.')
  const sep = Math.max(nameOrPath.lastIndexOf('/'), nameOrPath.lastIndexOf('\\'))
  const ext = dot > sep + 1 ? nameOrPath.slice(dot + 1).toLowerCase() : ''
  return kind.extensions.includes(ext) ? nameOrPath : `${nameOrPath}.${kind.extensions[0]}`
}
