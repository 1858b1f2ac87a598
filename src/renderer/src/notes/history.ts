import Dexie from 'dexie'
import type { RepoContext } from './context'
import type { NotesDB } from './db'
import {
  historyId,
  type HistoryEntry,
  type HistoryReason,
  type Patient,
  type RecordKind,
  type Visit,
} from './model'

/** A version of a record as a history entry. */
export function historyEntryOf(
  kind: RecordKind,
  record: Patient | Visit,
  why: HistoryReason,
  note: string,
  keptAt: string,
): HistoryEntry {
  const common = {
    id: historyId(record.id, record.rev),
    recordId: record.id,
    savedAt: record.updatedAt,
    keptAt,
    why,
    note,
  }
  return kind === 'patient'
    ? { ...common, kind, record: record as Patient }
    : { ...common, kind, record: record as Visit }
}

/** Puts a version into the history (a version already there is left as it was). */
export async function keepInHistory(
  ctx: RepoContext,
  kind: RecordKind,
  record: Patient | Visit,
  why: HistoryReason,
  note: string,
): Promise<HistoryEntry> {
  const entry = historyEntryOf(kind, record, why, note, ctx.now())
  const existing = await ctx.db.history.get(entry.id)
  if (existing) return existing
  await ctx.db.history.add(entry)
  return entry
}

/** Every kept version of a record, newest first (by when each was saved). */
export async function historyOf(db: NotesDB, recordId: string): Promise<HistoryEntry[]> {
  return db.history
    .where('[recordId+savedAt]')
    .between([recordId, Dexie.minKey], [recordId, Dexie.maxKey])
    .reverse()
    .toArray()
}

export async function historyVersion(
  db: NotesDB,
  recordId: string,
  rev: string,
): Promise<HistoryEntry | undefined> {
  return db.history.get(historyId(recordId, rev))
}

/** Deletes the history of records that are gone for good. */
export async function forgetHistory(db: NotesDB, recordIds: string[]): Promise<void> {
  for (const id of recordIds) {
    await db.history.where('[recordId+savedAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete()
  }
}
