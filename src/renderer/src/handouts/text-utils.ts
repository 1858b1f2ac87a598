/** Small pure helpers the builder uses for dates and source lines. */
import type { Content, SourceId } from '../reference/schema'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * "2026-11-21" -> "21 November 2026" (or "November 21, 2026" for a clinic that writes the month
 * first), with no dependence on the machine's time zone or locale.
 */
export function longDate(iso: string, order: 'day-month' | 'month-day' = 'day-month'): string {
  const [y, m, d] = iso.split('-').map(Number)
  const month = MONTHS[(m ?? 1) - 1]
  return order === 'month-day' ? `${month} ${d}, ${y}` : `${d} ${month} ${y}`
}

export function sourceLine(ids: Iterable<SourceId>, content: Content): string {
  const wanted = new Set(ids)
  const titles = content.meta.sources.filter((s) => wanted.has(s.id)).map((s) => s.title)
  if (titles.length === 0) return ''
  return `${titles.length === 1 ? 'Source' : 'Sources'}: ${titles.join('; ')}`
}
