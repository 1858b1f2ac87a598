/**
 * Workarounds for how pdfmake breaks pages. Each exists because of something pdfmake does
 * silently: it leaves a heading alone at the foot of a page, it drops an unbreakable block taller
 * than a page, and it drops a table row taller than a page.
 */
import type { Content as Pdf, ContentTable } from 'pdfmake/interfaces'
import { printable } from './glyphs'
import type { TypeScale } from './layout'
import { lineCount } from './measure'

/**
 * Keeps each heading (a node with a `headlineLevel`) on the same page as the block after it, so a
 * heading never sits alone at the foot of a page. (pdfmake's pageBreakBefore does this too, but
 * lays the document out again for every break it moves, which doubles the time.)
 */
export function keepHeadings(nodes: Pdf[]): Pdf[] {
  const out: Pdf[] = []
  let pending: Pdf[] = []
  for (const n of nodes) {
    // A "Sources" line stays with the text it belongs to, never alone at the top of a page.
    if ((n as { style?: string }).style === 'source' && !pending.length && out.length) {
      out.push(tall(out[out.length - 1]!) ? n : ({ stack: [out.pop()!, n], unbreakable: true } as Pdf))
      continue
    }
    pending.push(n)
    if ((n as { headlineLevel?: number }).headlineLevel) continue
    if (pending.length > 1) out.push(...withHeadings(pending.slice(0, -1), n))
    else out.push(n)
    pending = []
  }
  if (pending.length) out.push(...pending)
  return out
}

/**
 * pdfmake silently drops an unbreakable block taller than a page, so only a bounded part of a
 * block is kept with its headings: the first items of a long list, and a long text not at all
 * (a heading alone at the foot of a page is better than a lost paragraph).
 */
const LIST_HEAD = 2
const TALL_CHARS = 900

function textLength(n: unknown): number {
  if (typeof n === 'string') return n.length
  if (Array.isArray(n)) return n.reduce((a: number, x) => a + textLength(x), 0)
  if (n && typeof n === 'object')
    return Object.entries(n).reduce((a, [k, v]) => (k === 'svg' || k === 'image' ? a : a + textLength(v)), 0)
  return 0
}

function listItems(n: Pdf): { key: 'ul' | 'ol'; items: unknown[] } | undefined {
  const o = n as { ul?: unknown[]; ol?: unknown[] }
  if (Array.isArray(o.ul)) return { key: 'ul', items: o.ul }
  if (Array.isArray(o.ol)) return { key: 'ol', items: o.ol }
  return undefined
}

function tall(n: Pdf): boolean {
  if (textLength(n) <= TALL_CHARS) return false
  const list = listItems(n)
  return !list || list.items.length > LIST_HEAD + 1
}

function withHeadings(headings: Pdf[], n: Pdf): Pdf[] {
  if (!tall(n)) return [{ stack: [...headings, n], unbreakable: true } as Pdf]
  const list = listItems(n)
  if (!list) return [...headings, n]
  const o = n as { margin?: number[]; start?: number }
  const head = { ...(n as object), [list.key]: list.items.slice(0, LIST_HEAD), margin: [0, 0, 0, 0] }
  const rest = {
    ...(n as object),
    [list.key]: list.items.slice(LIST_HEAD),
    ...(list.key === 'ol' ? { start: (o.start ?? 1) + LIST_HEAD } : {}),
  }
  return [{ stack: [...headings, head], unbreakable: true } as Pdf, rest as Pdf]
}

/**
 * A shaded panel. pdfmake draws backgrounds on table cells, so a panel is a one-column table
 * with one row per block: rows never split, so a long panel breaks between blocks and never
 * leaves an empty strip of colour at the foot of a page. The title is a header row: it never
 * ends a page alone, and when the panel goes on over a page it is repeated there, so the reader
 * still knows what the rest of the box is about.
 */
export function panel(
  title: Pdf,
  body: Pdf[],
  fill: string,
  border: string | undefined,
  t: TypeScale,
  extra: object = {},
): ContentTable {
  const rows = [title, ...keepHeadings(body)]
  const last = rows.length - 1
  return {
    table: {
      widths: ['*'],
      body: rows.map((r) => [r]),
      dontBreakRows: true,
      headerRows: 1,
      keepWithHeaderRows: 1,
    },
    layout: {
      fillColor: () => fill,
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (border && i === 0 ? 4 : 0),
      hLineColor: () => border ?? fill,
      vLineColor: () => border ?? fill,
      paddingLeft: () => t.gap * 2,
      paddingRight: () => t.gap * 2,
      paddingTop: (i: number) => (i === 0 ? t.gap * 1.3 : 0),
      paddingBottom: (i: number) => (i === last ? t.gap * 0.9 : 0),
    },
    margin: [0, t.gap, 0, t.gap],
    ...extra,
  } as ContentTable
}

/** Most lines a panel row may hold: far less than a page, so a row always fits on one. */
const ROW_LINES = 10

/**
 * Splits a long paragraph into pieces of at most ROW_LINES lines of `width` points, at sentence
 * ends where it can, else between words. Panel rows never break across pages, and pdfmake
 * silently drops a row taller than a page: a long note in large print vanished from the handout.
 */
export function rowPieces(text: string, width: number, t: TypeScale): string[] {
  const fits = (x: string): boolean => lineCount(x.trimEnd(), t.body, width) <= ROW_LINES
  const all = printable(text)
  if (fits(all)) return [all]
  const pieces: string[] = []
  let current = ''
  const add = (unit: string): void => {
    if (fits(current + unit)) current += unit
    else {
      if (current.trim()) pieces.push(current.trimEnd())
      current = unit
    }
  }
  // Sentences (with the space after them) where they fit in a row, else words, else the pieces
  // printable() cut a very long word into.
  for (const sentence of all.split(/(?<=[.!?]\s+)/)) {
    if (fits(sentence)) add(sentence)
    else for (const word of sentence.split(/(?<=[\s\u200B])/)) add(word)
  }
  if (current.trim()) pieces.push(current.trimEnd())
  return pieces
}
