/** The sources, once, as a short numbered list at the end, in the order the handout cites them. */
import type { Content as Pdf } from 'pdfmake/interfaces'
import type { Content, SourceId } from '../../reference/schema'
import { printable } from '../glyphs'
import type { Ctx } from './context'

export function sourceText(id: SourceId, content: Content): string {
  const s = content.meta.sources.find((x) => x.id === id)
  if (!s) return id
  // "date not shown" tells a patient nothing: a source without a date is listed without one.
  const date = s.date.replace(/\s*\(date not shown[^)]*\)/i, '').trim()
  const when = date && date !== 'n.d.' && !/^date not shown$/i.test(date) ? `, ${date}` : ''
  const title = s.title.trim().replace(/:$/, '')
  const stop = /[.?!]$/.test(title) ? '' : '.'
  return `${title}${stop} ${s.publisher.trim()}${when}.`
}

export function sourcesList(ctx: Ctx): Pdf[] {
  const { t, colors, cite, content, spec } = ctx
  if (!cite.order.length) return []
  const items = cite.order.map((id) => ({ text: printable(sourceText(id, content)) }))
  const list = (part: typeof items, start: number): Pdf =>
    ({ ol: part, start, fontSize: t.small, color: colors.muted, lineHeight: 1.1 }) as Pdf
  // Two columns in normal print: the list stays short, as a leaflet's references are.
  const half = Math.ceil(items.length / 2)
  const body: Pdf =
    spec.options.largePrint || items.length < 4
      ? list(items, 1)
      : ({
          columns: [list(items.slice(0, half), 1), list(items.slice(half), half + 1)],
          columnGap: t.gap * 3,
        } as Pdf)
  return [
    {
      id: 'sources',
      stack: [
        {
          text: 'Sources',
          bold: true,
          fontSize: t.small + 1,
          color: colors.muted,
          margin: [0, t.gap * 2, 0, 2],
        },
        body,
      ],
      unbreakable: true,
    } as Pdf,
  ]
}
