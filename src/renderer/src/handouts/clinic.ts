/**
 * Clinic settings: the branding printed on every handout. Stored in the settings table under
 * key "clinic" and copied into each handout spec, so a reissued handout carries the clinic
 * details it was first given with.
 */
import { imageSize as measureImage } from 'image-size'
import { formatBytes } from '../../../shared/bytes'
import { z } from 'zod'
import { contrastOnWhite, MIN_ACCENT_CONTRAST } from './palette'

/** The logo is embedded in every PDF and in every stored spec: keep it small. */
export const LOGO_MAX_BYTES = 256 * 1024
export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const
export type LogoMime = (typeof LOGO_MIME_TYPES)[number]

export const LogoSchema = z
  .object({
    mime: z.enum(LOGO_MIME_TYPES),
    dataBase64: z
      .string()
      .min(1)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
    width: z.number().int().positive().max(20000),
    height: z.number().int().positive().max(20000),
  })
  .strict()
  .superRefine((logo, ctx) => {
    try {
      checkLogoBytes(base64ToBytes(logo.dataBase64), logo.mime)
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message, path: ['dataBase64'] })
    }
  })
export type Logo = z.infer<typeof LogoSchema>

const line = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`)

export const ClinicSettingsSchema = z
  .object({
    name: line(120),
    address: z.string().trim().max(400, 'must be at most 400 characters'),
    phone: line(60),
    emailOrWebsite: line(120),
    logo: LogoSchema.optional(),
    defaultClinician: line(120),
    footer: line(300),
    /** Headings and rules on the handout; absent: the app's teal. */
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0f6b63')
      .refine((c) => contrastOnWhite(c) >= MIN_ACCENT_CONTRAST, {
        message: 'is too light to read on white paper; choose a darker colour',
      })
      .optional(),
    /** How dates are written and typed across the app and on handouts; absent: day first. */
    dateOrder: z.enum(['day-month', 'month-day']).optional(),
  })
  .strict()
export type ClinicSettings = z.infer<typeof ClinicSettingsSchema>

export const EMPTY_CLINIC: ClinicSettings = {
  name: '',
  address: '',
  phone: '',
  emailOrWebsite: '',
  defaultClinician: '',
  footer: '',
}

export class LogoError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LogoError'
  }
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    bin += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(bin)
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

function sniffMime(bytes: Uint8Array): LogoMime | undefined {
  if (startsWith(bytes, PNG_MAGIC)) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096))
  if (
    /^\s*(\uFEFF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>\s*)?<svg[\s>]/i.test(
      head,
    )
  )
    return 'image/svg+xml'
  return undefined
}

const MIME_LABEL: Record<LogoMime, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/svg+xml': 'SVG',
}

/** Throws a LogoError with a message fit to show the user as is. */
export function checkLogoBytes(bytes: Uint8Array, declared?: LogoMime): LogoMime {
  if (bytes.length === 0) throw new LogoError('The logo file is empty.')
  if (bytes.length > LOGO_MAX_BYTES) {
    throw new LogoError(
      `The logo file is ${formatBytes(bytes.length)}; the largest allowed is ${formatBytes(LOGO_MAX_BYTES)}. Please choose a smaller image.`,
    )
  }
  const mime = sniffMime(bytes)
  if (!mime) throw new LogoError('The logo must be a PNG, JPEG or SVG image. This file is none of those.')
  if (declared && declared !== mime) {
    throw new LogoError(
      `The logo says it is ${MIME_LABEL[declared]} but its contents are ${MIME_LABEL[mime]}.`,
    )
  }
  if (mime === 'image/svg+xml') {
    const text = new TextDecoder().decode(bytes)
    // External references would make the PDF depend on something outside the file (and reach the
    // network): links, CSS url() and @import, embedded web content and external XML entities.
    if (
      /(?:xlink:)?href\s*=\s*["'](?!#|data:)/i.test(text) ||
      /url\((?!\s*["']?\s*(?:#|data:))/i.test(text) ||
      /@import\b/i.test(text) ||
      /<(script|foreignObject|iframe|object|embed)[\s>/]/i.test(text) ||
      /<!ENTITY[^>]*\b(?:SYSTEM|PUBLIC)\b/i.test(text)
    ) {
      throw new LogoError(
        'The SVG logo refers to other files or contains scripts. Please save it as a plain SVG or a PNG.',
      )
    }
  }
  if (mime === 'image/png') checkPngChunks(bytes)
  return mime
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/**
 * Walks a PNG's chunks and checks each one's checksum: a cut-short or damaged file is refused
 * here, with a plain message, instead of printing as a broken image or failing the handout later.
 */
function checkPngChunks(bytes: Uint8Array): void {
  const damaged = (): never => {
    throw new LogoError('The PNG logo is damaged or cut short. Please export it again from the original.')
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let i = 8
  let first = true
  let sawData = false
  while (i + 12 <= bytes.length) {
    const len = view.getUint32(i)
    const end = i + 12 + len
    if (end > bytes.length) damaged()
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8))
    if (first && type !== 'IHDR') damaged()
    if (crc32(bytes.subarray(i + 4, i + 8 + len)) !== view.getUint32(i + 8 + len)) damaged()
    if (type === 'IDAT') sawData = true
    if (type === 'IEND') {
      if (!sawData) damaged()
      return
    }
    first = false
    i = end
  }
  damaged()
}

const NO_SIZE: Record<LogoMime, string> = {
  'image/png': 'The PNG logo is cut short: its size could not be read.',
  'image/jpeg': 'The JPEG logo is damaged: its size could not be read.',
  'image/svg+xml': 'The SVG logo needs a width and height or a viewBox.',
}

/** Width and height in pixels, read from the image by the image-size library. */
export function logoSize(bytes: Uint8Array, mime: LogoMime): { width: number; height: number } {
  let size: { width?: number; height?: number }
  try {
    size = measureImage(bytes)
  } catch {
    throw new LogoError(NO_SIZE[mime])
  }
  if (!size.width || !size.height || !(size.width > 0 && size.height > 0)) throw new LogoError(NO_SIZE[mime])
  return { width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) }
}

/** Turns a chosen file into a Logo, or throws a LogoError with a plain message. */
export function logoFromFile(bytes: Uint8Array): Logo {
  const mime = checkLogoBytes(bytes)
  const { width, height } = logoSize(bytes, mime)
  if (width < 16 || height < 16)
    throw new LogoError('The logo is too small to print clearly (at least 16 pixels each way).')
  return { mime, dataBase64: bytesToBase64(bytes), width, height }
}

/** A data URL for pdfmake images and <img> previews. */
export function logoDataUrl(logo: Logo): string {
  return `data:${logo.mime};base64,${logo.dataBase64}`
}

export function logoSvgText(logo: Logo): string {
  return new TextDecoder().decode(base64ToBytes(logo.dataBase64))
}
