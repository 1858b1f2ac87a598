/** Pages in a PDF, read from its page objects: instant, with no PDF reader loaded. */
export function pageCount(pdf: Uint8Array): number {
  // pdfmake writes each page as "/Type /Page" (the tree as "/Type /Pages") in plain, uncompressed objects.
  let text = ''
  for (let i = 0; i < pdf.length; i += 0x8000)
    text += String.fromCharCode(...pdf.subarray(i, Math.min(pdf.length, i + 0x8000)))
  return text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0
}
