import Dexie from 'dexie'
import { assertCan, can, type Action, type Role } from '../security/policy'
import { assertEditable, assertTrashable, type Signature } from '../security/signatures'
import type { Patient, PatientInput, RecordKind } from './model'
import type { NotesRepository } from './repository'
import { LOCAL_SETTING_KEYS } from './backup/format'

/** Who is asking: the signed-in staff member, or null while nobody is. */
export interface Actor {
  id: string
  role: Role
}
export type ActorSource = () => Actor | null

type Method = {
  [K in keyof NotesRepository]: NotesRepository[K] extends (...args: never[]) => unknown ? K : never
}[keyof NotesRepository]

/** The fields reception may see and change: names and contact details, nothing clinical. */
const CONTACT_FIELDS = [
  'name',
  'dateOfBirth',
  'chartNumber',
  'phone',
] as const satisfies readonly (keyof PatientInput)[]
const CLINICAL_FIELDS = ['medicines', 'alerts'] as const satisfies readonly (keyof Patient)[]

type Rule = Action | null | ((args: unknown[], role: Role) => Action)

const byKind =
  (visit: Action, patient: Action): Rule =>
  (args) =>
    (args[0] as RecordKind) === 'visit' ? visit : patient

/**
 * Each repository method and the action it needs (security/policy). A method not listed here is
 * refused for everyone, so one added to the repository later is closed until someone decides
 * who may call it. `null`: needs no sign-in (the clinic's settings, read by the sign-in screen).
 */
export const METHOD_ACTIONS: Record<Method, Rule> = {
  createPatient: 'patient.create',
  createVisit: 'visit.create',
  update: byKind('visit.edit', 'patient.editContact'),
  keepAside: byKind('visit.edit', 'patient.editContact'),
  getPatient: 'patient.viewContact',
  getVisit: 'visit.view',
  openVisit: 'visit.view',
  visitsOf: 'visit.view',
  listPatients: 'patient.list',
  countPatients: 'patient.list',
  findPatients: 'patient.list',
  addCause: 'visit.edit',
  searchNotes: 'notes.search',
  prepareSearch: 'notes.search',
  counts: 'patient.list',
  historyOf: 'visit.view',
  historyVersion: 'visit.view',
  writeCrashCopy: byKind('visit.edit', 'patient.editContact'),
  crashCopies: 'patient.editContact',
  forgetCrashCopy: 'patient.editContact',
  recoverCopy: (args) =>
    (args[0] as { kind?: RecordKind }).kind === 'visit' ? 'visit.edit' : 'patient.editContact',
  orphanVisits: 'visit.view',
  unsignedDraftsOf: 'visit.sign',
  repair: 'visit.edit',
  // A new handout needs handout.create; a reprint from the history has its own path below.
  addHandout: 'handout.create',
  givenHandout: 'handout.viewHistory',
  reissueHandout: 'handout.reissue',
  handoutsOf: 'handout.viewHistory',
  handoutsOfPatient: 'handout.viewHistory',
  recentHandouts: 'handout.viewHistory',
  trashPatient: 'patient.trash',
  trashVisit: 'visit.trash',
  listTrash: 'trash.view',
  restoreFromTrash: 'trash.restore',
  emptyTrash: 'trash.empty',
  getSetting: null,
  // Facts about this machine (when the storage was asked to be kept, the last backup) are not
  // clinic settings: whoever is signed in records them; 'reference.view' is every role's.
  setSetting: (args) => (LOCAL_SETTING_KEYS.has(args[0] as string) ? 'reference.view' : 'settings.change'),
}

/** A patient as someone who may not see clinical details gets it: medicines and alerts left out. */
function redact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redact) as T
  if (value && typeof value === 'object' && 'medicines' in value && 'chartNumber' in value) {
    return { ...value, medicines: [], alerts: '' } as T
  }
  if (value && typeof value === 'object' && 'patients' in value) {
    const page = value as { patients: unknown[] }
    return { ...page, patients: page.patients.map(redact) } as T
  }
  return value
}

/** Reception's patient saves keep only contact fields: the clinical ones they never saw stay as stored. */
function contactOnly(args: unknown[]): unknown[] {
  const [kind, id, baseRev, changes, ...rest] = args
  return [kind, id, baseRev, pickContact(changes), ...rest]
}

function pickContact(fields: unknown): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  if (fields && typeof fields === 'object') {
    for (const f of CONTACT_FIELDS) if (f in fields) kept[f] = (fields as Record<string, unknown>)[f]
  }
  return kept
}

/**
 * A signed visit is only ever added to (addenda) and is kept for good: every repository path that
 * could change it or move it to the trash is refused here, whoever asks.
 */
async function assertSignedRules(repo: NotesRepository, prop: string, args: unknown[]): Promise<void> {
  const signatures = repo.db.table<Signature, string>('signatures')
  const visitOf = (): string | null => {
    if (prop === 'update' || prop === 'keepAside' || prop === 'writeCrashCopy')
      return args[0] === 'visit' ? (args[1] as string) : null
    if (prop === 'recoverCopy') {
      const copy = args[0] as { kind?: string; recordId?: string; id?: string }
      return copy.kind === 'visit' ? (copy.recordId ?? copy.id ?? null) : null
    }
    if (prop === 'addCause' || prop === 'trashVisit') return args[0] as string
    return null
  }
  const visitId = visitOf()
  if (visitId) {
    const signature = await signatures.get(visitId)
    if (prop === 'trashVisit') assertTrashable(signature)
    else assertEditable(signature)
  }
  if (prop === 'trashPatient') {
    const ids = await repo.db.visits
      .where('[patientId+dateTime]')
      .between([args[0] as string, Dexie.minKey], [args[0] as string, Dexie.maxKey])
      .primaryKeys()
    const signed = await signatures.bulkGet(ids)
    assertTrashable(signed.find(Boolean))
  }
}

const SIGNED_RULES = new Set([
  'update',
  'keepAside',
  'writeCrashCopy',
  'recoverCopy',
  'addCause',
  'trashVisit',
  'trashPatient',
])

export class UnguardedMethodError extends Error {
  constructor(name: string) {
    super(`The notes repository's "${name}" has no role rule yet, so nobody may call it.`)
    this.name = 'UnguardedMethodError'
  }
}

/**
 * The repository every screen and store goes through: the same object, with each method asking
 * security/policy first (LockedError while nobody is signed in, PermissionError for a role that
 * may not). Reception gets patients without medicines and alerts, and its saves of a patient
 * change contact details only. The database itself (`db`, `ctx`) is not guarded: the backup
 * code uses it and checks its own action.
 */
/** Told of each call that succeeded (the audit trail listens); its failures never undo the call. */
export type AfterCall = (method: string, args: unknown[], result: unknown, actor: Actor) => void

export function guardRepository(
  repo: NotesRepository,
  actor: ActorSource,
  after?: () => AfterCall | undefined,
): NotesRepository {
  return new Proxy(repo, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== 'function' || typeof prop !== 'string') return value
      if (!(prop in METHOD_ACTIONS)) {
        return () => Promise.reject(new UnguardedMethodError(prop))
      }
      const rule = METHOD_ACTIONS[prop as Method]
      return (...args: unknown[]) => {
        if (rule === null) return (value as (...a: unknown[]) => unknown).apply(target, args)
        const role = actor()?.role
        try {
          assertCan(role, typeof rule === 'function' ? rule(args, role ?? 'reception') : rule)
        } catch (e) {
          // Every repository method is async: a refusal arrives the same way as any failure.
          return Promise.reject(e)
        }
        const clinical = can(role!, 'patient.viewClinical')
        let callArgs = args
        if (!clinical && (prop === 'update' || prop === 'writeCrashCopy') && args[0] === 'patient') {
          callArgs = prop === 'update' ? contactOnly(args) : [args[0], args[1], args[2], pickContact(args[3])]
        }
        if (!clinical && prop === 'crashCopies') {
          return (target.crashCopies(args[0] as string | undefined) as Promise<{ kind: RecordKind }[]>).then(
            (rows) => rows.filter((r) => r.kind === 'patient'),
          )
        }
        const who = actor()!
        const call = async (): Promise<unknown> => {
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, callArgs)
          try {
            after?.()?.(prop, args, result, who)
          } catch {
            // The audit trail failing must not turn a saved record into an error.
          }
          return result
        }
        const out = SIGNED_RULES.has(prop) ? assertSignedRules(target, prop, args).then(call) : call()
        if (clinical) return out
        return out instanceof Promise ? out.then(redact) : redact(out)
      }
    },
  })
}

export { CLINICAL_FIELDS }
