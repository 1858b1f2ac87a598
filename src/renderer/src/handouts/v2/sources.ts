/** The sources, once, as a short numbered list at the end, in the order the handout cites them. */
import type { Content as Pdf } from 'pdfmake/interfaces'
import type { Content, SourceId } from '../../reference/schema'
import { printable } from '../glyphs'
import type { Ctx } from './context'

/**
 * Asides in brackets: authors, "(NHS Choices)", "(date not shown on the page)". A guideline's
 * code, such as "(NG19)", is kept: it is how a clinician finds the guideline.
 */
const ASIDE = /\s*\((?![A-Z]{2,4}\d+\))[^()]*\)/g
/** A journal's volume and pages ("2012;86(4):350-355"): the year is printed on its own. */
const CITATION = /\s*\d{4};\s*\d+(\(\d+\))?:\s*[\w-]+/g

/** The year a source is from: the latest year in its date, else in its date's asides. */
function yearOf(date: string): string {
  const years = (s: string): string[] => s.match(/\b(19|20)\d{2}\b/g) ?? []
  return years(date.replace(ASIDE, '')).pop() ?? years(date).pop() ?? ''
}

/** Drops asides from a title or publisher, unless that would leave nothing. */
function plain(s: string): string {
  const short = s.replace(ASIDE, '').replace(CITATION, '').replace(/\s+/g, ' ').trim()
  return short || s.trim()
}

/**
 * One source as a leaflet lists it: title, publisher, year. Authors, editions and the journal's
 * volume and pages are left out: the list tells a patient where the advice comes from, and a
 * clinician can find the full entry in the app's reference.
 */
export function sourceText(id: SourceId, content: Content): string {
  const s = content.meta.sources.find((x) => x.id === id)
  if (!s) return id
  const year = yearOf(s.date)
  const title = plain(s.title).replace(/:$/, '')
  const stop = /[.?!]$/.test(title) ? '' : '.'
  return `${title}${stop} ${plain(s.publisher)}${year ? `, ${year}` : ''}.`
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
