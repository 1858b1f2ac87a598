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
import { notesDb, notesRepo } from '@renderer/notes/instance'
import { describeMerge, describeRepair } from '@renderer/features/visits/backupWords'
import { countOf } from '@renderer/components/format'

export const REMIND_AFTER_DAYS = 7

function plain(e: unknown): string {
  if (e instanceof BackupError) return e.message
  return e instanceof Error ? e.message : String(e)
}

/** Backup to a file and restore from one: validate first, preview, then merge or replace. */
export const useBackupStore = defineStore('backup', () => {
  const lastBackupAt = ref<string | null>(null)
  const busy = ref<'' | 'export' | 'read' | 'apply' | 'repair'>('')
  const message = ref('')
  const error = ref('')
  /** The last export was refused because some records are not whole: a repair is offered. */
  const canRepair = ref(false)
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
    canRepair.value = false
    try {
      const info = await platform.appInfo()
      // Checked with the restore's own validation before anything is written or reported.
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
      message.value = `Backup saved as “${outcome.name}”: ${countOf(c.patients, 'patient', 'patients')}, ${countOf(c.visits, 'visit', 'visits')} and ${countOf(c.history, 'earlier version', 'earlier versions')}. It was checked and can be restored.`
      return true
    } catch (e) {
      canRepair.value = e instanceof BackupError && e.code === 'invalid-database'
      error.value = canRepair.value ? plain(e) : `The backup was not made. ${plain(e)}`
      return false
    } finally {
      busy.value = ''
    }
  }

  /** Makes the records whole (nothing deleted), then backs up again. */
  async function repairAndExport(): Promise<boolean> {
    busy.value = 'repair'
    try {
      const report = await notesRepo.repair()
      canRepair.value = false
      error.value = ''
      const done = describeRepair(report)
      busy.value = ''
      const ok = await exportNow()
      message.value = `${done} ${message.value}`.trim()
      return ok
    } catch (e) {
      error.value = plain(e)
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
      const { report } = await applyBackup(notesRepo.ctx, backup, mode)
      message.value =
        mode === 'replace'
          ? `Restored: ${countOf(report.added.patients, 'patient', 'patients')} and ${countOf(report.added.visits, 'visit', 'visits')} now on this computer, with ${countOf(report.versions, 'earlier version', 'earlier versions')}.`
          : describeMerge(report)
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
    canRepair,
    pending,
    pendingName,
    pendingLoss,
    daysSinceBackup,
    needsReminder,
    load,
    exportNow,
    repairAndExport,
    chooseFile,
    apply,
    cancel,
  }
})
