/**
 * Renders a handout in the browser (the app). pdfmake and its fonts (about 3 MB together) are
 * loaded on the first call only, so they never weigh on start-up.
 */
import type { TDocumentDefinitions, TFontContainer, TVirtualFileSystem } from 'pdfmake/interfaces'
import type { Content } from '../reference/schema'
import { buildHandout, logoProbe, logoProbeError } from './builder'
import type { Logo } from './clinic'
import type { HandoutSpec } from './spec'

interface PdfMakeBrowser {
  addFontContainer(c: TFontContainer): void
  addVirtualFileSystem(vfs: TVirtualFileSystem): void
  setUrlAccessPolicy(cb: (url: string) => boolean): void
  createPdf(dd: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> }
}

let ready: Promise<PdfMakeBrowser> | undefined
let loaded = false

async function load(): Promise<PdfMakeBrowser> {
  // User Timing marks: the bench and the About figures read how long loading and rendering take.
  performance.mark('handout:pdfmake-load-start')
  const [pm, fonts] = await Promise.all([
    import('pdfmake/build/pdfmake.min.js'),
    import('pdfmake/build/vfs_fonts'),
  ])
  const pdfMake = ((pm as { default?: unknown }).default ?? pm) as PdfMakeBrowser
  const container = ((fonts as { default?: unknown }).default ?? fonts) as TFontContainer | TVirtualFileSystem
  // pdfmake 0.3.11 ships its fonts as a container ({ vfs, fonts }); older builds as a bare vfs.
  if ('vfs' in container && typeof container.vfs === 'object')
    pdfMake.addFontContainer(container as TFontContainer)
  else pdfMake.addVirtualFileSystem(container as TVirtualFileSystem)
  // Nothing in a handout comes from a URL; refuse any, so a logo or spec can never reach the network.
  pdfMake.setUrlAccessPolicy(() => false)
  performance.measure('handout:pdfmake-load', 'handout:pdfmake-load-start')
  loaded = true
  return pdfMake
}

/** True once pdfmake and its fonts are in: the editor says "loading" until then. */
export function pdfMakeLoaded(): boolean {
  return loaded
}

/** Starts loading pdfmake ahead of need (e.g. when the handout screen opens). */
export function preloadPdfMake(): Promise<unknown> {
  ready ??= load()
  return ready
}

export async function renderPdfBrowser(dd: TDocumentDefinitions): Promise<Uint8Array> {
  ready ??= load()
  const pdfMake = await ready
  const buf = await pdfMake.createPdf(dd).getBuffer()
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
}

/** Builds and renders a handout; each call is timed as the User Timing measure "handout:render". */
export async function renderHandout(spec: HandoutSpec, content: Content): Promise<Uint8Array> {
  const start = performance.now()
  const bytes = await renderPdfBrowser(buildHandout(spec, content))
  performance.measure('handout:render', { start, end: performance.now() })
  return bytes
}

/** Throws a LogoError with a plain message if pdfmake cannot draw the logo. */
export async function checkLogoDraws(logo: Logo): Promise<void> {
  try {
    await renderPdfBrowser(logoProbe(logo))
  } catch (e) {
    throw logoProbeError(e)
  }
}
