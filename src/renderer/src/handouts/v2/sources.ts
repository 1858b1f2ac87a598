/** The sources, once, as a short numbered list at the end, in the order the handout cites them. */
import type { Content as Pdf } from 'pdfmake/interfaces'
import type { Content, SourceId } from '../../reference/schema'
import { printable } from '../glyphs'
import type { Ctx } from './context'

export function sourceText(id: SourceId, content: Content): string {
  const s = content.meta.sources.find((x) => x.id === id)
  if (!s) return id
  const when = s.date && s.date !== 'n.d.' ? `, ${s.date}` : ''
  const title = s.title.trim().replace(/:$/, '')
  const stop = /[.?!]$/.test(title) ? '' : '.'
  return `${title}${stop} ${s.publisher.trim()}${when}.${s.url ? ` ${s.url}` : ''}`
}

export function sourcesList(ctx: Ctx): Pdf[] {
  const { t, colors, cite, content } = ctx
  if (!cite.order.length) return []
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
        {
          ol: cite.order.map((id) => ({ text: printable(sourceText(id, content)) })),
          fontSize: t.small,
          color: colors.muted,
          lineHeight: 1.1,
        },
      ],
      unbreakable: true,
    } as Pdf,
  ]
}
