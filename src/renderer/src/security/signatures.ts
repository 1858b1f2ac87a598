import { z } from 'zod'
import { sha256Hex } from '../../../shared/bytes'
import { canonicalJson } from '../notes/canonical'
import type { Visit } from '../notes/model'
import { utf8 } from './bytes'
import { SecurityError } from './errors'
import { sealOf, verifySeal } from './seals'

/**
 * Signed visits and addenda.
 *
 * Signing records who, when, and the SHA-256 of the visit's canonical signed content; the
 * record is sealed with the data key so author, time and hash cannot be edited together on disk.
 * A signed visit is never changed again: corrections are addenda, each with its own author,
 * time, reason, text and hash, tied to the signature it follows.
 *
 * Handouts given are not part of the signed content: a reprint from the history is added to the
 * visit later and is recorded in the audit trail instead.
 *
 * At rest, `contentHash` and the addendum's reason, text and hash belong in the encrypted fields
 * (SIGNATURE_SEALED_FIELDS, ADDENDUM_SEALED_FIELDS): a bare hash of a short note beside it would
 * let someone with the disk confirm a guess of the note.
 */
export const SIGNED_VISIT_FIELDS = [
  'id',
  'patientId',
  'dateTime',
  'reason',
  'note',
  'findings',
  'causeIds',
  'plan',
  'followUpDate',
] as const satisfies readonly (keyof Visit)[]
export type SignedContent = Pick<Visit, (typeof SIGNED_VISIT_FIELDS)[number]>

/** Author of notes written before sign-in existed: the clinic, until a clinician signs them. */
export const LEGACY_AUTHOR_ID = 'clinic'
export const LEGACY_AUTHOR_WORDS = 'written before sign-in existed'

const isoDateTime = z.iso.datetime({ offset: true })
const hex64 = z.string().regex(/^[0-9a-f]{64}$/)

export const signatureSchema = z.object({
  visitId: z.string().min(1).max(100),
  authorId: z.string().min(1).max(100),
  signedAt: isoDateTime,
  algorithm: z.literal('sha-256'),
  contentHash: hex64,
  seal: z.string(),
})
export type Signature = z.infer<typeof signatureSchema>
export const SIGNATURE_SEALED_FIELDS = ['contentHash'] as const

export const addendumInputSchema = z.object({
  reason: z
    .string()
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, 'Say why the addendum is needed (for example “result came back”).')
    .refine((v) => v.length <= 500, 'The reason can be at most 500 characters.'),
  text: z.string().refine((v) => v.trim().length > 0, 'The addendum has no text yet.'),
})
export type AddendumInput = z.input<typeof addendumInputSchema>

export const addendumSchema = z.object({
  id: z.string().min(1).max(100),
  visitId: z.string().min(1).max(100),
  authorId: z.string().min(1).max(100),
  createdAt: isoDateTime,
  reason: z.string().min(1).max(500),
  text: z.string().min(1),
  /** The contentHash of the signature this addendum follows. */
  follows: hex64,
  /** SHA-256 of the addendum's own canonical content. */
  hash: hex64,
  seal: z.string(),
})
export type Addendum = z.infer<typeof addendumSchema>
export const ADDENDUM_SEALED_FIELDS = ['reason', 'text', 'hash'] as const

export class SignedRecordError extends SecurityError {
  constructor(message: string) {
    super(message)
    this.name = 'SignedRecordError'
  }
}

export function signedContent(visit: Visit): SignedContent {
  const out: Record<string, unknown> = {}
  for (const f of SIGNED_VISIT_FIELDS) out[f] = visit[f]
  return out as SignedContent
}

export async function hashSignedContent(visit: Visit): Promise<string> {
  return sha256Hex(utf8(canonicalJson({ format: 'cramp-clinic/signed-visit/v1', ...signedContent(visit) })))
}

export async function signVisit(
  sealKey: CryptoKey,
  visit: Visit,
  authorId: string,
  now: Date = new Date(),
): Promise<Signature> {
  const unsealed = {
    visitId: visit.id,
    authorId,
    signedAt: now.toISOString(),
    algorithm: 'sha-256' as const,
    contentHash: await hashSignedContent(visit),
  }
  return { ...unsealed, seal: await sealOf(sealKey, 'signature', unsealed) }
}

export type SignatureCheck =
  { ok: true } | { ok: false; problem: 'content-changed' | 'seal-broken' | 'wrong-visit'; message: string }

export async function verifySignature(
  sealKey: CryptoKey,
  visit: Visit,
  signature: Signature,
): Promise<SignatureCheck> {
  const { seal, ...unsealed } = signature
  if (signature.visitId !== visit.id) {
    return { ok: false, problem: 'wrong-visit', message: 'This signature belongs to another visit.' }
  }
  if (!(await verifySeal(sealKey, 'signature', unsealed, seal))) {
    return {
      ok: false,
      problem: 'seal-broken',
      message:
        'The signature of this visit was changed outside Cramp Clinic: its author or time cannot be trusted.',
    }
  }
  if ((await hashSignedContent(visit)) !== signature.contentHash) {
    return {
      ok: false,
      problem: 'content-changed',
      message:
        'This visit’s text is not what was signed: it was changed after signing, outside Cramp Clinic.',
    }
  }
  return { ok: true }
}

function addendumContent(a: Omit<Addendum, 'hash' | 'seal'>): string {
  return canonicalJson({ format: 'cramp-clinic/addendum/v1', ...a })
}

export async function createAddendum(
  sealKey: CryptoKey,
  signature: Signature,
  input: AddendumInput,
  authorId: string,
  id: string,
  now: Date = new Date(),
): Promise<Addendum> {
  const parsed = addendumInputSchema.safeParse(input)
  if (!parsed.success) throw new SignedRecordError(parsed.error.issues[0]?.message ?? 'Check the addendum.')
  const base = {
    id,
    visitId: signature.visitId,
    authorId,
    createdAt: now.toISOString(),
    reason: parsed.data.reason,
    text: parsed.data.text,
    follows: signature.contentHash,
  }
  const unsealed = { ...base, hash: await sha256Hex(utf8(addendumContent(base))) }
  return { ...unsealed, seal: await sealOf(sealKey, 'addendum', unsealed) }
}

export async function verifyAddendum(
  sealKey: CryptoKey,
  signature: Signature,
  addendum: Addendum,
): Promise<boolean> {
  const { seal, hash, ...base } = addendum
  if (addendum.visitId !== signature.visitId || addendum.follows !== signature.contentHash) return false
  if ((await sha256Hex(utf8(addendumContent(base)))) !== hash) return false
  return verifySeal(sealKey, 'addendum', { ...base, hash }, seal)
}

/** Guards for the repository: a signed visit is only ever added to, and is kept for good. */
export function assertEditable(signature: Signature | undefined | null): void {
  if (signature) {
    throw new SignedRecordError(
      'This visit is signed, so it cannot be changed. Add an addendum to correct or add to it.',
    )
  }
}

export function assertTrashable(signature: Signature | undefined | null): void {
  if (signature) {
    throw new SignedRecordError(
      'A signed visit is part of the patient’s record and is kept: it cannot be moved to the trash.',
    )
  }
}
