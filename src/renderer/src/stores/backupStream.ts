import { ref, shallowRef } from 'vue'
import { platform, type ReadSource } from '@renderer/platform'
import { BackupError, backupFileName as v1Name } from '@renderer/notes/backup'
import { readHeader, type OpenedHeader } from '@renderer/notes/backup/v2/read'
import { exportEncrypted, restoreEncrypted, type BackupActor } from '@renderer/notes/backup/v2/service'
import type { RestoreProgress } from '@renderer/notes/backup/v2/restore'
import type { WriteResult } from '@renderer/notes/backup/v2/write'
import { notesDb, notesRepo } from '@renderer/notes/instance'
import { auditLog, clinicAuth, keySession } from '@renderer/security/instance'
import type { ClinicKeys } from '@renderer/security/authStore'
import { checkStrength } from '@renderer/security/strength'
import { assertCan } from '@renderer/security/policy'
import { RecoveryKey } from '@renderer/security/recovery'

/** Progress of a long export or restore: fraction done and an estimate of the time left. */
export interface Progress {
  fraction: number
  secondsLeft: number | null
  /** A restore reads the file, then checks what it wrote; each has its own bar. */
  phase?: RestoreProgress['phase']
}

export function tracker(set: (p: Progress | null) => void): (done: number, total: number) => void {
  const start = performance.now()
  let lastShown = 0
  return (done, total) => {
    const now = performance.now()
    if (now - lastShown < 150 && done < total) return
    lastShown = now
    const fraction = total > 0 ? Math.min(1, done / total) : 0
    const elapsed = (now - start) / 1000
    const secondsLeft =
      fraction > 0.02 && elapsed > 1 ? Math.max(0, (elapsed / fraction) * (1 - fraction)) : null
    set({ fraction, secondsLeft })
  }
}

export function signedInActor(): BackupActor | null {
  const s = clinicAuth.state
  return s.phase === 'unlocked' ? { id: s.user.id, role: s.user.role } : null
}

/** "Cramp Clinic backup 2026-12-01.ccbackup": an encrypted (version 2) file. */
export function encryptedFileName(now: Date = new Date()): string {
  return v1Name(now).replace(/\.json$/, '.ccbackup')
}

/** Exports an encrypted backup through a save stream; cancel deletes the half-written file. */
export function useEncryptedExport() {
  const progress = ref<Progress | null>(null)
  let controller: AbortController | null = null

  async function run(
    passphrase: string,
    appVersion: string,
  ): Promise<{ name: string; result: WriteResult } | null> {
    const actor = signedInActor()
    // Refused before any dialog opens; exportEncrypted checks again (the domain's own rule).
    assertCan(actor?.role, 'backup.export')
    const clinic = (await notesDb.table('clinicKeys').get('clinic')) as ClinicKeys | undefined
    if (passphrase) {
      const strength = await checkStrength(passphrase, [clinic?.clinicName ?? ''])
      if (!strength.acceptable) {
        throw new BackupError(
          'not-allowed',
          `That backup passphrase is too easy to guess. ${strength.message}`,
        )
      }
    }
    const sink = await platform.saveStream('backup', encryptedFileName())
    if (!sink) return null
    controller = new AbortController()
    const track = tracker((p) => (progress.value = p))
    progress.value = { fraction: 0, secondsLeft: null }
    try {
      const result = await exportEncrypted(sink, {
        dbName: notesDb.name,
        actor,
        dataKey: keySession.dataKey,
        clinic,
        passphrase: passphrase || undefined,
        appVersion,
        signal: controller.signal,
        onProgress: (p) => track(p.rows, p.totalRows),
      })
      const saved = await sink.finish()
      if (actor) {
        await auditLog.append({
          kind: 'backup.exported',
          actorId: actor.id,
          detail: { file: saved.name, routes: Object.keys(result.header.keys).join(',') },
        })
      }
      return { name: saved.name, result }
    } catch (e) {
      await sink.abort().catch(() => undefined)
      throw e
    } finally {
      controller = null
      progress.value = null
    }
  }

  return { progress, run, cancel: () => controller?.abort() }
}

/** An encrypted backup chosen for restore, its file kept open until restored or put away. */
export interface PendingEncrypted {
  name: string
  size: number
  opened: OpenedHeader
  source: ReadSource
}

export function useEncryptedRestore() {
  const pending = shallowRef<PendingEncrypted | null>(null)
  const progress = ref<Progress | null>(null)
  let controller: AbortController | null = null

  /** Reads the header of a chosen file: the pending restore, or null for a version 1 file. */
  async function inspect(source: ReadSource): Promise<PendingEncrypted | null> {
    const opened = await readHeader(source)
    if (!opened) return null
    pending.value = { name: source.name, size: source.size, opened, source }
    return pending.value
  }

  async function put(): Promise<void> {
    const p = pending.value
    pending.value = null
    await p?.source.close().catch(() => undefined)
  }

  async function run(
    unlockWith: { words: string } | { passphrase: string },
  ): Promise<Record<string, number>> {
    const p = pending.value
    if (!p) throw new Error('no backup chosen')
    const unlock =
      'words' in unlockWith
        ? { recovery: RecoveryKey.fromWords(unlockWith.words) }
        : { passphrase: unlockWith.passphrase }
    controller = new AbortController()
    let phase: RestoreProgress['phase'] = 'read'
    let track = tracker((x) => (progress.value = x && { ...x, phase }))
    progress.value = { fraction: 0, secondsLeft: null, phase }
    const actor = signedInActor()
    try {
      const result = await restoreEncrypted(p.source, p.opened, {
        currentDbName: notesDb.name,
        actor,
        unlock,
        deviceId: notesRepo.author.device,
        currentSchema: notesDb.verno,
        signal: controller.signal,
        onProgress: (x) => {
          if (x.phase !== phase) {
            phase = x.phase
            track = tracker((p) => (progress.value = p && { ...p, phase }))
          }
          track(x.done, x.total)
        },
      })
      // This database's own trail says it was replaced (it stays on disk, set aside).
      if (actor && keySession.isOpen) {
        await auditLog
          .append({ kind: 'backup.restored', actorId: actor.id, detail: { replacedBy: result.dbName } })
          .catch(() => undefined)
      }
      await put()
      return result.counts
    } finally {
      controller = null
      progress.value = null
    }
  }

  return { pending, progress, inspect, put, run, cancel: () => controller?.abort() }
}
