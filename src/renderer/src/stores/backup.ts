import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { differenceInCalendarDays } from 'date-fns'
import { platform } from '@renderer/platform'
import {
  BackupError,
  MAX_BACKUP_BYTES,
  applyBackupAs,
  formatBytes,
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
import type { ReadSource } from '@renderer/platform'
import { SecurityError } from '@renderer/security/errors'
import { PlatformError } from '@renderer/platform'
import { auditLog } from '@renderer/security/instance'
import { signedInActor, useEncryptedExport, useEncryptedRestore } from './backupStream'

export const REMIND_AFTER_DAYS = 7

function plain(e: unknown): string {
  if (e instanceof BackupError || e instanceof SecurityError || e instanceof PlatformError) return e.message
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
  /** A passphrase that opens the next backup as well as the recovery key ('' for none). */
  const exportPassphrase = ref('')
  const encryptedExport = useEncryptedExport()
  const encrypted = useEncryptedRestore()

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
      const done = await encryptedExport.run(exportPassphrase.value, info.version)
      if (!done) return false
      const createdAt = done.result.header.createdAt
      await recordBackupMade(notesDb, createdAt)
      lastBackupAt.value = createdAt
      const c = done.result.header.counts
      const opens = exportPassphrase.value
        ? 'the clinic’s recovery key or the backup passphrase'
        : 'the clinic’s recovery key'
      exportPassphrase.value = ''
      message.value = `Backup saved as “${done.name}”: ${countOf(c['patients'] ?? 0, 'patient', 'patients')}, ${countOf(c['visits'] ?? 0, 'visit', 'visits')} and ${countOf(c['history'] ?? 0, 'earlier version', 'earlier versions')} (${formatBytes(done.result.bytes)}, encrypted). It opens with ${opens}.`
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
    await encrypted.put()
    let source: ReadSource | null = null
    try {
      source = await platform.openStream('backup')
      if (!source) return false
      if (await encrypted.inspect(source)) return true
      // A version 1 file: plain JSON, read whole as before.
      const parsed = await readBackup(await readWhole(source))
      await source.close()
      pendingLoss.value = await replaceLosses(notesDb, parsed)
      pending.value = parsed
      pendingName.value = source.name
      return true
    } catch (e) {
      await source?.close().catch(() => undefined)
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
      const actor = signedInActor()
      const { report } = await applyBackupAs(actor, notesRepo.ctx, backup, mode)
      if (actor) {
        await auditLog
          .append({
            kind: mode === 'merge' ? 'backup.merged' : 'backup.restored',
            actorId: actor.id,
            detail: { file: pendingName.value, format: 1 },
          })
          .catch(() => undefined)
      }
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
    void encrypted.put()
  }

  /** Restores the chosen encrypted backup into a new database, then the app restarts on it. */
  async function applyEncrypted(unlock: { words: string } | { passphrase: string }): Promise<boolean> {
    busy.value = 'apply'
    error.value = ''
    message.value = ''
    try {
      // On a new computer there was nothing here to keep aside, and saying so would alarm.
      const hadClinic = (await notesDb.table('clinicKeys').count()) > 0
      const counts = await encrypted.run(unlock)
      const aside = hadClinic ? ' The records that were here are kept aside, not deleted.' : ''
      message.value = `Restored: ${countOf(counts['patients'] ?? 0, 'patient', 'patients')} and ${countOf(counts['visits'] ?? 0, 'visit', 'visits')}, checked.${aside} Cramp Clinic restarts now; sign in with your own passphrase.`
      setTimeout(() => location.reload(), 1500)
      return true
    } catch (e) {
      error.value = plain(e)
      return false
    } finally {
      busy.value = ''
    }
  }

  async function readWhole(source: ReadSource): Promise<Uint8Array> {
    if (source.size > MAX_BACKUP_BYTES) {
      throw new BackupError(
        'too-large',
        `This older (version 1) backup is too large to open (${formatBytes(source.size)}; the limit is ${formatBytes(MAX_BACKUP_BYTES)}).`,
      )
    }
    const out = new Uint8Array(source.size)
    for (let at = 0; at < source.size;) {
      const piece = await source.read(at, Math.min(8 * 1024 * 1024, source.size - at))
      if (!piece.length) break
      out.set(piece, at)
      at += piece.length
    }
    return out
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
    exportPassphrase,
    exportProgress: encryptedExport.progress,
    cancelExport: encryptedExport.cancel,
    encryptedPending: encrypted.pending,
    restoreProgress: encrypted.progress,
    cancelRestore: encrypted.cancel,
    applyEncrypted,
    load,
    exportNow,
    repairAndExport,
    chooseFile,
    apply,
    cancel,
  }
})
