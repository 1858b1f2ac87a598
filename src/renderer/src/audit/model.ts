/**
 * The audit trail's records. An entry says who (staff id), where (computer id), when, what kind
 * of event, and which patient and visit; any further detail (names, fields changed, file names)
 * is encrypted. Entries are only ever appended; each carries the MAC of the one before.
 */
export const AUDIT_KIND_WORDS = {
  'clinic.setup': 'Clinic set up',
  'session.signIn': 'Signed in',
  'session.signOut': 'Signed out',
  'session.signInFailed': 'Wrong passphrase',
  'session.lock': 'Locked',
  'session.unlock': 'Unlocked',
  'session.recovery': 'Opened with the recovery key',
  'patient.created': 'Patient added',
  'patient.changed': 'Patient changed',
  'patient.viewed': 'Patient record opened',
  'visit.created': 'Visit started',
  'visit.changed': 'Visit changed',
  'visit.viewed': 'Visit note opened',
  'visit.signed': 'Visit signed',
  'visit.addendum': 'Addendum added',
  'trash.moved': 'Moved to the trash',
  'trash.restored': 'Restored from the trash',
  'trash.emptied': 'Trash emptied',
  'handout.issued': 'Handout given',
  'handout.reissued': 'Handout reprinted',
  'backup.exported': 'Backup exported',
  'backup.restored': 'Backup restored',
  'backup.merged': 'Backup merged',
  'database.removed': 'Database set aside by a restore removed',
  'staff.added': 'Staff member added',
  'staff.changed': 'Staff member changed',
  'staff.deactivated': 'Staff member deactivated',
  'staff.reactivated': 'Staff member reactivated',
  'staff.passphraseReset': 'Passphrase reset by the owner',
  'staff.passphraseChanged': 'Passphrase changed',
  'settings.changed': 'Settings changed',
  'recovery.replaced': 'New recovery key made',
} as const
export type AuditKind = keyof typeof AUDIT_KIND_WORDS
export const AUDIT_KINDS = Object.keys(AUDIT_KIND_WORDS) as AuditKind[]

/** Who acted when no staff member did (start-up, an upgrade). */
export const SYSTEM_ACTOR = 'system'

/** What a caller appends. */
export interface AuditEvent {
  kind: AuditKind
  actorId: string
  patientId?: string
  visitId?: string
  /** Anything JSON; encrypted before it is stored. */
  detail?: unknown
}

/** An entry as stored. Everything but `detail` is clear, so the chain verifies without decrypting. */
export interface AuditRow {
  /** 1, 2, 3...: the primary key and the chain order. */
  seq: number
  /** ISO time; never earlier than the entry before (a clock set back does not reorder). */
  at: string
  actorId: string
  deviceId: string
  kind: AuditKind
  /** '' when none, so the compound indexes hold every row. */
  patientId: string
  visitId: string
  /** AES-GCM ciphertext of the detail (see security/fieldCrypto), or null. */
  detail: Uint8Array | null
  /** MAC of the entry before ('' for the first). */
  prev: string
  /** HMAC-SHA-256 over this entry including `prev`, base64url. */
  mac: string
}

/**
 * The chain's end marker, sealed by the same key: without it, deleting the newest entries would
 * leave a shorter chain that still verifies.
 */
export interface AuditHead {
  id: 'head'
  seq: number
  at: string
  mac: string
  seal: string
}

/** An entry as shown: detail decrypted. */
export interface AuditEntry extends Omit<AuditRow, 'detail'> {
  detail: unknown
  /** The detail failed to decrypt (changed on disk); verify names the entry. */
  detailUnreadable?: boolean
}

export interface AuditFilter {
  patientId?: string
  actorId?: string
  kind?: AuditKind
  /** ISO time, inclusive. */
  from?: string
  /** ISO time, exclusive. */
  to?: string
}
