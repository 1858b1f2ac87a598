import { concatBytes, utf8 } from '../../../security/bytes'

/**
 * The STREAM construction (Hoang, Reyhanitabar, Rogaway and Vizár, "Online authenticated-
 * encryption and its nonce-reuse misuse-resistance", CRYPTO 2015) over WebCrypto's AES-GCM:
 * chunk i is sealed with nonce = 7-byte random prefix || i (32-bit big-endian) || final flag,
 * and its additional data binds the header's SHA-256, i and the final flag. Reordering,
 * dropping, duplicating or truncating chunks, or editing the clear header, makes a chunk fail
 * its tag; a file that ends without a final chunk is incomplete.
 */
export const NONCE_PREFIX_BYTES = 7
/** Plain text per chunk at most: bounds the memory a reader needs for one chunk. */
export const MAX_CHUNK_PLAIN = 4 * 1024 * 1024
export const TAG_BYTES = 16
const LABEL = utf8('cramp-clinic/backup/v2/chunk')

function counter(index: number, final: boolean): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(index) || index < 0 || index > 0xffffffff)
    throw new RangeError('chunk index out of range')
  const b = new Uint8Array(5)
  new DataView(b.buffer).setUint32(0, index)
  b[4] = final ? 1 : 0
  return b
}

export interface StreamKeys {
  key: CryptoKey
  prefix: Uint8Array
  headerHash: Uint8Array
}

function params(k: StreamKeys, index: number, final: boolean): AesGcmParams {
  const c = counter(index, final)
  return {
    name: 'AES-GCM',
    iv: concatBytes(k.prefix, c),
    additionalData: concatBytes(LABEL, k.headerHash, c),
    tagLength: TAG_BYTES * 8,
  }
}

export async function sealChunk(
  k: StreamKeys,
  index: number,
  final: boolean,
  plain: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.encrypt(params(k, index, final), k.key, plain))
}

/** The plain text, or null when the tag fails (wrong key, damage, reordering, wrong flag). */
export async function openChunk(
  k: StreamKeys,
  index: number,
  final: boolean,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt(params(k, index, final), k.key, sealed))
  } catch {
    return null
  }
}
