/** Backup files: format (format.ts), export, reading and checking, merge and replace. */
export * from './format'
export { backupFromRecords, exportBackup, type ExportedBackup } from './export'
export { readBackup, validateRecords } from './read'
export { emptyMergeReport, mergeBackup, type MergeReport } from './merge'
export { replaceLosses, replaceWithBackup, type ReplaceLoss } from './replace'
export {
  applyBackup,
  applyBackupAs,
  lastBackupAt,
  recordBackupMade,
  restoreBackup,
  type RestoreMode,
  type RestoreResult,
} from './restore'
