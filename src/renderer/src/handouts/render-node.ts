/**
 * Renders a handout document definition to PDF bytes in Node (CLI, unit tests, bench).
 * Fonts come from pdfmake's own Roboto files; the access policies forbid any URL and any local
 * file outside the font folder, so a spec can never make the renderer read or fetch anything.
 */
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces'

interface PdfMakeServer {
  setFonts(fonts: TFontDictionary): void
  setUrlAccessPolicy(cb: (url: string) => boolean): void
  setLocalAccessPolicy(cb: (path: string) => boolean): void
  createPdf(dd: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> }
}

let ready: Promise<PdfMakeServer> | undefined

async function load(): Promise<PdfMakeServer> {
  const mod = (await import('pdfmake')) as unknown as { default?: PdfMakeServer } & PdfMakeServer
  const pdfmake = mod.default ?? mod
  const fontsMod = (await import('pdfmake/fonts/Roboto.js')) as unknown as {
    default?: TFontDictionary
  } & TFontDictionary
  const fonts = fontsMod.default ?? fontsMod
  const normal = String(fonts.Roboto?.normal ?? '')
  const fontsDir = normal.slice(0, Math.max(normal.lastIndexOf('/'), normal.lastIndexOf('\\')) + 1)
  if (!fontsDir) throw new Error('pdfmake Roboto fonts not found')
  pdfmake.setFonts(fonts)
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((p) => p.startsWith(fontsDir))
  return pdfmake
}

export async function renderPdfNode(dd: TDocumentDefinitions): Promise<Uint8Array> {
  ready ??= load()
  const pdfmake = await ready
  const buf = await pdfmake.createPdf(dd).getBuffer()
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
}
