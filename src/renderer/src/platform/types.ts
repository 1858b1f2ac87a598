import type { AppInfo, OpenPurpose, SavePurpose } from '@shared/ipc'

export type { AppInfo, OpenPurpose, SavePurpose }

export interface SaveOptions {
  /** What the file is: decides its type, extension and dialog filter (not the caller). */
  purpose: SavePurpose
  suggestedName: string
  data: Uint8Array
}

/** `path` is null in the browser, where the file goes to the downloads folder. */
export type SaveOutcome = { status: 'saved'; name: string; path: string | null } | { status: 'cancelled' }

export interface OpenOptions {
  /** What the file is for: decides which file types the dialog offers. */
  purpose: OpenPurpose
  maxBytes: number
}

export type OpenOutcome = { status: 'opened'; name: string; data: Uint8Array } | { status: 'cancelled' }

/** A file being written in pieces; nothing carries its name until `finish`. */
export interface SaveSink {
  readonly name: string
  write(data: Uint8Array): Promise<void>
  finish(): Promise<{ name: string; path: string | null }>
  /** Deletes what was written; safe to call twice or after a failure. */
  abort(): Promise<void>
}

/** A file read in pieces at offsets. */
export interface ReadSource {
  readonly name: string
  readonly size: number
  read(offset: number, length: number): Promise<Uint8Array>
  close(): Promise<void>
}

/** One interface over the desktop bridge and the plain browser. Failures throw PlatformError. */
export interface Platform {
  readonly kind: 'desktop' | 'browser'
  appInfo(): Promise<AppInfo>
  saveFile(opts: SaveOptions): Promise<SaveOutcome>
  openFile(opts: OpenOptions): Promise<OpenOutcome>
  /** Asks where to save, then takes the file in pieces; null when the user cancels. */
  saveStream(purpose: SavePurpose, suggestedName: string): Promise<SaveSink | null>
  /** Asks which file to open, then gives it in pieces; null when the user cancels. */
  openStream(purpose: OpenPurpose): Promise<ReadSource | null>
  /** Can a saved handout be opened in the system viewer? (Not in the browser.) */
  readonly canOpenPath: boolean
  /** Opens a PDF saved in this session in the system viewer; main refuses anything else. */
  openPath(path: string): Promise<void>
  printPdf(data: Uint8Array, title: string): Promise<void>
  /** Menu "About" in the desktop app. Returns an unsubscribe function. */
  onAbout(fn: () => void): () => void
}

/** A failure with a message written for the user. */
export class PlatformError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlatformError'
  }
}
