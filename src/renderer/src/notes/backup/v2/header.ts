import { z } from 'zod'
import { fromBase64Url, randomBytes, toBase64Url, utf8 } from '../../../security/bytes'
import { argon2idParamsSchema } from '../../../security/kdf'
import { recoveryWrapSchema } from '../../../security/wrap'
import { sha256Hex } from '../../canonical'
import { BackupError } from '../format'
import { MAX_CHUNK_PLAIN, NONCE_PREFIX_BYTES } from './stream'

/**
 * The clear header of a version 2 backup: the file's first line, one JSON object. It says what
 * the file is and how to open it, and holds no patient data: counts, dates, the app version, the
 * clinic's name and the wrapped content key. Its SHA-256 is bound into every chunk, so an edited
 * header makes the first chunk fail.
 */
export const STREAM_FORMAT = 'cramp-clinic-backup-stream'
export const STREAM_VERSION = 2
/** The header line is never longer: a reader stops looking after this many bytes. */
export const MAX_HEADER_BYTES = 64 * 1024

const b64 = (min: number, max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .min(min)
    .max(max)
const sealed = z.object({ iv: b64(16, 16), wrapped: b64(40, 100) }).strict()

export const headerSchema = z
  .object({
    format: z.literal(STREAM_FORMAT),
    version: z.literal(STREAM_VERSION),
    backupId: b64(22, 22),
    createdAt: z.iso.datetime({ offset: true }),
    appVersion: z.string().max(100),
    clinicName: z.string().max(200),
    /** The notes database's schema version the rows were read from. */
    schemaVersion: z.number().int().min(1).max(1000),
    counts: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.number().int().min(0)),
    cipher: z
      .object({
        algorithm: z.literal('AES-256-GCM'),
        construction: z.literal('STREAM'),
        noncePrefix: b64(10, 10),
        maxChunkBytes: z.literal(MAX_CHUNK_PLAIN),
      })
      .strict(),
    keys: z
      .object({
        /** The content key under the clinic's recovery key (through the clinic's data key). */
        recovery: z
          .object({ clinicWrap: recoveryWrapSchema, salt: b64(22, 22), ...sealed.shape })
          .strict()
          .optional(),
        /** The content key under a passphrase chosen at export, stretched with Argon2id. */
        passphrase: z
          .object({ kdf: argon2idParamsSchema, ...sealed.shape })
          .strict()
          .optional(),
        /** The clinic's data key under the content key: checks seals and the audit chain on restore. */
        dataKey: sealed,
      })
      .strict(),
  })
  .strict()
export type BackupHeader = z.infer<typeof headerSchema>

export function newBackupId(): string {
  return toBase64Url(randomBytes(16))
}

export function newNoncePrefix(): string {
  return toBase64Url(randomBytes(NONCE_PREFIX_BYTES))
}

export function headerLine(header: BackupHeader): Uint8Array<ArrayBuffer> {
  return utf8(`${JSON.stringify(header)}\n`)
}

export async function headerHash(line: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return fromHex(await sha256Hex(line))
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

/** The header of a version 2 file, or null when the first line is not one (a version 1 file). */
export function parseHeader(firstLine: string): BackupHeader | null {
  let json: unknown
  try {
    json = JSON.parse(firstLine)
  } catch {
    return null
  }
  const format = (json as { format?: unknown } | null)?.format
  if (format !== STREAM_FORMAT) return null
  const version = (json as { version?: unknown }).version
  if (typeof version === 'number' && version > STREAM_VERSION) {
    throw new BackupError(
      'newer-version',
      `This backup was made by a newer version of Cramp Clinic (backup format ${version}). Update the app, then restore it.`,
    )
  }
  const parsed = headerSchema.safeParse(json)
  if (!parsed.success) {
    throw new BackupError(
      'malformed',
      'The start of this backup file is damaged, so it cannot be opened. Nothing was changed. Try another copy of the backup.',
    )
  }
  return parsed.data
}

export { fromBase64Url }
