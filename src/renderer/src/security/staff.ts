import { z } from 'zod'
import { StaffError } from './errors'
import { ROLES, ROLE_WORDS, type Role } from './policy'
import { sealOf, verifySeal } from './seals'
import { passphraseWrapSchema } from './wrap'

/**
 * Staff members. Never deleted: a signature or audit entry must always name a person. Kept in
 * clear (the sign-in screen lists them before any key is open) but sealed with the data key, so
 * a role or active flag edited on disk is caught at the next sign-in.
 */
const isoDateTime = z.iso.datetime({ offset: true })

export const staffInputSchema = z
  .object({
    name: z
      .string()
      .max(200, 'A name can be at most 200 characters.')
      .transform((v) => v.trim())
      .refine((v) => v.length > 0, 'A name is needed.'),
    role: z.enum(ROLES),
    /** Professional registration, e.g. "HCPC CH12345". */
    registration: z
      .string()
      .max(100, 'A registration number can be at most 100 characters.')
      .transform((v) => v.trim()),
  })
  .refine((s) => s.role === 'reception' || s.registration.length > 0, {
    path: ['registration'],
    message:
      'A professional registration number is needed for anyone who writes notes (for example HCPC CH12345): it is shown beside their signature.',
  })
export type StaffInput = z.input<typeof staffInputSchema>

export const staffSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  registration: z.string().max(100),
  active: z.boolean(),
  /** Set when the owner chose the passphrase (new account, reset): changed at next sign-in. */
  mustChangePassphrase: z.boolean(),
  /** The data key under this person's passphrase; null once deactivated, so it opens nothing. */
  wrap: passphraseWrapSchema.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  seal: z.string(),
})
export type StaffMember = z.infer<typeof staffSchema>
export type UnsealedStaff = Omit<StaffMember, 'seal'>

/** What the sign-in and staff screens show: never the wrap or the seal. */
export interface StaffSummary {
  id: string
  name: string
  role: Role
  registration: string
  active: boolean
  mustChangePassphrase: boolean
}

export function summarize(s: StaffMember): StaffSummary {
  return {
    id: s.id,
    name: s.name,
    role: s.role,
    registration: s.registration,
    active: s.active,
    mustChangePassphrase: s.mustChangePassphrase,
  }
}

/** Checked input, or StaffError naming the first problem in plain words. */
export function parseStaffInput(input: StaffInput): z.output<typeof staffInputSchema> {
  const result = staffInputSchema.safeParse(input)
  if (!result.success) throw new StaffError(result.error.issues[0]?.message ?? 'Check the details.')
  return result.data
}

export function stripSeal(member: StaffMember): UnsealedStaff {
  const { seal: _s, ...rest } = member
  return rest
}

export async function sealStaff(sealKey: CryptoKey, staff: UnsealedStaff): Promise<StaffMember> {
  return { ...staff, seal: await sealOf(sealKey, 'staff', staff) }
}

export async function staffSealValid(sealKey: CryptoKey, staff: StaffMember): Promise<boolean> {
  const { seal, ...rest } = staff
  return verifySeal(sealKey, 'staff', rest, seal)
}

/** "Jo Bloggs (Clinician, HCPC CH12345)": how a person is named beside a signature. */
export function staffLabel(s: Pick<StaffSummary, 'name' | 'role' | 'registration'>): string {
  const role = ROLE_WORDS[s.role]
  return s.registration ? `${s.name} (${role}, ${s.registration})` : `${s.name} (${role})`
}

/** The last active owner may not be deactivated or made something else. */
export function assertKeepsAnOwner(all: readonly StaffSummary[], changed: StaffSummary): void {
  const after = all.map((s) => (s.id === changed.id ? changed : s))
  if (!after.some((s) => s.active && s.role === 'owner')) {
    throw new StaffError('The clinic needs at least one active owner. Make someone else an owner first.')
  }
}
