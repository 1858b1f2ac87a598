/**
 * Sizes and digests of byte arrays, the same on every side: one way to print a size (main's
 * file-too-large message, backups, the storage panel, logos) and one SHA-256 (backup checksums,
 * handout fingerprints). WebCrypto is global in browsers and in Node 20.
 */

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const

/** `512 bytes`, `38 KB`, `1.5 MB`, `2 GB`: whole KB, one decimal above, none when it is .0. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return 'an unknown size'
  if (n < 1024) return n === 1 ? '1 byte' : `${Math.round(n)} bytes`
  let value = n / 1024
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const shown = unit === 0 ? Math.round(value) : Math.round(value * 10) / 10
  return `${shown} ${UNITS[unit]}`
}

/** Lower-case hex of a digest. */
export function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('')
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
}
