import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { differenceInCalendarDays } from 'date-fns'
import { platform } from '@renderer/platform'
import {
  BackupError,
  MAX_BACKUP_BYTES,
  applyBackup,
  backupFileName,
  exportBackup,
  lastBackupAt as readLastBackupAt,
  readBackup,
  recordBackupMade,
  replaceLosses,
  type ParsedBackup,
  type ReplaceLoss,
  type RestoreMode,
} from '@renderer/notes/backup'
import { notesDb } from '@renderer/notes/instance'

export const REMIND_AFTER_DAYS = 7

function plain(e: unknown): string {
  if (e instanceof BackupError) return e.message
  return e instanceof Error ? e.message : String(e)
}

/** Backup to a file and restore from one: validate first, preview, then merge or replace. */
export const useBackupStore = defineStore('backup', () => {
  const lastBackupAt = ref<string | null>(null)
  const busy = ref<'' | 'export' | 'read' | 'apply'>('')
  const message = ref('')
  const error = ref('')
  const pending = shallowRef<ParsedBackup | null>(null)
  const pendingName = ref('')
  /** What replacing with the pending backup would take away from this computer. */
  const pendingLoss = ref<ReplaceLoss | null>(null)

  const daysSinceBackup = computed(() =>
    lastBackupAt.value ? differenceInCalendarDays(new Date(), new Date(lastBackupAt.value)) : null,
  )
  const needsReminder = computed(
    () => daysSinceBackup.value === null || daysSinceBackup.value > REMIND_AFTER_DAYS,
  )

  async function load(): Promise<void> {
    lastBackupAt.value = (await readLastBackupAt(notesDb)) ?? null
  }

  async function exportNow(): Promise<boolean> {
    busy.value = 'export'
    message.value = ''
    error.value = ''
    try {
      const info = await platform.appInfo()
      const backup = await exportBackup(notesDb, { appVersion: info.version })
      const outcome = await platform.saveFile({
        purpose: 'backup',
        suggestedName: backupFileName(),
        data: backup.bytes,
      })
      if (outcome.status === 'cancelled') return false
      await recordBackupMade(notesDb, backup.createdAt)
      lastBackupAt.value = backup.createdAt
      const c = backup.counts
      message.value = `Backup saved as “${outcome.name}”: ${c.patients} patient(s), ${c.visits} visit(s).`
      return true
    } catch (e) {
      error.value = `The backup was not made. ${plain(e)}`
      return false
    } finally {
      busy.value = ''
    }
  }

  async function chooseFile(): Promise<boolean> {
    busy.value = 'read'
    message.value = ''
    error.value = ''
    pending.value = null
    try {
      const outcome = await platform.openFile({ purpose: 'backup', maxBytes: MAX_BACKUP_BYTES })
      if (outcome.status === 'cancelled') return false
      const parsed = await readBackup(outcome.data)
      pendingLoss.value = await replaceLosses(notesDb, parsed)
      pending.value = parsed
      pendingName.value = outcome.name
      return true
    } catch (e) {
      error.value = `${plain(e)} Nothing was changed.`
      return false
    } finally {
      busy.value = ''
    }
  }

  async function apply(mode: RestoreMode): Promise<boolean> {
    const backup = pending.value
    if (!backup) return false
    busy.value = 'apply'
    error.value = ''
    try {
      const result = await applyBackup(notesDb, backup, mode)
      const w = result.written
      message.value =
        mode === 'replace'
          ? `Restored: ${w.patients} patient(s) and ${w.visits} visit(s) now on this computer.`
          : `Merged: ${w.patients} patient(s) and ${w.visits} visit(s) added or updated.`
      pending.value = null
      return true
    } catch (e) {
      error.value = plain(e)
      return false
    } finally {
      busy.value = ''
    }
  }

  function cancel(): void {
    pending.value = null
  }

  return {
    lastBackupAt,
    busy,
    message,
    error,
    pending,
    pendingName,
    pendingLoss,
    daysSinceBackup,
    needsReminder,
    load,
    exportNow,
    chooseFile,
    apply,
    cancel,
  }
})
