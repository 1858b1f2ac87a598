import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { AuditLog } from '../../../src/renderer/src/audit/log'
import { DexieAuditStore } from '../../../src/renderer/src/audit/store'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { ClinicAuth } from '../../../src/renderer/src/security/auth'
import { DexieAuthStore, type ClinicKeys } from '../../../src/renderer/src/security/authStore'
import { KeySession } from '../../../src/renderer/src/security/session'
import { VisitSigning } from '../../../src/renderer/src/security/signing'
import {
  exportEncrypted,
  restoreEncrypted,
  type BackupActor,
} from '../../../src/renderer/src/notes/backup/v2/service'
import type { Unlock } from '../../../src/renderer/src/notes/backup/v2/keys'
import { memorySource, readHeader } from '../../../src/renderer/src/notes/backup/v2/read'
import type { RestoreProgress } from '../../../src/renderer/src/notes/backup/v2/restore'
import { TEST_COST, OWNER_PASS } from '../security/helpers'
import { concatBytes } from '../../../src/renderer/src/security/bytes'

export { OWNER_PASS, TEST_COST }
export const BACKUP_PASS = 'lantern orchard pebble compass'

/**
 * A clinic as the app keeps it, in one notes database: the owner set up (keys wrapped, recovery
 * words), a patient, a signed visit with an addendum, an unsigned one, and audit entries.
 */
export async function clinicWithRecords() {
  const db = new NotesDB(`cramp-clinic-test-${Math.random().toString(36).slice(2)}`)
  const session = new KeySession()
  const audit = new AuditLog({
    store: new DexieAuditStore(db, db.table('audit'), db.table('auditHead'), db.table('auditPending')),
    keys: () => session.ring,
    deviceId: 'pc-1',
  })
  const auth = new ClinicAuth({
    store: new DexieAuthStore(db, db.table('staff'), db.table('clinicKeys'), db.table('signInThrottle')),
    session,
    audit,
    kdfCost: TEST_COST,
    newId: () => 'owner-1',
  })
  await auth.init()
  const { sheet } = await auth.setupClinic({
    clinicName: 'Riverside Foot Clinic',
    owner: { name: 'Olive Owner', role: 'owner', registration: 'HCPC CH10001' },
    passphrase: OWNER_PASS,
  })
  // Rows sealed at rest, as in the app (security/instance.ts), so the backup carries ciphertext.
  db.keySource = () => session.ring
  const words = sheet.words.map((w) => w.word).join(' ')
  const owner: BackupActor = { id: 'owner-1', role: 'owner' }
  const repo = new NotesRepository(db)
  const patient = await repo.createPatient({ ...emptyPatientInput(), name: 'Quentin Zephyrwood' })
  const signed = await repo.createVisit(patient.id, { note: 'Marigold heel fissure, signed' })
  const draft = await repo.createVisit(patient.id, { note: 'Unsigned draft about a juniper callus' })
  const signing = new VisitSigning({
    db,
    actor: () => owner,
    sealKey: () => session.ring.sealKey,
    audit: (e) => audit.append(e),
  })
  await signing.sign(signed.id)
  await signing.addAddendum(signed.id, { reason: 'Late entry', text: 'Advised padding' })
  await audit.append({
    kind: 'patient.viewed',
    actorId: owner.id,
    patientId: patient.id,
    detail: { why: 'test' },
  })
  const clinic = (await db.table('clinicKeys').get('clinic')) as ClinicKeys
  return { db, session, audit, auth, words, owner, clinic, patient, signed, draft }
}

export type Clinic = Awaited<ReturnType<typeof clinicWithRecords>>

export async function exportToBytes(
  c: Clinic,
  choice: { recovery?: boolean; passphrase?: string } = { recovery: true },
  actor: BackupActor | null = c.owner,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  await exportEncrypted(
    { write: async (d) => void parts.push(new Uint8Array(d)) },
    {
      dbName: c.db.name,
      actor,
      dataKey: c.session.dataKey,
      clinic: choice.recovery ? c.clinic : undefined,
      passphrase: choice.passphrase,
      kdfCost: TEST_COST,
      appVersion: 'test',
    },
  )
  return concatBytes(...parts)
}

/** The file's header line and its chunks (each with its 4-byte length), to damage in tests. */
export function splitFile(bytes: Uint8Array): { header: Uint8Array; frames: Uint8Array[] } {
  const end = bytes.indexOf(0x0a) + 1
  const frames: Uint8Array[] = []
  let at = end
  while (at < bytes.length) {
    const len = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0)
    frames.push(bytes.slice(at, at + 4 + len))
    at += 4 + len
  }
  return { header: bytes.slice(0, end), frames }
}

export function joinFile(header: Uint8Array, frames: Uint8Array[]): Uint8Array {
  const parts = [header, ...frames]
  return concatBytes(...parts)
}

export async function dump(name: string): Promise<Record<string, unknown[]>> {
  const db = new Dexie(name)
  await db.open()
  const out: Record<string, unknown[]> = {}
  for (const t of db.tables) out[t.name] = await t.toArray()
  db.close()
  return out
}

export async function databaseNames(): Promise<string[]> {
  return Dexie.getDatabaseNames()
}

/** A fresh, empty notes database: the app on a computer where no clinic is set up. */
export async function freshProfile(): Promise<string> {
  const db = new NotesDB(`cramp-clinic-fresh-${Math.random().toString(36).slice(2)}`)
  await db.open()
  db.close()
  return db.name
}

export async function restore(
  bytes: Uint8Array,
  unlock: Unlock,
  opts: {
    current?: string
    actor?: BackupActor | null
    signal?: AbortSignal
    onProgress?: (p: RestoreProgress) => void
  } = {},
) {
  const src = memorySource(bytes)
  const opened = await readHeader(src)
  if (!opened) throw new Error('not a version 2 file')
  return restoreEncrypted(src, opened, {
    currentDbName: opts.current ?? (await freshProfile()),
    actor: opts.actor ?? null,
    unlock,
    deviceId: 'pc-2',
    signal: opts.signal,
    onProgress: opts.onProgress,
  })
}
