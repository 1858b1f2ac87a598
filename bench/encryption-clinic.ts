/**
 * A clinic as the app wires it, on a bench database: staff sign-in (Argon2id at the app's cost),
 * the key session, the audit trail, the note index dropped at each lock and the work each unlock
 * starts (security/instance.ts does the same for the app's own database). `sealed: false` keeps
 * the records unencrypted (the baseline); sign-in still unwraps the key the same way.
 */
import { AuditLog } from '../src/renderer/src/audit/log'
import { DexieAuditStore } from '../src/renderer/src/audit/store'
import type { NotesDB } from '../src/renderer/src/notes/db'
import { ENCRYPTION_STATE_KEY } from '../src/renderer/src/notes/encryptInPlace'
import { EncryptionRunner } from '../src/renderer/src/notes/encryptionRunner'
import { NotesRepository } from '../src/renderer/src/notes/repository'
import { noteIndexFor, type NoteSearchIndex } from '../src/renderer/src/notes/searchIndex'
import { ClinicAuth } from '../src/renderer/src/security/auth'
import { DexieAuthStore } from '../src/renderer/src/security/authStore'
import { KeySession } from '../src/renderer/src/security/session'
import { startAfterUnlock } from '../src/renderer/src/security/unlockWork'

export const PASSPHRASE = 'amber kettle violin harbour'

export interface BenchClinic {
  auth: ClinicAuth
  session: KeySession
  repo: NotesRepository
  index: NoteSearchIndex
  ownerId: string
  /** Start the unlock work at once, as before it waited for the screen (for the comparison). */
  eager: boolean
}

export async function setUpClinic(db: NotesDB, sealed: boolean): Promise<BenchClinic> {
  const session = new KeySession()
  db.keySource = sealed ? () => session.ring : null
  // The bench writes its own snapshot when it wants one: no timer firing mid-measure.
  const index = noteIndexFor(db, { saveDelayMs: 3_600_000 })
  const auth = new ClinicAuth({
    store: new DexieAuthStore(db, db.table('staff'), db.table('clinicKeys'), db.table('signInThrottle')),
    session,
    audit: new AuditLog({
      store: new DexieAuditStore(db, db.table('audit'), db.table('auditHead'), db.table('auditPending')),
      keys: () => session.ring,
      deviceId: 'bench',
    }),
    strength: () => Promise.resolve({ score: 4, acceptable: true, message: '', suggestions: [] }),
  })
  await auth.init()
  await auth.setupClinic({
    clinicName: 'Bench clinic',
    owner: { name: 'Olive Owner', role: 'owner', registration: 'HCPC CH10001' },
    passphrase: PASSPHRASE,
  })
  const ownerId = (await auth.signInChoices())[0]!.id
  // Seeded rows are written sealed (or, in the baseline, meant to stay clear): nothing to redo.
  await db.settings.put({
    key: ENCRYPTION_STATE_KEY,
    value: { state: 'done', at: new Date().toISOString(), db: db.name },
    updatedAt: new Date().toISOString(),
  })
  const repo = new NotesRepository(db)
  const runner = new EncryptionRunner(db)
  const clinic: BenchClinic = { auth, session, repo, index, ownerId, eager: false }
  session.onClose(() => {
    runner.stop()
    index.reset()
  })
  let wasUnlocked = true
  auth.subscribe((s) => {
    const unlocked = s.phase === 'unlocked'
    if (unlocked && !wasUnlocked) {
      if (clinic.eager) {
        void runner.start()
        void index.ready().catch(() => undefined)
      } else {
        startAfterUnlock({
          sealOldRows: () => runner.start(),
          prepareSearch: () => repo.prepareSearch(),
          stillOpen: () => session.isOpen,
        })
      }
    }
    wasUnlocked = unlocked
  })
  return clinic
}
