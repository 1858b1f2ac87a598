import { describe, expect, it } from 'vitest'
import {
  ClinicSettingsSchema,
  LOGO_MAX_BYTES,
  LogoError,
  LogoSchema,
  logoFromFile,
} from '../../../src/renderer/src/handouts/clinic'
import { CLINIC, makePng, SVG_LOGO } from './helpers'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

function logoError(bytes: Uint8Array): string {
  try {
    logoFromFile(bytes)
  } catch (e) {
    expect(e).toBeInstanceOf(LogoError)
    return (e as Error).message
  }
  throw new Error('expected a LogoError')
}

describe('clinic logo', () => {
  it('reads PNG, JPEG and SVG logos with their size', () => {
    expect(logoFromFile(makePng(240, 80))).toMatchObject({ mime: 'image/png', width: 240, height: 80 })
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x32, 0x00, 0x64,
      0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ])
    expect(logoFromFile(jpeg)).toMatchObject({ mime: 'image/jpeg', width: 100, height: 50 })
    expect(logoFromFile(SVG_LOGO)).toMatchObject({ mime: 'image/svg+xml', width: 200, height: 60 })
  })

  it('explains why a file is refused', () => {
    expect(logoError(new Uint8Array())).toMatch(/empty/)
    expect(logoError(enc('GIF89a.....'))).toMatch(/PNG, JPEG or SVG/)
    expect(logoError(enc('%PDF-1.7'))).toMatch(/PNG, JPEG or SVG/)
    const big = new Uint8Array(LOGO_MAX_BYTES + 1)
    big.set(makePng(20, 20))
    expect(logoError(big)).toMatch(/largest allowed is 256 KB/)
    expect(logoError(makePng(8, 8))).toMatch(/too small/)
    expect(logoError(enc('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'))).toMatch(
      /width and height or a viewBox/,
    )
    expect(
      logoError(
        enc(
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image href="https://x.example/a.png"/></svg>',
        ),
      ),
    ).toMatch(/refers to other files/)
    expect(logoError(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0]))).toMatch(/damaged/)
  })

  it('refuses SVG logos that reach outside the file, and damaged PNGs', () => {
    const svg = (inner: string, head = ''): Uint8Array =>
      enc(`${head}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40">${inner}</svg>`)
    for (const inner of [
      '<rect width="9" height="9" style="fill:url(http://x.example/p.svg#g)"/>',
      '<rect width="9" height="9" fill="url( \'file:///etc/p.svg#g\')"/>',
      '<style>@import "http://x.example/a.css";</style>',
      '<foreignObject><div>hi</div></foreignObject>',
    ])
      expect(logoError(svg(inner)), inner).toMatch(/refers to other files/)
    expect(
      logoError(svg('<text>&x;</text>', '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>')),
    ).toMatch(/refers to other files/)
    // Local references and inline data are fine, as is an internal DOCTYPE subset (Illustrator).
    for (const [inner, head] of [
      ['<rect width="9" height="9" fill="url(#g)"/><rect fill="url( \'#g\')"/>', ''],
      ['<rect width="9" height="9"/>', '<!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]>'],
    ] as const)
      expect(logoFromFile(svg(inner, head)).mime).toBe('image/svg+xml')

    const png = makePng(40, 40)
    const corrupt = png.slice()
    corrupt[png.length - 20]! ^= 0xff
    expect(logoError(corrupt)).toMatch(/PNG logo is damaged or cut short/)
    expect(logoError(png.slice(0, png.length - 13))).toMatch(/PNG logo is damaged or cut short/)
  })

  it('rejects a stored logo whose bytes do not match its type', () => {
    const png = logoFromFile(makePng(40, 40))
    expect(LogoSchema.safeParse(png).success).toBe(true)
    const r = LogoSchema.safeParse({ ...png, mime: 'image/jpeg' })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toMatch(/says it is JPEG but its contents are PNG/)
    expect(
      ClinicSettingsSchema.safeParse({ ...CLINIC, logo: { ...png, dataBase64: 'not base64!' } }).success,
    ).toBe(false)
  })

  it('validates the clinic fields', () => {
    expect(ClinicSettingsSchema.parse(CLINIC)).toEqual(CLINIC)
    expect(ClinicSettingsSchema.safeParse({ ...CLINIC, name: 'x'.repeat(121) }).success).toBe(false)
    expect(ClinicSettingsSchema.safeParse({ ...CLINIC, extra: 1 }).success).toBe(false)
  })
})
