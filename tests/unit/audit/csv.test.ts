import { describe, expect, it } from 'vitest'
import { AUDIT_CSV_HEADER, auditCsv, csvCell } from '../../../src/renderer/src/audit/csv'
import { fill, freshLog } from './helpers'

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
  })

  it('writes a header and one line per entry, newest first, with names and decrypted details', async () => {
    const t = await freshLog()
    await fill(t, 5)
    const names = new Map([
      ['staff-1', 'Cal Clinician'],
      ['staff-2', 'Olive Owner'],
    ])
    let text = ''
    for await (const chunk of auditCsv(t.log.entries({}, 2), names)) text += chunk
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(','))
    expect(lines).toHaveLength(6)
    expect(lines[1]).toMatch(
      /^5,2026-05-04T09:04:00.000Z,Olive Owner,staff-2,pc-1,Visit changed,p-2,v-4,fields: note; n: 4,[0-9a-f]{64}$/,
    )
    expect(lines[5]).toMatch(/^1,.*,Patient record opened,p-2,,/)
  })
})
