import type { RepoContext } from './context'
import { historyOf } from './history'
import type { RecordKind } from './model'
import { draftId, keepAside, kindOf, sameFields, updateRecord } from './records'
import type { Author } from './version'

/** Unsaved text left behind by a window: a crash copy (drafts table) or an older page-hide copy. */
export interface LeftCopy {
  kind: RecordKind
  recordId: string
  /** The version it was typed on; null when only an old revision number is known that no longer matches. */
  baseRev: string | null
  fields: Record<string, unknown>
  at: string
  savedBy: Author
}

export type RecoveryOutcome = 'saved' | 'kept-both' | 'nothing-new' | 'record-missing'

const CLOSED_NOTE = 'Unsaved text from a window that closed or crashed, kept beside the version saved since'

/**
 * Puts a copy left by a window that is gone into the database, losing nothing:
 * - typed on the version still stored: saved as the next version;
 * - the record changed since: the stored version stays and the copy is kept in its history as a
 *   conflict to settle, shown on the record's screen with every field that differs;
 * - nothing new (the same as what is stored, or a version already kept): dropped;
 * - the record is gone (in the trash): the caller keeps the copy for later.
 */
export async function recoverCopy(ctx: RepoContext, copy: LeftCopy): Promise<RecoveryOutcome> {
  const k = kindOf(copy.kind)
  const row = await k.table(ctx.db).get(copy.recordId)
  if (!row) return 'record-missing'
  const current = k.fromRow(row as never)
  const merged = { ...current, ...copy.fields }
  if (sameFields(copy.kind, current, merged)) return 'nothing-new'
  const kept = await historyOf(ctx.db, copy.recordId)
  if (kept.some((h) => sameFields(copy.kind, h.record, merged))) return 'nothing-new'
  if (copy.baseRev === current.rev) {
    await updateRecord({ ...ctx, author: copy.savedBy }, copy.kind, copy.recordId, current.rev, copy.fields, {
      newRun: true,
    })
    return 'saved'
  }
  await keepAside(ctx, copy.kind, copy.recordId, copy.fields, copy.baseRev ?? current.rev, CLOSED_NOTE, {
    unresolved: true,
    savedBy: copy.savedBy,
    savedAt: copy.at,
  })
  return 'kept-both'
}

/** Writes (or refreshes) this window's crash copy of a record's unsaved text. */
export async function writeCrashCopy(
  ctx: RepoContext,
  kind: RecordKind,
  recordId: string,
  baseRev: string,
  fields: Record<string, unknown>,
): Promise<void> {
  await ctx.db.drafts.put({
    id: draftId(kind, recordId, ctx.author.window),
    kind,
    recordId,
    window: ctx.author.window,
    baseRev,
    fields,
    at: ctx.now(),
    savedBy: ctx.author,
  })
}
