import { format, isValid, parse } from 'date-fns'

/**
 * Calendar dates as the notes store them ("YYYY-MM-DD") and as staff type them. Parsing is
 * date-fns's, which refuses dates that do not exist (31/02) instead of rolling them over.
 */

const REFERENCE = new Date(2000, 0, 1)

function strict(value: string, pattern: string): Date | undefined {
  const d = parse(value, pattern, REFERENCE)
  return isValid(d) ? d : undefined
}

/** A calendar date "YYYY-MM-DD" that exists (no 31 February). */
export function isRealDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && strict(value, 'yyyy-MM-dd') !== undefined
}

/** Today's calendar date in local time, "YYYY-MM-DD". */
export function todayLocal(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd')
}

/** A real date of birth: exists, not in the future, and not before 1880. */
export function isValidDateOfBirth(value: string, now: Date = new Date()): boolean {
  return isRealDate(value) && value <= todayLocal(now) && value >= '1880-01-01'
}

/**
 * A date typed into a search: "1950-03-07", or day first as written in the clinic ("07/03/1950",
 * "7.3.1950", "7-3-1950"). Undefined for anything else, including dates that do not exist.
 */
export function parseTypedDate(text: string): string | undefined {
  const q = text.trim()
  let d: Date | undefined
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(q)) d = strict(q, 'yyyy-M-d')
  else {
    const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(q)
    if (m) d = strict(`${m[1]}/${m[2]}/${m[3]}`, 'd/M/yyyy')
  }
  return d && format(d, 'yyyy-MM-dd')
}
