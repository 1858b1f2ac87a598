import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatLongDate,
  inputHint,
  parseInputText,
  toInputText,
} from '../../../src/renderer/src/dates/format'

describe('dates in the clinic order', () => {
  it('shows dates day first or month first', () => {
    expect(formatDate('1950-03-07', 'day-month')).toBe('7 Mar 1950')
    expect(formatDate('1950-03-07', 'month-day')).toBe('Mar 7, 1950')
    expect(formatLongDate('2026-11-21', 'day-month')).toBe('21 November 2026')
    expect(formatLongDate('2026-11-21', 'month-day')).toBe('November 21, 2026')
    const local = new Date(2026, 10, 21, 10, 42).toISOString()
    expect(formatDateTime(local, 'day-month')).toBe('21 Nov 2026, 10:42')
    expect(formatDateTime(local, 'month-day')).toBe('Nov 21, 2026, 10:42')
    // The audit trail shows seconds, in the same order.
    expect(formatDateTime(local, 'month-day', true)).toBe('Nov 21, 2026, 10:42:00')
    expect(formatDate('', 'day-month')).toBe('')
    expect(formatDate('not a date', 'day-month')).toBe('not a date')
  })

  it('writes and reads date fields in the same order', () => {
    expect(inputHint('day-month')).toBe('dd/mm/yyyy')
    expect(inputHint('month-day', true)).toBe('mm/dd/yyyy hh:mm')
    expect(toInputText('2026-11-01', 'day-month')).toBe('01/11/2026')
    expect(toInputText('2026-11-01', 'month-day')).toBe('11/01/2026')
    expect(toInputText('2026-11-01T09:05', 'month-day', true)).toBe('11/01/2026 09:05')
    expect(parseInputText('01/11/2026', 'day-month')).toEqual({ value: '2026-11-01' })
    expect(parseInputText('11/01/2026', 'month-day')).toEqual({ value: '2026-11-01' })
    expect(parseInputText('1.11.2026', 'day-month')).toEqual({ value: '2026-11-01' })
    expect(parseInputText('01/11/2026 9:05', 'day-month', true)).toEqual({ value: '2026-11-01T09:05' })
    expect(parseInputText('  ', 'day-month')).toEqual({ value: '' })
  })

  it('refuses what is not a real date, in plain words', () => {
    expect(parseInputText('31/02/2026', 'day-month')).toEqual({ error: 'February 2026 has no day 31.' })
    expect(parseInputText('02/31/2026', 'month-day')).toEqual({ error: 'February 2026 has no day 31.' })
    expect(parseInputText('29/02/2025', 'day-month')).toMatchObject({
      error: expect.stringMatching(/no day 29/),
    })
    expect(parseInputText('29/02/2024', 'day-month')).toEqual({ value: '2024-02-29' })
    expect(parseInputText('13/13/2026', 'day-month')).toMatchObject({
      error: expect.stringMatching(/no month 13/),
    })
    expect(parseInputText('2026-11-01', 'day-month')).toMatchObject({
      error: 'Write it as day/month/year, for example 21/11/2026.',
    })
    expect(parseInputText('01/11/26', 'month-day')).toMatchObject({
      error: expect.stringMatching(/month\/day\/year/),
    })
    expect(parseInputText('01/11/2026 25:00', 'day-month', true)).toMatchObject({
      error: expect.stringMatching(/not a time of day/),
    })
  })
})
