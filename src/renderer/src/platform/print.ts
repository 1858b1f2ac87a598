/**
 * Prints a PDF from inside the app, the same way in Electron and in the browser: its pages are
 * rendered to images in a print-only container and the system print dialog is opened.
 */
import { renderPdfPages } from './pdfjs'

export async function printPdf(data: Uint8Array, title: string): Promise<void> {
  const pages = await renderPdfPages(data, 2)
  const root = document.createElement('div')
  root.className = 'print-root'
  root.setAttribute('aria-hidden', 'true')
  for (const src of pages) {
    const img = document.createElement('img')
    img.src = src
    img.alt = ''
    root.append(img)
  }
  const style = document.createElement('style')
  // Each page image is fitted to one sheet: at full width an A4 page is taller than a Letter sheet
  // (and a rounded-up canvas can be a hair taller than its own paper), which spilt every page
  // over two sheets.
  style.textContent =
    '.print-root{display:none}@media print{@page{margin:0}.print-root{display:block}.print-root img{display:block;width:100%;height:100vh;object-fit:contain}.print-root img+img{break-before:page}}'
  document.head.append(style)
  document.body.append(root)
  document.body.classList.add('printing')
  const previousTitle = document.title
  document.title = title
  await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)))
  try {
    window.print()
  } finally {
    document.title = previousTitle
    document.body.classList.remove('printing')
    root.remove()
    style.remove()
  }
}
