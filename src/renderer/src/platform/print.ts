/**
 * Prints a PDF from inside the app, the same way in Electron and in the browser: its pages are
 * rendered to images in a print-only container, the rest of the app is hidden from the printer,
 * and the system print dialog is opened.
 */
import { renderPdfPages } from './pdfjs'

const ROOT_CLASS = 'print-root'

// Each page image is fitted to one sheet: at full width an A4 page is taller than a Letter sheet
// (and a rounded-up canvas can be a hair taller than its own paper), which spilt every page over
// two sheets. While printing, everything but the pages is hidden, or the screen would print too.
const PRINT_CSS =
  `.${ROOT_CLASS}{display:none}` +
  `@media print{@page{margin:0}` +
  `body.printing>:not(.${ROOT_CLASS}){display:none!important}` +
  `.${ROOT_CLASS}{display:block}` +
  `.${ROOT_CLASS} img{display:block;width:100%;height:100vh;object-fit:contain}` +
  `.${ROOT_CLASS} img+img{break-before:page}}`

let cleanupPrevious: (() => void) | null = null

export async function printPdf(data: Uint8Array, title: string): Promise<void> {
  const pages = await renderPdfPages(data, 2)
  const root = document.createElement('div')
  root.className = ROOT_CLASS
  root.setAttribute('aria-hidden', 'true')
  for (const src of pages) {
    const img = document.createElement('img')
    img.src = src
    img.alt = ''
    root.append(img)
  }
  // Decoded before anything is shown, so the print state below appears all at once.
  await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)))
  cleanupPrevious?.()
  const style = document.createElement('style')
  style.textContent = PRINT_CSS
  document.head.append(style)
  document.body.append(root)
  document.body.classList.add('printing')
  const previousTitle = document.title
  document.title = title

  const cleanup = (): void => {
    window.removeEventListener('afterprint', cleanup)
    cleanupPrevious = null
    document.title = previousTitle
    document.body.classList.remove('printing')
    root.remove()
    style.remove()
  }
  cleanupPrevious = cleanup
  // The print state lasts until the browser says printing is over (Chromium fires afterprint
  // before window.print() returns). A print that never finished is cleared by the next one.
  window.addEventListener('afterprint', cleanup)
  try {
    window.print()
  } catch (e) {
    cleanup()
    throw e
  }
}
