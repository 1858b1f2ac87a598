import { z } from 'zod'
import { fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes'

/**
 * Argon2id (RFC 9106) through hash-wasm turns a passphrase into the key that wraps the clinic's
 * data key. The parameters and the per-user random salt are stored with each wrap, so the cost
 * can be raised later for new wraps while old ones still open.
 */
export const argon2idParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  /** Memory in KiB. Bounded so a damaged or edited wrap cannot ask for gigabytes. */
  memoryKiB: z
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024),
  iterations: z.number().int().min(1).max(20),
  parallelism: z.number().int().min(1).max(8),
  /** 16 random bytes, base64url. */
  salt: z.string().min(16).max(64),
})
export type Argon2idParams = z.infer<typeof argon2idParamsSchema>
export type Argon2idCost = Pick<Argon2idParams, 'memoryKiB' | 'iterations' | 'parallelism'>

/**
 * 64 MiB of memory (RFC 9106's second recommended option) with 2 passes instead of its 3, one
 * lane. Memory is what makes guessing on GPUs expensive, so it stays; the passes are cut so
 * sign-in stays under 1 s on a loaded 2-core machine (3 passes measured 0.7-1.1 s there, 2 about
 * a third less; bench/security.bench.ts). Still above OWASP's Argon2id minimums (19 MiB x 2,
 * 46 MiB x 1). One lane: hash-wasm runs lanes one after another, so more would add time for us
 * and nothing for an attacker's GPU. Parameters travel with each wrap, so they can be raised
 * later for new wraps while old ones still open.
 */
export const SIGN_IN_COST: Argon2idCost = { memoryKiB: 64 * 1024, iterations: 2, parallelism: 1 }

/** Fresh parameters with a new random salt: every wrap gets its own. */
export function newArgon2idParams(cost: Argon2idCost = SIGN_IN_COST): Argon2idParams {
  return { algorithm: 'argon2id', ...cost, salt: toBase64Url(randomBytes(16)) }
}

/**
 * Passphrases are compared as Unicode NFC, so "é" typed as one character or as e + accent (two
 * keyboards, two systems) opens the same wrap. Nothing is trimmed: spaces are part of it.
 */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC')
}

/** An AES-GCM key that can wrap and unwrap the data key; its bytes never leave WebCrypto. */
export async function deriveWrappingKey(passphrase: string, params: Argon2idParams): Promise<CryptoKey> {
  const checked = argon2idParamsSchema.parse(params)
  // Loaded on first use: the WASM module is not needed until someone signs in.
  const { argon2id } = await import('hash-wasm')
  const raw = await argon2id({
    password: utf8(normalizePassphrase(passphrase)),
    salt: fromBase64Url(checked.salt),
    memorySize: checked.memoryKiB,
    iterations: checked.iterations,
    parallelism: checked.parallelism,
    hashLength: 32,
    outputType: 'binary',
  })
  try {
    return await crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, [
      'wrapKey',
      'unwrapKey',
    ])
  } finally {
    raw.fill(0)
  }
}
