import { z } from 'zod'
import { HandoutTemplateSchema, StoredHandoutSchema, type HandoutTemplate } from '../handouts/spec'

/**
 * Domain records of the notes database. These zod schemas are the single definition used to
 * check input before a write and every record of a backup before a restore.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date "YYYY-MM-DD" that exists (no 31 February). */
export function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Today's calendar date in local time, "YYYY-MM-DD". */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A real date of birth: exists, not in the future, and not before 1880. */
export function isValidDateOfBirth(value: string, now: Date = new Date()): boolean {
  return isRealDate(value) && value <= todayLocal(now) && value >= '1880-01-01'
}

const isoDateTime = z.iso.datetime({ offset: true })
const id = z.string().min(1).max(100)
const shortText = z.string().max(2000)
const revision = z.number().int().min(1)

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
  revision,
})
export type Patient = z.infer<typeof patientSchema>

/** Handouts given are defined by the handouts feature; notes stores and validates them. */
export const storedHandoutSchema = StoredHandoutSchema

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
  handouts: z.array(storedHandoutSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  revision,
})
export type Visit = z.infer<typeof visitSchema>

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
  handouts: true,
})
export type VisitInput = z.infer<typeof visitInputSchema>

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
  return {
    dateTime,
    reason: '',
    note: '',
    findings: [],
    causeIds: [],
    plan: '',
    followUpDate: '',
    handouts: [],
  }
}

const FIELD_WORDS: Record<string, string> = {
  name: 'Name',
  dateOfBirth: 'Date of birth',
  chartNumber: 'Chart number',
  phone: 'Phone',
  medicines: 'Current medicines',
  alerts: 'Allergies and alerts',
  feetAtRisk: 'Feet at risk',
  dateTime: 'Date and time',
  reason: 'Reason for visit',
  note: 'Note',
  findings: 'Findings',
  causeIds: 'Suspected causes',
  plan: 'Plan',
  followUpDate: 'Follow-up date',
  handouts: 'Handouts given',
}

/** First problems of a zod error in words a receptionist understands. */
export function describeIssues(error: z.ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((issue) => {
      const field = issue.path[0]
      const where = typeof field === 'string' ? (FIELD_WORDS[field] ?? field) : ''
      if (issue.code === 'too_big') {
        const limit = Number(issue.maximum)
        const what =
          issue.origin === 'array' ? `${limit} entries` : `${limit.toLocaleString('en')} characters`
        const line = issue.path.length > 1 && issue.origin === 'string' ? ' (one line of it)' : ''
        return `${where || 'This field'}${line} is too long to save: at most ${what}. Shorten it; your text stays here meanwhile.`
      }
      return where ? `${where}: ${issue.message}` : issue.message
    })
    .join(' ')
}
