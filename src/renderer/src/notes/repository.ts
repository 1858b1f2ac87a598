import Dexie from 'dexie'
import { makeContext, parseOrThrow, type RepoContext } from './context'
import type { NotesDB } from './db'
import { ConflictError, MissingRecordError } from './errors'
import {
  addHandout,
  givenHandout,
  handoutsOf,
  handoutsOfPatient,
  recentHandouts,
  reissueHandout,
} from './handouts'
import { historyOf, historyVersion } from './history'
import { thisWindow } from './identity'
import {
  emptyVisitInput,
  patientInputSchema,
  visitInputSchema,
  type DraftRow,
  type HandoutRow,
  type HistoryEntry,
  type Patient,
  type PatientInput,
  type RecordKind,
  type TrashEntry,
  type Visit,
  type VisitInput,
} from './model'
import { countPatients, findPatients, listPatients, type PatientPage } from './patientQueries'
import {
  keepAside,
  refreshLastVisit,
  updateRecord,
  type InputOf,
  type RecordOf,
  type SaveOptions,
} from './records'
import { recoverCopy, writeCrashCopy, type LeftCopy, type RecoveryOutcome } from './recovery'
import { orphanVisits, repairOrphans, type RepairReport } from './repair'
import { fromPatientRow, fromVisitRow, toPatientRow, toVisitRow } from './rows'
import { searchNotes, type NoteSearchResult } from './search'
import { noteIndexFor, visitsChanged } from './searchIndex'
import { emptyTrash, listTrash, restoreFromTrash, trashPatient, trashVisit } from './trash'
import { unsignedDrafts, type UnsignedDraft } from './unsignedDrafts'
import { firstVersion, type Author } from './version'

export type { PatientPage, SaveOptions, RecordOf, InputOf }

/**
 * Every write of the notes domain goes through here (so roles, signatures and encryption can be
 * added in one place). Each write runs in a single Dexie transaction so that a patient, their
 * visits, the trash, the history and the derived sort keys never disagree, even if the app is
 * closed half way.
 */
export class NotesRepository {
  readonly ctx: RepoContext

  constructor(
    readonly db: NotesDB,
    clock: () => Date = () => new Date(),
    newId: () => string = () => crypto.randomUUID(),
    author: Author = thisWindow(),
  ) {
    this.ctx = makeContext(db, clock, newId, author)
  }

  get author(): Author {
    return this.ctx.author
  }

  // ---- patients and visits ------------------------------------------------------------------

  async createPatient(input: PatientInput): Promise<Patient> {
    const clean = parseOrThrow(patientInputSchema, input)
    const now = this.ctx.now()
    const patient: Patient = {
      ...clean,
      name: clean.name.trim(),
      id: this.ctx.newId(),
      lastVisitAt: null,
      createdAt: now,
      updatedAt: now,
      ...firstVersion(this.author, now),
    }
    await this.db.transaction('rw', this.db.patients, async () => {
      await this.db.patients.add(toPatientRow(patient))
    })
    return patient
  }

  async createVisit(patientId: string, input?: Partial<VisitInput>): Promise<Visit> {
    const now = this.ctx.now()
    const clean = parseOrThrow(visitInputSchema, { ...emptyVisitInput(now), ...input })
    const visit: Visit = {
      ...clean,
      id: this.ctx.newId(),
      patientId,
      createdAt: now,
      updatedAt: now,
      ...firstVersion(this.author, now),
    }
    await this.db.transaction('rw', this.db.patients, this.db.visits, async () => {
      if (!(await this.db.patients.get(patientId))) throw new MissingRecordError('patient')
      await this.db.visits.add(toVisitRow(visit))
      await refreshLastVisit(this.db, patientId)
    })
    await visitsChanged(this.db, [visit.id])
    return visit
  }

  /**
   * Saves a user's changes to a patient or a visit if the stored version is still `baseRev`;
   * otherwise throws a ConflictError holding the stored record (records.ts).
   */
  update<K extends RecordKind>(
    kind: K,
    id: string,
    baseRev: string,
    changes: Partial<InputOf<K>>,
    options?: SaveOptions,
  ): Promise<RecordOf<K>> {
    return updateRecord(this.ctx, kind, id, baseRev, changes, options)
  }

  /** Keeps a version that was not chosen in the record's history (records.ts). */
  keepAside<K extends RecordKind>(
    kind: K,
    id: string,
    fields: Partial<InputOf<K>>,
    basedOn: string,
    note: string,
    options?: { unresolved?: boolean },
  ): Promise<HistoryEntry> {
    return keepAside(this.ctx, kind, id, fields, basedOn, note, options)
  }

  async getPatient(id: string): Promise<Patient | undefined> {
    const row = await this.db.patients.get(id)
    return row && fromPatientRow(row)
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

  /** The author's visits started over a day ago and still unsigned (listed after sign-in). */
  unsignedDraftsOf(authorId: string, now = new Date()): Promise<UnsignedDraft[]> {
    return unsignedDrafts(this.db, authorId, now)
  }

  listPatients(offset = 0, limit = 50): Promise<PatientPage> {
    return listPatients(this.db, offset, limit)
  }

  countPatients(): Promise<number> {
    return countPatients(this.db)
  }

  findPatients(query: string, limit = 50): Promise<Patient[]> {
    return findPatients(this.db, query, limit)
  }

  /**
   * Adds a suspected cause from the reference ("Add to visit") when no editor holds the visit:
   * a versioned update on the stored version, so an editor elsewhere sees it arrive.
   */
  async addCause(visitId: string, causeId: string): Promise<Visit> {
    for (;;) {
      const current = await this.getVisit(visitId)
      if (!current) throw new MissingRecordError('visit')
      if (current.causeIds.includes(causeId)) return current
      try {
        return await this.update('visit', visitId, current.rev, { causeIds: [...current.causeIds, causeId] })
      } catch (e) {
        // Saved elsewhere in between: the cause is added to that newer version instead.
        if (!(e instanceof ConflictError)) throw e
      }
    }
  }

  /** Full-text search of visit notes, reasons and plans (search.ts). */
  searchNotes(query: string, limit = 20): Promise<NoteSearchResult> {
    return searchNotes(this.db, query, limit)
  }

  /**
   * Builds the note search index now, so the first search does not wait for it. After an
   * unlock it is started once the screen has been shown (security/unlockWork.ts).
   */
  prepareSearch(): Promise<void> {
    return noteIndexFor(this.db).ready()
  }

  async counts(): Promise<{ patients: number; visits: number; versions: number }> {
    const [patients, visits, versions] = await Promise.all([
      this.db.patients.count(),
      this.db.visits.count(),
      this.db.history.count(),
    ])
    return { patients, visits, versions }
  }

  // ---- history, crash copies, repair --------------------------------------------------------

  historyOf(recordId: string): Promise<HistoryEntry[]> {
    return historyOf(this.db, recordId)
  }

  historyVersion(recordId: string, rev: string): Promise<HistoryEntry | undefined> {
    return historyVersion(this.db, recordId, rev)
  }

  writeCrashCopy(kind: RecordKind, id: string, baseRev: string, fields: object): Promise<void> {
    return writeCrashCopy(this.ctx, kind, id, baseRev, fields as Record<string, unknown>)
  }

  /** Crash copies in the database, optionally only those of one record. */
  crashCopies(recordId?: string): Promise<DraftRow[]> {
    return recordId ? this.db.drafts.where('recordId').equals(recordId).toArray() : this.db.drafts.toArray()
  }

  async forgetCrashCopy(id: string): Promise<void> {
    await this.db.drafts.delete(id)
  }

  recoverCopy(copy: LeftCopy): Promise<RecoveryOutcome> {
    return recoverCopy(this.ctx, copy)
  }

  orphanVisits(): Promise<{ visitId: string; patientId: string }[]> {
    return orphanVisits(this.db)
  }

  repair(): Promise<RepairReport> {
    return repairOrphans(this.ctx)
  }

  // ---- handouts -------------------------------------------------------------------------------

  addHandout(
    visitId: string,
    handout: Omit<HandoutRow, 'visitId' | 'patientId'>,
  ): Promise<'added' | 'already'> {
    return addHandout(this.ctx, visitId, handout)
  }

  /** A handout as given, without the visit: what a reprint needs. */
  givenHandout(
    visitId: string,
    handoutId: string,
  ): Promise<{ handout: HandoutRow; patientName: string } | undefined> {
    return givenHandout(this.ctx, visitId, handoutId)
  }

  /** A handout printed again from the history (audited as reprinted, not as given). */
  reissueHandout(
    visitId: string,
    handoutId: string,
    printed: Omit<HandoutRow, 'visitId' | 'patientId'>,
  ): Promise<{ outcome: 'added' | 'already'; patientId: string; handoutId: string }> {
    return reissueHandout(this.ctx, visitId, handoutId, printed)
  }

  handoutsOf(visitId: string): Promise<HandoutRow[]> {
    return handoutsOf(this.ctx, visitId)
  }

  /** Handouts given to a patient, newest first, without reading their visits (reception's reprints). */
  handoutsOfPatient(patientId: string): Promise<HandoutRow[]> {
    return handoutsOfPatient(this.ctx, patientId)
  }

  recentHandouts(limit = 30): Promise<{ handout: HandoutRow; patientName: string }[]> {
    return recentHandouts(this.ctx, limit)
  }

  // ---- trash ----------------------------------------------------------------------------------

  trashPatient(id: string): Promise<TrashEntry> {
    return trashPatient(this.ctx, id)
  }

  trashVisit(id: string): Promise<TrashEntry> {
    return trashVisit(this.ctx, id)
  }

  listTrash(): Promise<TrashEntry[]> {
    return listTrash(this.ctx)
  }

  restoreFromTrash(entryId: string): Promise<TrashEntry> {
    return restoreFromTrash(this.ctx, entryId)
  }

  emptyTrash(): Promise<number> {
    return emptyTrash(this.ctx)
  }

  // ---- settings -------------------------------------------------------------------------------

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.settings.get(key))?.value as T | undefined
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.transaction('rw', this.db.settings, async () => {
      await this.db.settings.put({ key, value, updatedAt: this.ctx.now() })
    })
  }
}
