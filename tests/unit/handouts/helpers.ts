/** Shared fixtures for the handout tests: real content, a valid spec, tiny real images, PDF text. */
import { deflateSync } from 'node:zlib'
import { loadContent } from '../../../scripts/content-fs'
import type { Content } from '../../../src/renderer/src/reference/schema'
import {
  CURRENT_FORMAT,
  parseHandoutSpec,
  type HandoutSpec,
  type HandoutSpecInput,
} from '../../../src/renderer/src/handouts/spec'
import { EMPTY_CLINIC } from '../../../src/renderer/src/handouts/clinic'

let content: Content | undefined
export function realContent(): Content {
  content ??= loadContent()
  return content
}

export const CLINIC = {
  ...EMPTY_CLINIC,
  name: 'Riverside Foot Clinic',
  address: '12 Mill Lane\nRiverside RS1 2AB',
  phone: '01234 567890',
  emailOrWebsite: 'www.riversidefeet.example',
  defaultClinician: 'Sam Patel',
  footer: 'A registered podiatry practice.',
}

export function specInput(over: Partial<HandoutSpecInput> = {}): HandoutSpecInput {
  return {
    format: CURRENT_FORMAT,
    patient: { name: 'Margaret Quill' },
    date: '2026-11-21',
    causes: ['dehydration'],
    sections: ['during-a-cramp', 'hydration'],
    medicines: [],
    personalNote: '',
    clinician: 'Sam Patel',
    options: { largePrint: false, pageSize: 'A4' },
    contentVersion: realContent().meta.version,
    clinic: CLINIC,
    ...over,
  }
}

export function makeSpec(over: Partial<HandoutSpecInput> = {}): HandoutSpec {
  return parseHandoutSpec(specInput(over))
}

function crc32(bytes: Uint8Array): number {
  let c = ~0
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

/** A real, decodable RGB PNG of the given size (a teal square). */
export function makePng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    out.write(type, 4, 'latin1')
    Buffer.from(data).copy(out, 8)
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set([15, 107, 99], y * (width * 3 + 1) + 1 + x * 3)
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array()),
    ]),
  )
}

export const SVG_LOGO = new TextEncoder().encode(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60"><rect width="200" height="60" rx="8" fill="#0f6b63"/><circle cx="30" cy="30" r="18" fill="#fff"/></svg>',
)

/** Text of each page, joined with spaces, via pdf.js (legacy build for Node). */
export async function pdfPages(bytes: Uint8Array): Promise<
  {
    text: string
    width: number
    height: number
    sizes: number[]
    items: { str: string; size: number; right: number; x: number; y: number }[]
  }[]
> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false })
    .promise
  const pages = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const tc = await page.getTextContent()
    const items = tc.items.filter((it): it is Extract<typeof it, { str: string }> => 'str' in it)
    const vp = page.getViewport({ scale: 1 })
    pages.push({
      text: items
        .map((it) => it.str)
        .join(' ')
        .replace(/\s+/g, ' '),
      width: Math.round(vp.width),
      height: Math.round(vp.height),
      sizes: items
        .filter((it) => it.str.trim())
        .map((it) => Math.round(Math.hypot(it.transform[0]!, it.transform[1]!) * 10) / 10),
      items: items
        .filter((it) => it.str.trim())
        .map((it) => ({
          str: it.str,
          size: Math.round(Math.hypot(it.transform[0]!, it.transform[1]!) * 10) / 10,
          right: it.transform[4]! + it.width,
          x: it.transform[4]!,
          y: it.transform[5]!,
        })),
    })
  }
  await doc.destroy()
  return pages
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).map((p) => p.text).join(' ')
}
