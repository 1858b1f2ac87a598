import type { RecordKind } from '@renderer/notes/model'
import type { NotesRepository } from '@renderer/notes/repository'
import type { LeftCopy } from '@renderer/notes/recovery'
import { openPageHideCopy, readStoredCopy } from '@renderer/notes/pageHideCopy'
import { LockedError, TamperedDataError } from '@renderer/security/errors'
import { forgetUnreadable, noteUnreadable } from './unreadableCopies'

export const VISIT_STASH_PREFIX = 'cramp.visit-draft.'
export const PATIENT_STASH_PREFIX = 'cramp.patient-draft.'

/** localStorage key of a window's page-hide copy of a record: one per record and window. */
export function stashKey(kind: RecordKind, id: string, window: string): string {
  return `${kind === 'visit' ? VISIT_STASH_PREFIX : PATIENT_STASH_PREFIX}${id}@${window}`
}

interface Found {
  copy: LeftCopy
  window: string
  forget(): Promise<void>
}

/**
 * Text left behind by windows: crash copies in IndexedDB (written every second a record could
 * not take the text) and page-hide copies in localStorage (also those of older app versions).
 * Each is put into the database by the repository, which keeps both where the record changed
 * since (recovery.ts), so the text is in searches and backups even if that record is never
 * opened again. Copies of windows still open are left to them; with `only`, the copies of that
 * one record are taken, this window's included (it is about to open the record).
 * Returns how many copies were put into the database.
 */
export async function recoverDrafts(
  repo: NotesRepository,
  options: {
    storage?: Storage
    openWindows?: Set<string> | null
    only?: { kind: RecordKind; id: string }
  } = {},
): Promise<number> {
  const storage = options.storage ?? localStorage
  const open = options.openWindows ?? null
  const me = repo.author.window
  const mayTake = (window: string): boolean =>
    options.only ? window === me || !open?.has(window) : window !== me && !open?.has(window)
  const found: Found[] = []

  for (const row of await repo.crashCopies(options.only?.id)) {
    if (options.only && row.kind !== options.only.kind) continue
    found.push({ copy: row, window: row.window, forget: () => repo.forgetCrashCopy(row.id) })
  }
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (k): k is string => !!k && (k.startsWith(VISIT_STASH_PREFIX) || k.startsWith(PATIENT_STASH_PREFIX)),
  )
  for (const key of keys) {
    const kind: RecordKind = key.startsWith(VISIT_STASH_PREFIX) ? 'visit' : 'patient'
    const rest = key.slice((kind === 'visit' ? VISIT_STASH_PREFIX : PATIENT_STASH_PREFIX).length)
    const [id = '', window = ''] = rest.split('@')
    if (options.only && (options.only.kind !== kind || options.only.id !== id)) continue
    const forget = async (): Promise<void> => {
      storage.removeItem(key)
      forgetUnreadable(key)
    }
    let stash: Record<string, unknown> | undefined
    try {
      stash = await openStash(repo, key, storage.getItem(key))
    } catch (error) {
      // Kept as it is, and said so: it may be all that is left of someone's typing.
      if (error instanceof TamperedDataError) noteUnreadable({ key, kind, recordId: id })
      continue
    }
    const copy = stash && (await fromStash(repo, kind, id, stash))
    if (copy) found.push({ copy, window, forget })
    else await forget()
  }

  let saved = 0
  for (const f of found) {
    if (!mayTake(f.window)) continue
    try {
      const outcome = await repo.recoverCopy(f.copy)
      if (outcome === 'record-missing') continue
      await f.forget()
      if (outcome !== 'nothing-new') saved++
    } catch {
      // Not valid or not writable now: the copy stays for the next start.
    }
  }
  return saved
}

/**
 * What a localStorage copy holds: today's copies are sealed with the clinic's keys; copies from
 * before sealing are clear JSON, taken once like any other and then removed. Undefined: not a
 * copy at all. Throws LockedError while locked (the copy waits) and TamperedDataError when it
 * does not open.
 */
async function openStash(
  repo: NotesRepository,
  key: string,
  raw: string | null,
): Promise<Record<string, unknown> | undefined> {
  const stored = readStoredCopy(raw)
  if (stored.form === 'junk') return undefined
  if (stored.form === 'clear') return stored.value
  const keys = repo.db.keySource
  if (!keys) throw new LockedError()
  return openPageHideCopy(keys().fieldKey, key, stored.ciphertext)
}

/** A copy's content: today's ({ baseRev, fields }) or an older app's ({ baseRevision, draft }). */
async function fromStash(
  repo: NotesRepository,
  kind: RecordKind,
  id: string,
  opened: Record<string, unknown>,
): Promise<LeftCopy | undefined> {
  const stash = opened as {
    baseRev?: unknown
    baseRevision?: unknown
    fields?: unknown
    draft?: unknown
    at?: unknown
  }
  const fields = (stash.fields ?? stash.draft) as Record<string, unknown> | undefined
  if (!fields || typeof fields !== 'object') return undefined
  let baseRev: string | null = typeof stash.baseRev === 'string' ? stash.baseRev : null
  if (baseRev === null && typeof stash.baseRevision === 'number') {
    const current = kind === 'visit' ? await repo.getVisit(id) : await repo.getPatient(id)
    baseRev = current && current.revision === stash.baseRevision ? current.rev : null
  }
  const { handouts: _handouts, ...rest } = fields
  return {
    kind,
    recordId: id,
    baseRev,
    fields: rest,
    at: typeof stash.at === 'string' ? stash.at : new Date().toISOString(),
    savedBy: { device: repo.author.device, window: '', authorId: null },
  }
}
