import { AuditLog } from '../audit/log'
import { DexieAuditStore } from '../audit/store'
import { notesDb, notesRepo, setActor, setAfterCall } from '../notes/instance'
import { EncryptionRunner } from '../notes/encryptionRunner'
import { noteIndexFor } from '../notes/searchIndex'
import { RepoAuditor } from '../audit/repoEvents'
import { ClinicAuth } from './auth'
import { DexieAuthStore } from './authStore'
import { KeySession } from './session'
import { startAfterUnlock } from './unlockWork'
import { VisitSigning } from './signing'

/**
 * The app's one sign-in service, key session and audit trail, on the notes database's version-3
 * tables. Every window has its own session: signing in one window does not open another.
 */
export const keySession = new KeySession()

// Every sealed row is encrypted and opened with this session's keys (notes/sealMiddleware.ts);
// while locked, reads and writes of records fail with LockedError.
notesDb.keySource = () => keySession.ring
/** Seals, in the background, the records written before encryption at rest (schema 4). */
export const encryptionRunner = new EncryptionRunner(notesDb)

// Locking forgets what was opened: the note search index holds the words of every note.
keySession.onClose(() => {
  encryptionRunner.stop()
  noteIndexFor(notesDb).reset()
})

export const auditLog = new AuditLog({
  store: new DexieAuditStore(
    notesDb,
    notesDb.table('audit'),
    notesDb.table('auditHead'),
    notesDb.table('auditPending'),
  ),
  keys: () => keySession.ring,
  deviceId: notesRepo.author.device,
})

export const clinicAuth = new ClinicAuth({
  store: new DexieAuthStore(
    notesDb,
    notesDb.table('staff'),
    notesDb.table('clinicKeys'),
    notesDb.table('signInThrottle'),
  ),
  session: keySession,
  audit: auditLog,
})

/** Where the auto-lock minutes are kept in the settings table. */
export const AUTO_LOCK_SETTING = 'autoLockMinutes'

/**
 * The repository acts for whoever is signed in. While locked the actor stays, so the screen kept
 * behind the lock screen (hidden, inert) can still save the typing from just before the lock;
 * nobody can reach it until that person unlocks. Signing out clears it.
 */
clinicAuth.subscribe((s) => {
  if (s.phase === 'unlocked' || s.phase === 'locked') setActor({ id: s.user.id, role: s.user.role })
  else setActor(null)
})

let signingActor: { id: string; role: import('./policy').Role } | null = null
let wasUnlocked = false
clinicAuth.subscribe((s) => {
  signingActor = s.phase === 'unlocked' ? { id: s.user.id, role: s.user.role } : null
  const unlocked = s.phase === 'unlocked'
  if (unlocked && !wasUnlocked) {
    // The search index was dropped at the lock: it comes back (from its sealed snapshot, or
    // rebuilt) in the background once the screen is shown.
    startAfterUnlock({
      sealOldRows: () => encryptionRunner.start(),
      prepareSearch: () => notesRepo.prepareSearch(),
      stillOpen: () => keySession.isOpen,
    })
  }
  wasUnlocked = unlocked
})

/** Signing and addenda for the signed-in person, audited. */
export const visitSigning = new VisitSigning({
  db: notesDb,
  actor: () => signingActor,
  sealKey: () => keySession.ring.sealKey,
  audit: (event) => auditLog.append(event),
})

/** Patients and visits created, changed, opened, trashed and restored go into the audit trail. */
const auditor = new RepoAuditor()
setAfterCall((method, args, result, who) => {
  const event = auditor.event(method, args, result, who.id)
  if (event && keySession.isOpen) void auditLog.append(event).catch(() => undefined)
})
