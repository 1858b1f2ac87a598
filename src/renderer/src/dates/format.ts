/**
 * Every date the app shows or reads, in the clinic's order: day first ("21 Nov 2026",
 * 21/11/2026) or month first ("Nov 21, 2026", 11/21/2026). One module, so no screen mixes
 * formats; date-fns does the work, strictly (31/02 is refused, not rolled into March). Pure.
 */
import { format, isValid, parse, parseISO } from 'date-fns'

export type DateOrder = 'day-month' | 'month-day'
export const DEFAULT_DATE_ORDER: DateOrder = 'day-month'

const SHORT: Record<DateOrder, string> = { 'day-month': 'd MMM yyyy', 'month-day': 'MMM d, yyyy' }
const LONG: Record<DateOrder, string> = { 'day-month': 'd MMMM yyyy', 'month-day': 'MMMM d, yyyy' }
const INPUT: Record<DateOrder, string> = { 'day-month': 'dd/MM/yyyy', 'month-day': 'MM/dd/yyyy' }

function when(iso: string | null | undefined): Date | null {
  if (!iso) return null
  const d = parseISO(iso)
  return isValid(d) ? d : null
}

/** "7 Mar 1950" or "Mar 7, 1950" from "1950-03-07" (or a timestamp); empty stays empty. */
export function formatDate(iso: string | null | undefined, order: DateOrder): string {
  const d = when(iso)
  return d ? format(d, SHORT[order]) : (iso ?? '')
}

/** "21 November 2026" or "November 21, 2026". */
export function formatLongDate(iso: string | null | undefined, order: DateOrder): string {
  const d = when(iso)
  return d ? format(d, LONG[order]) : (iso ?? '')
}

/** "21 Nov 2026, 10:42" or "Nov 21, 2026, 10:42" (seconds too, for the audit trail), local time. */
export function formatDateTime(iso: string | null | undefined, order: DateOrder, seconds = false): string {
  const d = when(iso)
  return d ? format(d, `${SHORT[order]}, HH:mm${seconds ? ':ss' : ''}`) : (iso ?? '')
}

/** What a date field shows and asks for: "dd/mm/yyyy" or "mm/dd/yyyy" (and " hh:mm"). */
export function inputHint(order: DateOrder, withTime = false): string {
  return `${INPUT[order].toLowerCase()}${withTime ? ' hh:mm' : ''}`
}

/**
 * A date field's text from its value: "yyyy-MM-dd", or "yyyy-MM-ddTHH:mm" with a time (the
 * values <input type="date"> and "datetime-local" use, so the model does not change).
 */
export function toInputText(value: string, order: DateOrder, withTime = false): string {
  if (!value) return ''
  const d = withTime ? parse(value, "yyyy-MM-dd'T'HH:mm", new Date()) : parse(value, 'yyyy-MM-dd', new Date())
  return isValid(d) ? format(d, `${INPUT[order]}${withTime ? ' HH:mm' : ''}`) : ''
}

export type ParsedInput = { value: string } | { error: string }

/** Reads what was typed in a date field; a plain message when it is not a real date. */
export function parseInputText(text: string, order: DateOrder, withTime = false): ParsedInput {
  const t = text.trim()
  if (!t) return { value: '' }
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,T]+(\d{1,2})[:.](\d{2}))?$/.exec(t)
  const example = withTime
    ? order === 'day-month'
      ? '21/11/2026 14:30'
      : '11/21/2026 14:30'
    : order === 'day-month'
      ? '21/11/2026'
      : '11/21/2026'
  const shape = `Write it as ${order === 'day-month' ? 'day/month/year' : 'month/day/year'}${withTime ? ' and the time' : ''}, for example ${example}.`
  if (!m || (withTime && m[4] === undefined)) return { error: shape }
  const [first, second, year] = [Number(m[1]), Number(m[2]), m[3]!]
  const [day, month] = order === 'day-month' ? [first, second] : [second, first]
  if (month < 1 || month > 12) return { error: `There is no month ${month}. ${shape}` }
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const d = parse(iso, 'yyyy-MM-dd', new Date())
  if (!isValid(d) || format(d, 'yyyy-MM-dd') !== iso)
    return { error: `${format(new Date(Number(year), month - 1, 1), 'MMMM yyyy')} has no day ${day}.` }
  if (!withTime) return { value: iso }
  const [hh, mm] = [Number(m[4]), Number(m[5])]
  if (hh > 23 || mm > 59) return { error: `${m[4]}:${m[5]} is not a time of day. ${shape}` }
  return { value: `${iso}T${String(hh).padStart(2, '0')}:${m[5]}` }
}
