import { LockedError, SecurityError } from './errors'

/**
 * Who may do what. The repository asks `assertCan` before every read or write, so a role is
 * enforced whatever screen or URL the request came from; hiding buttons only follows from it.
 */
export const ROLES = ['owner', 'clinician', 'reception'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_WORDS: Record<Role, string> = {
  owner: 'Owner',
  clinician: 'Clinician',
  reception: 'Reception',
}

/** Every action issue 12 names, with the words a refusal uses ("cannot <words>"). */
export const ACTION_WORDS = {
  'patient.list': 'see the patient list',
  'patient.viewContact': 'see patients’ names and contact details',
  'patient.create': 'add a patient',
  'patient.editContact': 'change patients’ names and contact details',
  'patient.viewClinical': 'see patients’ medicines and alerts',
  'patient.editClinical': 'change patients’ medicines and alerts',
  'patient.trash': 'move a patient to the trash',
  'patient.viewTrail': 'see who opened or changed a patient’s record',
  'visit.view': 'open visit notes, findings or plans',
  'visit.create': 'start a visit note',
  'visit.edit': 'change a visit note',
  'visit.sign': 'sign a visit note',
  'visit.addendum': 'add an addendum to a signed visit',
  'visit.trash': 'move a visit to the trash',
  'notes.search': 'search visit notes',
  'reference.view': 'read the clinical reference',
  'handout.create': 'make a new handout for a visit',
  'handout.viewHistory': 'see which handouts a patient was given',
  'handout.reissue': 'reprint a handout from the history',
  'trash.view': 'open the trash',
  'trash.restore': 'restore from the trash',
  'trash.empty': 'empty the trash',
  'backup.export': 'export a backup',
  'backup.restore': 'restore or merge a backup',
  'database.remove': 'remove a database set aside by a restore',
  'audit.view': 'open the audit trail',
  'audit.export': 'export the audit trail',
  'staff.manage': 'add, change or deactivate staff',
  'staff.resetPassphrase': 'reset a staff member’s passphrase',
  'settings.change': 'change the clinic settings',
  'recovery.manage': 'make a new recovery key',
  'session.changeOwnPassphrase': 'change their own passphrase',
  'session.lock': 'lock the app',
} as const
export type Action = keyof typeof ACTION_WORDS
export const ACTIONS = Object.keys(ACTION_WORDS) as Action[]

/**
 * Reception: names and contact details, the reference, handout reprints; never a note, finding,
 * plan, medicine or alert.
 */
const RECEPTION: ReadonlySet<Action> = new Set<Action>([
  'patient.list',
  'patient.viewContact',
  'patient.create',
  'patient.editContact',
  'reference.view',
  'handout.viewHistory',
  'handout.reissue',
  'session.changeOwnPassphrase',
  'session.lock',
])

/** The owner's own: staff, settings, keys, the whole audit trail, replacing the database. */
const OWNER_ONLY: ReadonlySet<Action> = new Set<Action>([
  'staff.manage',
  'staff.resetPassphrase',
  'settings.change',
  'recovery.manage',
  'audit.view',
  'audit.export',
  'backup.restore',
  'database.remove',
  'trash.empty',
])

export function can(role: Role, action: Action): boolean {
  switch (role) {
    case 'owner':
      return true
    case 'clinician':
      return !OWNER_ONLY.has(action)
    case 'reception':
      return RECEPTION.has(action)
  }
}

/** A refused action. The message names what was refused and who can do it. */
export class PermissionError extends SecurityError {
  constructor(
    readonly role: Role,
    readonly action: Action,
  ) {
    super(
      OWNER_ONLY.has(action)
        ? `Only the clinic owner can ${ACTION_WORDS[action]}.`
        : `A ${ROLE_WORDS[role].toLowerCase()} account cannot ${ACTION_WORDS[action]}. Ask a clinician.`,
    )
    this.name = 'PermissionError'
  }
}

/** Throws PermissionError when the role may not; LockedError when nobody is signed in. */
export function assertCan(role: Role | null | undefined, action: Action): void {
  if (!role) throw new LockedError()
  if (!can(role, action)) throw new PermissionError(role, action)
}
