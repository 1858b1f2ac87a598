import type { AuditEvent } from './model'

/**
 * Which repository calls go into the audit trail, and as what. Autosave writes a record every
 * second while someone types: only the first save of each stretch of editing is logged (the one
 * that starts a new version in the history). Opening a record is logged once per person and
 * record in `VIEW_QUIET_MS`, since the screens re-read it on every change.
 */
export const VIEW_QUIET_MS = 10 * 60_000

interface Saved {
  id?: string
  patientId?: string
  updatedAt?: string
  editStartedAt?: string
}

export class RepoAuditor {
  readonly #lastView = new Map<string, number>()

  constructor(private readonly now: () => number = () => Date.now()) {}

  event(method: string, args: unknown[], result: unknown, actorId: string): AuditEvent | null {
    const r = (result ?? {}) as Saved & { visit?: Saved; patient?: Saved; kind?: string }
    const base = { actorId }
    switch (method) {
      case 'createPatient':
        return { ...base, kind: 'patient.created', patientId: r.id }
      case 'createVisit':
        return { ...base, kind: 'visit.created', patientId: r.patientId, visitId: r.id }
      case 'update': {
        // The first save of a run: a new version begins.
        if (r.editStartedAt !== r.updatedAt) return null
        return args[0] === 'visit'
          ? { ...base, kind: 'visit.changed', patientId: r.patientId, visitId: r.id }
          : { ...base, kind: 'patient.changed', patientId: r.id }
      }
      case 'openVisit':
        if (!r.visit || !this.#fresh(`v:${actorId}:${r.visit.id}`)) return null
        return { ...base, kind: 'visit.viewed', patientId: r.visit.patientId, visitId: r.visit.id }
      case 'getPatient':
        if (!r.id || !this.#fresh(`p:${actorId}:${r.id}`)) return null
        return { ...base, kind: 'patient.viewed', patientId: r.id }
      case 'trashPatient':
      case 'trashVisit': {
        const e = result as { patient?: Saved; visit?: Saved }
        return {
          ...base,
          kind: 'trash.moved',
          patientId: e.patient?.id ?? e.visit?.patientId,
          visitId: e.visit?.id,
        }
      }
      case 'restoreFromTrash': {
        const e = result as { patient?: Saved; visit?: Saved }
        return {
          ...base,
          kind: 'trash.restored',
          patientId: e.patient?.id ?? e.visit?.patientId,
          visitId: e.visit?.id,
        }
      }
      case 'emptyTrash':
        return { ...base, kind: 'trash.emptied', detail: { count: result } }
      case 'addHandout':
        return result === 'added' ? { ...base, kind: 'handout.issued', visitId: args[0] as string } : null
      case 'reissueHandout': {
        // Every reprint is logged, the very same file included: that is what "reissued" is for.
        const e = result as { outcome: string; patientId: string; handoutId: string }
        return {
          ...base,
          kind: 'handout.reissued',
          patientId: e.patientId,
          visitId: args[0] as string,
          detail: { handoutId: e.handoutId, noted: e.outcome },
        }
      }
      case 'setSetting':
        return { ...base, kind: 'settings.changed', detail: { setting: args[0] } }
      default:
        return null
    }
  }

  #fresh(key: string): boolean {
    const t = this.now()
    const last = this.#lastView.get(key)
    if (last !== undefined && t - last < VIEW_QUIET_MS) return false
    this.#lastView.set(key, t)
    return true
  }
}
