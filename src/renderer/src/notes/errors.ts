/** An error whose message can be shown to clinic staff as it is. */
export class NotesError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'NotesError'
  }
}

export class MissingRecordError extends NotesError {
  constructor(what: 'patient' | 'visit' | 'trash entry' | 'handout') {
    super(
      what === 'trash entry'
        ? 'That item is no longer in the trash.'
        : what === 'handout'
          ? 'This handout is no longer listed on its visit, so it cannot be reprinted from here.'
          : `This ${what} no longer exists: it may have been moved to the trash in another window. Restore it from the trash, then choose Retry; your text stays here meanwhile.`,
    )
    this.name = 'MissingRecordError'
  }
}

export class ValidationError extends NotesError {
  constructor(message: string) {
    super(message)
    this.name = 'ValidationError'
  }
}

/**
 * Someone else (another window or tab) saved the record after the version this edit was based
 * on. Carries what is stored now so the user can choose between the two.
 */
export class ConflictError<T = unknown> extends NotesError {
  constructor(
    readonly what: 'patient' | 'visit',
    readonly current: T,
  ) {
    super(`This ${what} was changed in another window.`)
    this.name = 'ConflictError'
  }
}

/** Storage refused the write (quota, private mode, disk full): the text stays in the editor. */
export function describeStorageError(error: unknown): string {
  if (error instanceof NotesError) return error.message
  const name = error instanceof Error ? error.name : ''
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? ''
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'The disk or the storage allowed for this app is full. Free some space, then retry.'
  }
  return `Could not save: ${error instanceof Error ? error.message : String(error)}`
}
