import type Dexie from 'dexie'
import { AuditLog } from '../../../audit/log'
import { DexieAuditStore } from '../../../audit/store'
import { deriveKeyRing } from '../../../security/keyring'
import { verifyAddendum, verifySignature, type Addendum, type Signature } from '../../../security/signatures'
import { staffSealValid, type StaffMember } from '../../../security/staff'
import type { Visit } from '../../model'
import { BackupError } from '../format'
import { pagesOf } from './tables'
import { cancelled } from './write'

function refused(what: string): BackupError {
  return new BackupError(
    'not-verified',
    `This backup was not restored: ${what} Nothing was changed on this computer. Try another copy of the backup.`,
  )
}

/**
 * Checks a restored database before anything switches to it: the audit chain end to end, every
 * visit signature against the visit's text, every addendum's seal, every staff record's seal.
 * Throws a BackupError naming the first problem.
 */
export async function verifyRestored(
  db: Dexie,
  dataKey: CryptoKey,
  o: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  const ring = await deriveKeyRing(dataKey)
  const names = new Set(db.tables.map((t) => t.name))
  const checked = ['audit', 'staff', 'signatures', 'addenda'].filter((t) => names.has(t))
  const total = (await Promise.all(checked.map((t) => db.table(t).count()))).reduce((a, b) => a + b, 0)
  let done = 0
  // Called after each part checked: says how far, and stops at a Cancel.
  const step = (n: number): void => {
    if (o.signal?.aborted) throw cancelled()
    done += n
    o.onProgress?.(done, total)
  }

  if (names.has('audit')) {
    const log = new AuditLog({
      store: new DexieAuditStore(db, db.table('audit'), db.table('auditHead'), db.table('auditPending')),
      keys: () => ring,
      deviceId: 'restore-check',
    })
    let before = 0
    const report = await log.verify((n) => {
      step(n - before)
      before = n
    })
    if (!report.ok)
      refusedThrow(`its audit trail does not verify (${report.problem?.message ?? 'the chain is broken'}).`)
  }
  if (names.has('staff')) {
    for await (const page of pagesOf(db.table('staff'))) {
      for (const s of page as StaffMember[]) {
        if (!(await staffSealValid(ring.sealKey, s)))
          refusedThrow(`the record of staff member “${s.name}” was changed outside Cramp Clinic.`)
      }
      step(page.length)
    }
  }
  if (names.has('signatures')) {
    const visits = db.table('visits')
    for await (const page of pagesOf(db.table('signatures'))) {
      for (const sig of page as Signature[]) {
        const visit = (await visits.get(sig.visitId)) as Visit | undefined
        if (!visit) refusedThrow('a signed visit is missing from it.')
        const check = await verifySignature(ring.sealKey, visit!, sig)
        if (!check.ok) refusedThrow(`a signed visit does not match its signature (${check.message})`)
      }
      step(page.length)
    }
  }
  if (names.has('addenda')) {
    const signatures = db.table('signatures')
    for await (const page of pagesOf(db.table('addenda'))) {
      for (const a of page as Addendum[]) {
        const sig = (await signatures.get(a.visitId)) as Signature | undefined
        if (!sig || !(await verifyAddendum(ring.sealKey, sig, a)))
          refusedThrow('an addendum was changed outside Cramp Clinic, or its visit’s signature is missing.')
      }
      step(page.length)
    }
  }
}

function refusedThrow(what: string): never {
  throw refused(what)
}
