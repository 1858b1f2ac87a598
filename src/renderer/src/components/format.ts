import { format, parseISO } from 'date-fns'
import * as dates from '@renderer/dates/format'
import { dateOrder } from '@renderer/dates/order'

/** "7 Mar 1950" (or "Mar 7, 1950": the clinic's date order) from "1950-03-07"; empty stays empty. */
export function formatDate(isoDate: string | null | undefined): string {
  return dates.formatDate(isoDate, dateOrder.value)
}

/** "21 Nov 2026, 10:42" (or "Nov 21, 2026, 10:42") in local time. */
export function formatDateTime(iso: string | null | undefined, seconds = false): string {
  return dates.formatDateTime(iso, dateOrder.value, seconds)
}

export function formatTime(d: Date): string {
  return format(d, 'HH:mm')
}

/** Value for <input type="datetime-local"> from an ISO timestamp. */
export function toLocalInput(iso: string): string {
  const d = parseISO(iso)
  return Number.isNaN(d.getTime()) ? '' : format(d, "yyyy-MM-dd'T'HH:mm")
}

/** ISO timestamp from <input type="datetime-local">; undefined when incomplete. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

/**
 * Medicines typed one per line as a clean list. Only line breaks separate: a comma belongs to
 * what was typed ("Co-amilofruse 5/40, one each morning") and must come back as typed; the
 * medication check splits names inside a line itself.
 */
export function medicinesFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((m) => m.trim())
    .filter(Boolean)
}

/** "no visits", "1 visit", "12 visits". */
export function countOf(n: number, one: string, many: string): string {
  return n === 0 ? `no ${many}` : `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}
