import Dexie from 'dexie'
import type { z } from 'zod'
import type { NotesDB, PatientRow } from './db'
import { ConflictError, MissingRecordError, ValidationError } from './errors'
import {
  describeIssues,
  emptyVisitInput,
  patientInputSchema,
  patientSchema,
  visitInputSchema,
  visitSchema,
  type Patient,
  type PatientInput,
  type TrashEntry,
  type Visit,
  type VisitInput,
} from './model'
import { fromPatientRow, fromVisitRow, toPatientRow, toVisitRow } from './rows'
import { visitsChanged } from './searchIndex'
import { fold } from './text'

export interface PatientPage {
  patients: Patient[]
  total: number
}

type Clock = () => Date
type IdMaker = () => string

/**
 * Every write of the notes domain. Each one runs in a single Dexie transaction so that a patient,
 * their visits, the trash and the derived sort keys never disagree, even if the app is closed
 * half way.
 */
export class NotesRepository {
  constructor(
    readonly db: NotesDB,
    private readonly clock: Clock = () => new Date(),
    private readonly newId: IdMaker = () => crypto.randomUUID(),
  ) {}

  private now(): string {
    return this.clock().toISOString()
  }

  // ---- patients -------------------------------------------------------------------------------

  async createPatient(input: PatientInput): Promise<Patient> {
    const clean = parseOrThrow(patientInputSchema, input)
    const now = this.now()
    const patient: Patient = {
      ...clean,
      name: clean.name.trim(),
      id: this.newId(),
      lastVisitAt: null,
      createdAt: now,
      updatedAt: now,
      revision: 1,
    }
    await this.db.transaction('rw', this.db.patients, async () => {
      await this.db.patients.add(toPatientRow(patient))
    })
    return patient
  }

  async getPatient(id: string): Promise<Patient | undefined> {
    const row = await this.db.patients.get(id)
    return row && fromPatientRow(row)
  }

  /**
   * Applies the user's changes if nobody saved the patient since `baseRevision`; otherwise
   * throws a ConflictError holding the stored patient.
   */
  async updatePatient(id: string, baseRevision: number, changes: Partial<PatientInput>): Promise<Patient> {
    return this.db.transaction('rw', this.db.patients, async () => {
      const row = await this.db.patients.get(id)
      if (!row) throw new MissingRecordError('patient')
      const current = fromPatientRow(row)
      if (current.revision !== baseRevision) throw new ConflictError('patient', current)
      const next: Patient = {
        ...current,
        ...pickDefined(changes, PATIENT_FIELDS),
        updatedAt: this.laterThan(current.updatedAt),
        revision: current.revision + 1,
      }
      parseOrThrow(patientSchema, next)
      await this.db.patients.put(toPatientRow(next))
      return next
    })
  }

  /** A page of the patient list, newest visit first (patients without visits by creation). */
  async listPatients(offset = 0, limit = 50): Promise<PatientPage> {
    const [rows, total] = await Promise.all([
      this.db.patients.orderBy('listOrder').reverse().offset(offset).limit(limit).toArray(),
      this.db.patients.count(),
    ])
    return { patients: rows.map(fromPatientRow), total }
  }

  /**
   * Patients matching a name (any word of it, by prefix), a chart number (prefix) or a date of
   * birth (YYYY-MM-DD, or DD/MM/YYYY typed the usual way), sorted by last visit.
   */
  async findPatients(query: string, limit = 50): Promise<Patient[]> {
    const q = query.trim()
    if (!q) return (await this.listPatients(0, limit)).patients
    const found = new Map<string, PatientRow>()
    const dob = parseDateQuery(q)
    if (dob) {
      for (const row of await this.db.patients.where('dateOfBirth').equals(dob).toArray()) {
        found.set(row.id, row)
      }
    }
    const chart = fold(q)
    for (const row of await this.db.patients.where('chartKey').startsWith(chart).limit(limit).toArray()) {
      found.set(row.id, row)
    }
    const terms = fold(q)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
    if (terms.length) {
      const [first, ...rest] = [...terms].sort((a, b) => b.length - a.length)
      const rows = await this.db.patients
        .where('nameWords')
        .startsWith(first!)
        .distinct()
        .filter((row) => rest.every((t) => row.nameWords.some((w) => w.startsWith(t))))
        .limit(500)
        .toArray()
      for (const row of rows) found.set(row.id, row)
    }
    return [...found.values()]
      .sort((a, b) => (a.listOrder < b.listOrder ? 1 : a.listOrder > b.listOrder ? -1 : 0))
      .slice(0, limit)
      .map(fromPatientRow)
  }

  // ---- visits ---------------------------------------------------------------------------------

  async createVisit(patientId: string, input?: Partial<VisitInput>): Promise<Visit> {
    const now = this.now()
    const clean = parseOrThrow(visitInputSchema, { ...emptyVisitInput(now), ...input })
    const visit: Visit = {
      ...clean,
      id: this.newId(),
      patientId,
      createdAt: now,
      updatedAt: now,
      revision: 1,
    }
    await this.db.transaction('rw', this.db.patients, this.db.visits, async () => {
      if (!(await this.db.patients.get(patientId))) throw new MissingRecordError('patient')
      await this.db.visits.add(toVisitRow(visit))
      await this.refreshLastVisit(patientId)
    })
    await visitsChanged(this.db, [visit.id])
    return visit
  }

  async getVisit(id: string): Promise<Visit | undefined> {
    const row = await this.db.visits.get(id)
    return row && fromVisitRow(row)
  }

  /** The visit and its patient in one read transaction (the visit screen's opening read). */
  async openVisit(id: string): Promise<{ visit: Visit; patient: Patient } | undefined> {
    return this.db.transaction('r', this.db.visits, this.db.patients, async () => {
      const row = await this.db.visits.get(id)
      if (!row) return undefined
      const patient = await this.db.patients.get(row.patientId)
      if (!patient) return undefined
      return { visit: fromVisitRow(row), patient: fromPatientRow(patient) }
    })
  }

  /** Visits of a patient, newest first. */
  async visitsOf(patientId: string): Promise<Visit[]> {
    const rows = await this.db.visits
      .where('[patientId+dateTime]')
      .between([patientId, Dexie.minKey], [patientId, Dexie.maxKey])
      .reverse()
      .toArray()
    return rows.map(fromVisitRow)
  }

  /**
   * Saves the user's changes to a visit if nobody saved it since `baseRevision` (another tab or
   * window editing the same visit); otherwise throws a ConflictError holding the stored visit.
   */
  async updateVisit(id: string, baseRevision: number, changes: Partial<VisitInput>): Promise<Visit> {
    const result = await this.db.transaction('rw', this.db.visits, this.db.patients, async () => {
      const row = await this.db.visits.get(id)
      if (!row) throw new MissingRecordError('visit')
      const current = fromVisitRow(row)
      if (current.revision !== baseRevision) throw new ConflictError('visit', current)
      const next: Visit = {
        ...current,
        ...pickDefined(changes, VISIT_FIELDS),
        updatedAt: this.laterThan(current.updatedAt),
        revision: current.revision + 1,
      }
      parseOrThrow(visitSchema, next)
      await this.db.visits.put(toVisitRow(next))
      if (next.dateTime !== current.dateTime) await this.refreshLastVisit(next.patientId)
      return next
    })
    await visitsChanged(this.db, [id])
    return result
  }

  /**
   * Adds a suspected cause from the reference ("Add to visit") when no editor holds the visit.
   * Additive, so it needs no base revision; the revision still moves so editors elsewhere notice.
   */
  async addCause(visitId: string, causeId: string): Promise<Visit> {
    const result = await this.db.transaction('rw', this.db.visits, async () => {
      const row = await this.db.visits.get(visitId)
      if (!row) throw new MissingRecordError('visit')
      const current = fromVisitRow(row)
      if (current.causeIds.includes(causeId)) return current
      const next: Visit = {
        ...current,
        causeIds: [...current.causeIds, causeId],
        updatedAt: this.laterThan(current.updatedAt),
        revision: current.revision + 1,
      }
      await this.db.visits.put(toVisitRow(next))
      return next
    })
    await visitsChanged(this.db, [visitId])
    return result
  }

  /** Keeps the patient's list position in step with their newest visit. */
  private async refreshLastVisit(patientId: string): Promise<void> {
    const row = await this.db.patients.get(patientId)
    if (!row) return
    const newest = await this.db.visits
      .where('[patientId+dateTime]')
      .between([patientId, Dexie.minKey], [patientId, Dexie.maxKey])
      .last()
    const lastVisitAt = newest?.dateTime ?? null
    if (lastVisitAt === row.lastVisitAt) return
    // Not a user edit: the revision stays so an open patient form does not see a false conflict.
    await this.db.patients.put(toPatientRow({ ...fromPatientRow(row), lastVisitAt }))
  }

  // ---- trash ----------------------------------------------------------------------------------

  /** Moves the patient and all their visits to the trash, as one entry. */
  async trashPatient(id: string): Promise<TrashEntry> {
    const result = await this.db.transaction(
      'rw',
      this.db.patients,
      this.db.visits,
      this.db.trash,
      async () => {
        const row = await this.db.patients.get(id)
        if (!row) throw new MissingRecordError('patient')
        const visitRows = await this.db.visits.where('patientId').equals(id).toArray()
        const entry: TrashEntry = {
          id: this.newId(),
          kind: 'patient',
          deletedAt: this.now(),
          patient: fromPatientRow(row),
          visits: visitRows.map(fromVisitRow),
        }
        await this.db.trash.add(entry)
        await this.db.visits.bulkDelete(visitRows.map((v) => v.id))
        await this.db.patients.delete(id)
        return entry
      },
    )
    await visitsChanged(this.db, result.kind === 'patient' ? result.visits.map((v) => v.id) : [])
    return result
  }

  async trashVisit(id: string): Promise<TrashEntry> {
    const result = await this.db.transaction(
      'rw',
      this.db.patients,
      this.db.visits,
      this.db.trash,
      async () => {
        const row = await this.db.visits.get(id)
        if (!row) throw new MissingRecordError('visit')
        const patient = await this.db.patients.get(row.patientId)
        const entry: TrashEntry = {
          id: this.newId(),
          kind: 'visit',
          deletedAt: this.now(),
          visit: fromVisitRow(row),
          patientName: patient?.name ?? '',
        }
        await this.db.trash.add(entry)
        await this.db.visits.delete(id)
        await this.refreshLastVisit(row.patientId)
        return entry
      },
    )
    await visitsChanged(this.db, [id])
    return result
  }

  /** Trash entries, most recently deleted first. */
  async listTrash(): Promise<TrashEntry[]> {
    return this.db.trash.orderBy('deletedAt').reverse().toArray()
  }

  /** Puts a trashed patient (with their visits) or visit back where it was. */
  async restoreFromTrash(entryId: string): Promise<TrashEntry> {
    const result = await this.db.transaction(
      'rw',
      this.db.patients,
      this.db.visits,
      this.db.trash,
      async () => {
        const entry = await this.db.trash.get(entryId)
        if (!entry) throw new MissingRecordError('trash entry')
        if (entry.kind === 'patient') {
          const patient = await this.db.patients.get(entry.patient.id)
          const kept = keepNewer(patient && fromPatientRow(patient), entry.patient)
          if (kept) await this.db.patients.put(toPatientRow(kept))
          const live = await this.db.visits.bulkGet(entry.visits.map((v) => v.id))
          const visits = entry.visits
            .map((v, i) => keepNewer(live[i] && fromVisitRow(live[i]), v))
            .filter((v) => v !== undefined)
          await this.db.visits.bulkPut(visits.map(toVisitRow))
          await this.refreshLastVisit(entry.patient.id)
        } else {
          const patient = await this.db.patients.get(entry.visit.patientId)
          if (!patient) {
            throw new ValidationError(
              `This visit belongs to ${entry.patientName || 'a patient'} who is in the trash too. Restore the patient first.`,
            )
          }
          const live = await this.db.visits.get(entry.visit.id)
          const kept = keepNewer(live && fromVisitRow(live), entry.visit)
          if (kept) await this.db.visits.put(toVisitRow(kept))
          await this.refreshLastVisit(entry.visit.patientId)
        }
        await this.db.trash.delete(entryId)
        return entry
      },
    )
    await visitsChanged(
      this.db,
      result.kind === 'patient' ? result.visits.map((v) => v.id) : [result.visit.id],
    )
    return result
  }

  /** Deletes everything in the trash for good. Returns how many entries went. */
  async emptyTrash(): Promise<number> {
    return this.db.transaction('rw', this.db.trash, async () => {
      const count = await this.db.trash.count()
      await this.db.trash.clear()
      return count
    })
  }

  // ---- settings -------------------------------------------------------------------------------

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.settings.get(key))?.value as T | undefined
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.transaction('rw', this.db.settings, async () => {
      await this.db.settings.put({ key, value, updatedAt: this.now() })
    })
  }

  /** A timestamp after `previous`, even if the clock went backwards or two saves share a ms. */
  private laterThan(previous: string): string {
    const now = this.clock().getTime()
    const prev = Date.parse(previous)
    return new Date(Math.max(now, prev + 1)).toISOString()
  }
}

const PATIENT_FIELDS = [
  'name',
  'dateOfBirth',
  'chartNumber',
  'phone',
  'medicines',
  'alerts',
  'feetAtRisk',
] as const
const VISIT_FIELDS = [
  'dateTime',
  'reason',
  'note',
  'findings',
  'causeIds',
  'plan',
  'followUpDate',
  'handouts',
] as const

/**
 * What a restore from the trash writes over `live`, the copy of the same record outside the trash
 * (there again after a merged backup, for one): nothing when the live copy was edited later, so a
 * trashed copy never overwrites newer text. A trashed copy that is newer gets a revision above the
 * live one, so an editor showing the live copy sees a conflict instead of saving over it.
 */
function keepNewer<T extends { updatedAt: string; revision: number }>(
  live: T | undefined,
  trashed: T,
): T | undefined {
  if (!live) return trashed
  if (live.updatedAt >= trashed.updatedAt) return undefined
  return { ...trashed, revision: Math.max(trashed.revision, live.revision + 1) }
}

function pickDefined<T extends object, K extends keyof T>(
  changes: Partial<T>,
  keys: readonly K[],
): Partial<T> {
  const out: Partial<T> = {}
  for (const key of keys) {
    if (changes[key] !== undefined) out[key] = changes[key]
  }
  return out
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(describeIssues(result.error))
  return result.data
}

/** "1950-03-07", "07/03/1950" or "7.3.1950" (day first, as written in the clinic) -> ISO date. */
export function parseDateQuery(q: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(q)
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(q)
  const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : undefined
  if (!parts) return undefined
  const [y, m, d] = parts as [string, string, string]
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
}
