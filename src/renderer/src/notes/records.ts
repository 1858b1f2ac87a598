import Dexie from 'dexie'
import type { RepoContext } from './context'
import { parseOrThrow } from './context'
import type { NotesDB } from './db'
import { ConflictError, MissingRecordError } from './errors'
import { historyEntryOf, keepInHistory } from './history'
import {
  PATIENT_FIELDS,
  VISIT_FIELDS,
  patientSchema,
  visitSchema,
  type HistoryEntry,
  type HistoryReason,
  type Patient,
  type PatientInput,
  type RecordKind,
  type Visit,
  type VisitInput,
} from './model'
import { fromPatientRow, fromVisitRow, toPatientRow, toVisitRow } from './rows'
import { visitsChanged } from './searchIndex'
import { nextVersion, randomRun } from './version'

export type RecordOf<K extends RecordKind> = K extends 'patient' ? Patient : Visit
export type InputOf<K extends RecordKind> = K extends 'patient' ? PatientInput : VisitInput

export interface SaveOptions {
  /** Start a new version in the history even if this window saved a moment ago. */
  newRun?: boolean
  /** Conflict versions (revs) this save settles. */
  resolve?: string[]
  /** How the replaced version is described in the history, when it is kept. */
  previous?: { why: HistoryReason; note: string }
}

/** The per-kind parts of a versioned write. */
interface Kind<R> {
  table(db: NotesDB): Dexie.Table
  toRow(record: R): unknown
  fromRow(row: never): R
  validate(record: R): void
  fields: readonly string[]
  what: 'patient' | 'visit'
}

const KINDS: { patient: Kind<Patient>; visit: Kind<Visit> } = {
  patient: {
    table: (db) => db.patients,
    toRow: toPatientRow,
    fromRow: fromPatientRow,
    validate: (r) => parseOrThrow(patientSchema, r),
    fields: PATIENT_FIELDS,
    what: 'patient',
  },
  visit: {
    table: (db) => db.visits,
    toRow: toVisitRow,
    fromRow: fromVisitRow,
    validate: (r) => parseOrThrow(visitSchema, r),
    fields: VISIT_FIELDS,
    what: 'visit',
  },
}

export function kindOf<K extends RecordKind>(kind: K): Kind<RecordOf<K>> {
  return KINDS[kind] as unknown as Kind<RecordOf<K>>
}

export function draftId(kind: RecordKind, recordId: string, window: string): string {
  return `${kind}:${recordId}:${window}`
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

export function sameFields(kind: RecordKind, a: object, b: object): boolean {
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  return kindOf(kind).fields.every((f) => sameValue(x[f], y[f]))
}

function pickChanges(kind: RecordKind, changes: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const c = changes as Record<string, unknown>
  for (const f of kindOf(kind).fields) if (c[f] !== undefined) out[f] = c[f]
  return out
}

/**
 * The one versioned update of a patient or a visit. Applies the user's changes if the stored
 * version is still `baseRev` (otherwise throws a ConflictError holding the stored record), keeps
 * the version it replaces in the history unless it was a step of the same edit (version.ts),
 * and clears this window's crash copy of the record, all in one transaction.
 */
export async function updateRecord<K extends RecordKind>(
  ctx: RepoContext,
  kind: K,
  id: string,
  baseRev: string,
  changes: Partial<InputOf<K>>,
  options: SaveOptions = {},
): Promise<RecordOf<K>> {
  const k = kindOf(kind)
  const { db } = ctx
  const result = await db.transaction(
    'rw',
    [k.table(db), db.history, db.patients, db.visits, db.drafts],
    async () => {
      const row = await k.table(db).get(id)
      if (!row) throw new MissingRecordError(k.what)
      const current = k.fromRow(row as never)
      if (current.rev !== baseRev) throw new ConflictError(k.what, current)
      const merged = { ...current, ...pickChanges(kind, changes) } as RecordOf<K>
      const fieldsChanged = !sameFields(kind, current, merged)
      const resolved = (options.resolve ?? []).filter((r) => current.conflicts.includes(r))
      await db.drafts.delete(draftId(kind, id, ctx.author.window))
      if (!fieldsChanged && !resolved.length) return current
      const now = ctx.now()
      const { meta, keepCurrent } = nextVersion(current, ctx.author, now, {
        newRun: options.newRun,
        fieldsChanged,
        resolved,
      })
      const next = { ...merged, ...meta, updatedAt: ctx.laterThan(current.updatedAt) } as RecordOf<K>
      k.validate(next)
      if (keepCurrent) {
        const why = options.previous ?? { why: 'edit' as const, note: '' }
        await keepInHistory(ctx, kind, current, why.why, why.note)
      }
      await k.table(db).put(k.toRow(next))
      if (kind === 'visit' && (next as Visit).dateTime !== (current as Visit).dateTime) {
        await refreshLastVisit(db, (next as Visit).patientId)
      }
      return next
    },
  )
  if (kind === 'visit') await visitsChanged(db, [id])
  return result
}

/**
 * Keeps text that was not chosen (this window's version in a conflict, a copy left by a window
 * that closed) as a version in the record's history, without changing the record. With
 * `unresolved`, the record lists it as a conflict still to settle, and its screen says so.
 */
export async function keepAside<K extends RecordKind>(
  ctx: RepoContext,
  kind: K,
  id: string,
  fields: Partial<InputOf<K>>,
  basedOn: string,
  note: string,
  options: { unresolved?: boolean; savedBy?: RepoContext['author']; savedAt?: string } = {},
): Promise<HistoryEntry> {
  const k = kindOf(kind)
  const { db } = ctx
  return db.transaction('rw', [k.table(db), db.history, db.drafts], async () => {
    const row = await k.table(db).get(id)
    if (!row) throw new MissingRecordError(k.what)
    const current = k.fromRow(row as never)
    const at = options.savedAt ?? ctx.now()
    const generation = current.revision + 1
    const aside = {
      ...current,
      ...pickChanges(kind, fields),
      revision: generation,
      rev: `${generation}-${randomRun()}`,
      lineage: [basedOn],
      savedBy: options.savedBy ?? ctx.author,
      editStartedAt: at,
      updatedAt: at,
      conflicts: [],
    } as RecordOf<K>
    k.validate(aside)
    const entry = historyEntryOf(kind, aside, 'conflict', note, ctx.now())
    await db.history.put(entry)
    if (options.unresolved) {
      await k.table(db).put(k.toRow({ ...current, conflicts: [...current.conflicts, aside.rev] }))
    }
    await db.drafts.delete(draftId(kind, id, ctx.author.window))
    return entry
  })
}

/** Keeps the patient's list position in step with their newest visit. */
export async function refreshLastVisit(db: NotesDB, patientId: string): Promise<void> {
  const row = await db.patients.get(patientId)
  if (!row) return
  const newest = await db.visits
    .where('[patientId+dateTime]')
    .between([patientId, Dexie.minKey], [patientId, Dexie.maxKey])
    .last()
  const lastVisitAt = newest?.dateTime ?? null
  if (lastVisitAt === row.lastVisitAt) return
  // Not a user edit: no new version, so an open patient form does not see a false conflict.
  await db.patients.put(toPatientRow({ ...fromPatientRow(row), lastVisitAt }))
}
