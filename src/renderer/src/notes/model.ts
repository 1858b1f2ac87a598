import { z } from 'zod'
import { HandoutTemplateSchema, StoredHandoutSchema, type HandoutTemplate } from '../handouts/spec'
import { isRealDate, isValidDateOfBirth } from './dates'
import { authorSchema, versionFields } from './version'

/**
 * Domain records of the notes database. These zod schemas are the single definition used to
 * check input before a write and every record of a backup before a restore. Patients and visits
 * are whole documents with an id and a version lineage (version.ts), so a replication engine can
 * later carry them as they are.
 */

export { isRealDate, isValidDateOfBirth, todayLocal } from './dates'
export { describeIssues } from './describe'

const isoDateTime = z.iso.datetime({ offset: true })
const id = z.string().min(1).max(100)
const shortText = z.string().max(2000)

export const patientSchema = z.object({
  id,
  name: z
    .string()
    .max(500)
    .refine((v) => v.trim().length > 0, { message: 'A name is needed.' }),
  dateOfBirth: z.string().refine((v) => v === '' || isValidDateOfBirth(v), {
    message: 'Date of birth must be a real date in the past (YYYY-MM-DD).',
  }),
  chartNumber: z.string().max(100),
  phone: z.string().max(100),
  medicines: z.array(z.string().max(500)).max(200),
  alerts: z.string(),
  /**
   * The clinician marks the feet at risk (diabetes, nerve damage, poor circulation): handouts then
   * leave out self-care a guideline warns against for such feet. Absent on records and backups
   * made before it existed, which read as false.
   */
  feetAtRisk: z.boolean().default(false),
  /** Date and time of the newest visit, or null when there is none yet. */
  lastVisitAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  ...versionFields,
})
export type Patient = z.infer<typeof patientSchema>

export const visitSchema = z.object({
  id,
  patientId: id,
  dateTime: isoDateTime,
  reason: shortText,
  /** Free text of any length: a note is never cut. */
  note: z.string(),
  findings: z.array(z.string().max(200)).max(500),
  causeIds: z.array(z.string().max(200)).max(500),
  plan: z.string(),
  followUpDate: z.string().refine((v) => v === '' || isRealDate(v), {
    message: 'Follow-up date must be a real date (YYYY-MM-DD).',
  }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  ...versionFields,
})
export type Visit = z.infer<typeof visitSchema>

/**
 * A handout given at a visit (defined by the handouts feature), in its own table: handouts are
 * only ever added, so they never make a visit's version conflict with another window's.
 */
export const handoutRowSchema = StoredHandoutSchema.extend({ visitId: id, patientId: id })
export type HandoutRow = z.infer<typeof handoutRowSchema>

export const settingSchema = z.object({
  key: z.string().min(1).max(200),
  value: z.unknown(),
  updatedAt: isoDateTime,
})
export type Setting = z.infer<typeof settingSchema>

/** Saved handout templates belong to the handouts feature; notes only stores and backs them up. */
export const handoutTemplateSchema = HandoutTemplateSchema
export type { HandoutTemplate }

/** A deleted patient (with all their visits) or a single deleted visit, restorable as a whole. */
export const trashEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    id,
    kind: z.literal('patient'),
    deletedAt: isoDateTime,
    patient: patientSchema,
    visits: z.array(visitSchema),
  }),
  z.object({
    id,
    kind: z.literal('visit'),
    deletedAt: isoDateTime,
    visit: visitSchema,
    /** Shown in the trash list even if the patient is gone too. */
    patientName: z.string(),
  }),
])
export type TrashEntry = z.infer<typeof trashEntrySchema>

/**
 * Why a version is in the history:
 * - edit: an earlier version, replaced by a later edit;
 * - conflict: a version that met another one (another window, a backup from another computer,
 *   a copy left by a window that closed) and was not the one chosen, or not chosen yet;
 * - replaced: replaced by a restore, a merge or an earlier version brought back.
 */
export const HISTORY_REASONS = ['edit', 'conflict', 'replaced'] as const
export type HistoryReason = (typeof HISTORY_REASONS)[number]

const historyCommon = {
  /** `${recordId} ${rev}`: one entry per version, so merging two histories never doubles one. */
  id: z.string().min(1).max(210),
  recordId: id,
  /** When this version was saved (its updatedAt), for ordering. */
  savedAt: isoDateTime,
  /** When it went into the history. */
  keptAt: isoDateTime,
  why: z.enum(HISTORY_REASONS),
  /** What happened, in plain words ("Set aside in this window for the other window's version"). */
  note: z.string().max(500),
}

export const historyEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...historyCommon, kind: z.literal('patient'), record: patientSchema }),
  z.object({ ...historyCommon, kind: z.literal('visit'), record: visitSchema }),
])
export type HistoryEntry = z.infer<typeof historyEntrySchema>
export type RecordKind = HistoryEntry['kind']

export function historyId(recordId: string, rev: string): string {
  return `${recordId} ${rev}`
}

/**
 * The crash copy of an editor's unsaved text, refreshed on every save tick the record itself
 * cannot take (a conflict, a failed write). Local to this computer; put into the history at the
 * next start if its window is gone.
 */
export interface DraftRow {
  /** `${kind}:${recordId}:${window}`: one per record and window. */
  id: string
  kind: RecordKind
  recordId: string
  window: string
  /** The version the text was typed on. */
  baseRev: string
  fields: Record<string, unknown>
  at: string
  savedBy: z.infer<typeof authorSchema>
}

/** Fields a user may change on a patient (everything else is managed by the repository). */
export const patientInputSchema = patientSchema.pick({
  name: true,
  dateOfBirth: true,
  chartNumber: true,
  phone: true,
  medicines: true,
  alerts: true,
  feetAtRisk: true,
})
export type PatientInput = z.infer<typeof patientInputSchema>

export const visitInputSchema = visitSchema.pick({
  dateTime: true,
  reason: true,
  note: true,
  findings: true,
  causeIds: true,
  plan: true,
  followUpDate: true,
})
export type VisitInput = z.infer<typeof visitInputSchema>

export const PATIENT_FIELDS = Object.keys(patientInputSchema.shape) as (keyof PatientInput)[]
export const VISIT_FIELDS = Object.keys(visitInputSchema.shape) as (keyof VisitInput)[]

export function emptyPatientInput(): PatientInput {
  return {
    name: '',
    dateOfBirth: '',
    chartNumber: '',
    phone: '',
    medicines: [],
    alerts: '',
    feetAtRisk: false,
  }
}

export function emptyVisitInput(dateTime: string): VisitInput {
  return { dateTime, reason: '', note: '', findings: [], causeIds: [], plan: '', followUpDate: '' }
}

/** The fields a user edits, picked from a whole record (for drafts and comparisons). */
export function patientInputOf(p: Patient): PatientInput {
  return pickFields(p, PATIENT_FIELDS)
}

export function visitInputOf(v: Visit): VisitInput {
  return pickFields(v, VISIT_FIELDS)
}

function pickFields<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>
  for (const k of keys) {
    const v = record[k]
    out[k] = (Array.isArray(v) ? [...v] : v) as T[K]
  }
  return out
}
