import { describe, expect, it } from 'vitest'
import { fieldDifferences } from '../../../../src/renderer/src/features/visits/conflictDiff'
import {
  combineBoth,
  MARK,
  patientCombineSpec,
  visitCombineSpec,
} from '../../../../src/renderer/src/features/visits/combine'
import { threeWay } from '../../../../src/renderer/src/features/visits/threeWay'
import { PATIENT_FIELDS, VISIT_FIELDS, emptyVisitInput } from '../../../../src/renderer/src/notes/model'

const text = (parts: { text: string; kind: string }[], kind: string): string[] =>
  parts.filter((p) => p.kind === kind).map((p) => p.text.trim())

describe('fieldDifferences', () => {
  it('lists only the fields that differ', () => {
    const d = fieldDifferences([
      ['Reason', 'same', 'same'],
      ['Plan', 'rest', 'stretch'],
    ])
    expect(d.map((x) => x.field)).toEqual(['Plan'])
    expect(text(d[0]!.parts, 'left')).toEqual(['rest'])
    expect(text(d[0]!.parts, 'right')).toEqual(['stretch'])
  })

  it('marks every difference in a field, not only the first, and shortens what is the same', () => {
    const filler = 'unchanged words '.repeat(200)
    const left = `Calf cramps at night. ${filler} Takes furosemide. ${filler} Review in four weeks.`
    const right = `Calf cramps most nights. ${filler} Takes furosemide and ramipril. ${filler} Review in two weeks.`
    const [d] = fieldDifferences([['Note', left, right]])
    expect(text(d!.parts, 'left').join(' ')).toMatch(/at.*four/s)
    expect(text(d!.parts, 'right').join(' ')).toMatch(/most.*and ramipril.*two/s)
    const shown = d!.parts.map((p) => p.text).join('')
    expect(shown.length).toBeLessThan(1000)
    expect(shown).toContain('…')
  })

  it('compares very long notes line by line and keeps markup as plain characters', () => {
    const long = 'line of a very long note\n'.repeat(5000)
    const [d] = fieldDifferences([['Note', `${long}<b>تقلص</b>\n`, `${long}<script>x</script>\n`]])
    expect(text(d!.parts, 'left')).toEqual(['<b>تقلص</b>'])
    expect(text(d!.parts, 'right')).toEqual(['<script>x</script>'])
  })
})

describe('two versions put together', () => {
  const base = { ...emptyVisitInput('2026-11-21T09:00:00.000Z'), note: 'base' }

  it('merges edits of different fields, and sets item by item; clashes are named', () => {
    const theirs = { ...base, plan: 'their plan', causeIds: ['a', 'b'] }
    const mine = { ...base, reason: 'my reason', causeIds: ['c'] }
    const { merged, clashes } = threeWay({ ...base, causeIds: ['a'] }, theirs, mine, ['causeIds'])
    expect(clashes).toEqual([])
    expect([merged.plan, merged.reason]).toEqual(['their plan', 'my reason'])
    // "a" was removed here, "b" added there, "c" added here.
    expect([...merged.causeIds].sort()).toEqual(['b', 'c'])
    expect(threeWay(base, { ...base, note: 'x' }, { ...base, note: 'y' }).clashes).toEqual(['note'])
  })

  it('"Keep both" keeps every text of both; a single value says which was kept', () => {
    const spec = visitCombineSpec(
      (f) => f,
      (_f, v) => String(v),
    )
    const theirs = {
      ...base,
      note: 'their note',
      plan: 'their plan',
      reason: 'theirs',
      followUpDate: '2026-12-01',
    }
    const mine = { ...base, note: 'my note', plan: 'my plan', reason: 'mine', followUpDate: '2026-12-24' }
    const { draft, chosen } = combineBoth(spec, theirs, mine)
    expect(draft.note).toBe(`their note\n\n${MARK}\nmy note`)
    expect(draft.plan).toBe(`their plan\n\n${MARK}\nmy plan`)
    expect(draft.reason).toBe('theirs / mine')
    expect(draft.followUpDate).toBe('2026-12-24')
    expect(chosen).toEqual([
      "followUpDate: this window's (2026-12-24) is kept; the other window's (2026-12-01) is in the history.",
    ])
  })

  it('"Keep both" knows how to keep every field a user can edit, visits and patients alike', () => {
    // A field added to the records but not to these lists would be taken from this window only.
    const id = (f: unknown) => String(f)
    for (const [spec, fields] of [
      [visitCombineSpec(id, id), VISIT_FIELDS],
      [patientCombineSpec(id, id), PATIENT_FIELDS],
    ] as const) {
      const listed = [...spec.texts, ...spec.lines, ...spec.sets, ...spec.singles].map(String)
      expect([...listed].sort()).toEqual([...fields].map(String).sort())
    }
  })
})
