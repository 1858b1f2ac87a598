import { describe, expect, it } from 'vitest'
import {
  HandoutError,
  HandoutSpecSchema,
  parseHandoutSpec,
  StoredHandoutSchema,
  suggestedFileName,
} from '../../../src/renderer/src/handouts/spec'
import { specInput } from './helpers'

function fails(input: unknown, field: string): void {
  let err: unknown
  try {
    parseHandoutSpec(input)
  } catch (e) {
    err = e
  }
  expect(err, `expected ${field} to be rejected`).toBeInstanceOf(HandoutError)
  expect((err as HandoutError).field ?? '').toBe(field)
}

describe('handout spec', () => {
  it('accepts a full spec and fills defaults', () => {
    const minimal = {
      ...specInput(),
      causes: undefined,
      sections: undefined,
      medicines: undefined,
      options: undefined,
    }
    const s = parseHandoutSpec(JSON.parse(JSON.stringify(minimal)))
    expect(s.causes).toEqual([])
    expect(s.options).toEqual({ largePrint: false, pageSize: 'A4' })
    expect(s.sections).toEqual(['when-to-seek-help'])
  })

  it('always includes "when-to-seek-help" and puts sections in handout order without repeats', () => {
    const s = parseHandoutSpec(specInput({ sections: ['night-cramps', 'hydration', 'hydration'] }))
    expect(s.sections).toEqual(['hydration', 'night-cramps', 'when-to-seek-help'])
  })

  it('rejects bad specs with the field at fault', () => {
    fails(null, '')
    fails({ ...specInput(), format: 3 }, 'format')
    fails({ ...specInput(), format: 1, moreDetail: [] }, 'moreDetail')
    fails({ ...specInput(), causes: ['dehydration'], moreDetail: ['diabetes'] }, 'moreDetail.0')
    fails({ ...specInput(), exercises: [{ id: 'toe-raises' }, { id: 'toe-raises' }] }, 'exercises.1')
    fails({ ...specInput(), exercises: [{ id: 'toe-raises', dose: { sets: 0 } }] }, 'exercises.0.dose.sets')
    fails({ ...specInput(), exercises: [{ id: 'toe-raises', dose: { reps: 2.5 } }] }, 'exercises.0.dose.reps')
    fails({ ...specInput(), patient: { name: '   ' } }, 'patient.name')
    fails({ ...specInput(), patient: { name: 'A', dateOfBirth: '14/03/1958' } }, 'patient.dateOfBirth')
    fails({ ...specInput(), date: '2026-02-30' }, 'date')
    fails({ ...specInput(), date: 'today' }, 'date')
    fails({ ...specInput(), sections: ['hydration', 'gardening'] }, 'sections.1')
    fails({ ...specInput(), causes: ['dehydration', 'dehydration'] }, 'causes.1')
    fails({ ...specInput(), options: { largePrint: 'yes', pageSize: 'A4' } }, 'options.largePrint')
    fails({ ...specInput(), options: { largePrint: false, pageSize: 'A5' } }, 'options.pageSize')
    fails({ ...specInput(), clinic: { name: 'x' } }, 'clinic.address')
    fails({ ...specInput(), surprise: 1 }, '')
    fails({ ...specInput(), contentVersion: '' }, 'contentVersion')
  })

  it('round-trips a stored handout', () => {
    const stored = {
      id: 'h1',
      spec: HandoutSpecSchema.parse(specInput()),
      createdAt: '2026-11-21T10:00:00.000Z',
      fileName: 'Handout - Margaret Quill - 2026-11-21.pdf',
      sha256: 'a'.repeat(64),
    }
    expect(StoredHandoutSchema.parse(JSON.parse(JSON.stringify(stored)))).toEqual(stored)
    expect(StoredHandoutSchema.safeParse({ ...stored, sha256: 'xyz' }).success).toBe(false)
  })

  it('suggests a safe file name', () => {
    expect(suggestedFileName({ patient: { name: 'Ann  Lee' }, date: '2026-11-21' })).toBe(
      'Handout - Ann Lee - 2026-11-21.pdf',
    )
    expect(suggestedFileName({ patient: { name: 'A/B: "C"' }, date: '2026-11-21' })).toBe(
      'Handout - A B C - 2026-11-21.pdf',
    )
  })
})
