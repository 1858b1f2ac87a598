/** pdf.js, loaded only when a PDF is previewed or printed; its worker is a bundled file. */
import type * as PdfJs from 'pdfjs-dist'

let loading: Promise<typeof PdfJs> | null = null

export function loadPdfjs(): Promise<typeof PdfJs> {
  loading ??= (async () => {
    const [lib, worker] = await Promise.all([
      import('pdfjs-dist'),
      import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
    ])
    lib.GlobalWorkerOptions.workerSrc = worker.default
    return lib
  })()
  return loading
}

/** Renders every page of a PDF to PNG data URLs at the given scale. */
export async function renderPdfPages(data: Uint8Array, scale: number): Promise<string[]> {
  const pdfjs = await loadPdfjs()
  // pdf.js takes ownership of the buffer it is given; pass a copy so the caller keeps theirs.
  const doc = await pdfjs.getDocument({ data: data.slice(), isEvalSupported: false }).promise
  try {
    const pages: string[] = []
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i)
      const viewport = page.getViewport({ scale })
      const canvas = document.createElement('canvas')
      canvas.width = Math.ceil(viewport.width)
      canvas.height = Math.ceil(viewport.height)
      await page.render({ canvas, viewport }).promise
      pages.push(canvas.toDataURL('image/png'))
      page.cleanup()
    }
    return pages
  } finally {
    await doc.destroy()
  }
}
