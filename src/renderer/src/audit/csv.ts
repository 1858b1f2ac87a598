import { toHex } from '../../../shared/bytes'
import { fromBase64Url } from '../security/bytes'
import { describeDetail } from './describe'
import { AUDIT_KIND_WORDS, type AuditEntry } from './model'

/**
 * The audit trail as CSV (RFC 4180: comma separated, CRLF, quotes doubled). A cell that a
 * spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading apostrophe,
 * so opening an export in Excel never runs something a name or a note smuggled in.
 */
export const AUDIT_CSV_HEADER = [
  'Entry',
  'Time (UTC)',
  'Staff',
  'Staff id',
  'Computer',
  'Event',
  'Patient id',
  'Visit id',
  'Details',
  'Entry MAC (hex)',
]

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

export function auditCsvRow(entry: AuditEntry, staffNames: ReadonlyMap<string, string>): string {
  return csvLine([
    String(entry.seq),
    entry.at,
    staffNames.get(entry.actorId) ?? entry.actorId,
    entry.actorId,
    entry.deviceId,
    AUDIT_KIND_WORDS[entry.kind] ?? entry.kind,
    entry.patientId,
    entry.visitId,
    entry.detailUnreadable ? '(could not be read: changed outside the app)' : describeDetail(entry.detail),
    // Hex, not base64url: a leading '-' would be taken for a formula and defused, changing it.
    toHex(fromBase64Url(entry.mac).buffer),
  ])
}

/** The whole export as chunks of text, so a million entries never sit in one string. */
export async function* auditCsv(
  pages: AsyncIterable<AuditEntry[]>,
  staffNames: ReadonlyMap<string, string>,
): AsyncGenerator<string> {
  yield csvLine(AUDIT_CSV_HEADER)
  for await (const page of pages) {
    yield page.map((e) => auditCsvRow(e, staffNames)).join('')
  }
}
