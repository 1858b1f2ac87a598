import type { RepoContext } from '../context'
import { assertCan, type Role } from '../../security/policy'
import type { NotesDB } from '../db'
import { BACKUP_TABLES } from '../db'
import { visitsChanged } from '../searchIndex'
import { BackupError, LAST_BACKUP_KEY, type BackupPreview, type ParsedBackup } from './format'
import { emptyMergeReport, mergeBackup, type MergeReport } from './merge'
import { readBackup } from './read'
import { replaceWithBackup } from './replace'

export type RestoreMode = 'merge' | 'replace'

/**
 * A version 1 (unencrypted) backup applied for someone: only the owner may (security/policy.ts),
 * and "replace" is refused where signed notes exist, since it would leave their signatures
 * without their visits and signed notes are kept for good; a merge keeps them.
 */
export async function applyBackupAs(
  actor: { role: Role } | null,
  ctx: RepoContext,
  backup: ParsedBackup,
  mode: RestoreMode,
): Promise<RestoreResult> {
  assertCan(actor?.role, 'backup.restore')
  if (mode === 'replace' && ctx.db.tables.some((t) => t.name === 'signatures')) {
    if ((await ctx.db.table('signatures').count()) > 0) {
      throw new BackupError(
        'not-allowed',
        'This computer holds signed notes, which are kept for good: an older (unencrypted) backup cannot replace them. Choose Merge instead. Nothing was changed.',
      )
    }
  }
  return applyBackup(ctx, backup, mode)
}

export interface RestoreResult {
  mode: RestoreMode
  /** What a merge did (for replace: what the database now holds, as "added"). */
  report: MergeReport
}

/**
 * Applies a validated backup in ONE transaction: either every record is written or, on any
 * error, none is and the database stays exactly as it was.
 */
export async function applyBackup(
  ctx: RepoContext,
  backup: ParsedBackup,
  mode: RestoreMode,
): Promise<RestoreResult> {
  const { db } = ctx
  let report = emptyMergeReport()
  try {
    await db.transaction(
      'rw',
      BACKUP_TABLES.map((t) => db.table(t)),
      async () => {
        if (mode === 'merge') {
          report = await mergeBackup(ctx, backup)
        } else {
          await replaceWithBackup(ctx, backup)
          report.added = { patients: backup.data.patients.length, visits: backup.data.visits.length }
          report.versions = backup.data.history.length
        }
      },
    )
  } catch (cause) {
    throw new BackupError(
      'write-failed',
      `The backup could not be written, so nothing was changed. ${cause instanceof Error ? cause.message : ''}`.trim(),
      { cause },
    )
  }
  await visitsChanged(db, [], { rebuild: true })
  return { mode, report }
}

/** Validates and applies in one go (the command-line and test path; the UI previews between). */
export async function restoreBackup(
  ctx: RepoContext,
  bytes: Uint8Array,
  mode: RestoreMode,
  options: { maxBytes?: number } = {},
): Promise<RestoreResult & { preview: BackupPreview }> {
  const parsed = await readBackup(bytes, options)
  const result = await applyBackup(ctx, parsed, mode)
  return { ...result, preview: parsed.preview }
}

/** Remembers when the last backup file was written (shown and used for the reminder). */
export async function recordBackupMade(db: NotesDB, at: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: LAST_BACKUP_KEY, value: at, updatedAt: at })
  })
}

export async function lastBackupAt(db: NotesDB): Promise<string | undefined> {
  const value = (await db.settings.get(LAST_BACKUP_KEY))?.value
  return typeof value === 'string' ? value : undefined
}
