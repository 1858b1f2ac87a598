import { describe, expect, it } from 'vitest'
import { StaffError } from '../../../src/renderer/src/security/errors'
import { createDataKey, deriveKeyRing } from '../../../src/renderer/src/security/keyring'
import {
  assertKeepsAnOwner,
  parseStaffInput,
  sealStaff,
  staffLabel,
  staffSealValid,
  type StaffSummary,
} from '../../../src/renderer/src/security/staff'

const base = {
  id: 's-1',
  name: 'Rae Reception',
  role: 'reception' as const,
  registration: '',
  active: true,
  mustChangePassphrase: true,
  wrap: null,
  createdAt: '2026-05-04T09:00:00.000Z',
  updatedAt: '2026-05-04T09:00:00.000Z',
}

describe('staff records', () => {
  it('trims input and asks for a registration number from anyone who writes notes', () => {
    expect(parseStaffInput({ name: '  Rae  ', role: 'reception', registration: '' })).toEqual({
      name: 'Rae',
      role: 'reception',
      registration: '',
    })
    expect(() => parseStaffInput({ name: 'Cal', role: 'clinician', registration: ' ' })).toThrow(
      /professional registration number is needed/,
    )
    expect(() => parseStaffInput({ name: ' ', role: 'owner', registration: 'HCPC 1' })).toThrow(
      'A name is needed.',
    )
  })

  it('a seal catches a role or active flag edited on disk', async () => {
    const { sealKey } = await deriveKeyRing(await createDataKey())
    const sealed = await sealStaff(sealKey, base)
    expect(await staffSealValid(sealKey, sealed)).toBe(true)
    expect(await staffSealValid(sealKey, { ...sealed, role: 'owner' })).toBe(false)
    expect(await staffSealValid(sealKey, { ...sealed, seal: 'not-base64!' })).toBe(false)
    const other = await deriveKeyRing(await createDataKey())
    expect(await staffSealValid(other.sealKey, sealed)).toBe(false)
  })

  it('keeps at least one active owner', () => {
    const o: StaffSummary = {
      id: 'o',
      name: 'O',
      role: 'owner',
      registration: 'x',
      active: true,
      mustChangePassphrase: false,
    }
    const c: StaffSummary = { ...o, id: 'c', role: 'clinician' }
    expect(() => assertKeepsAnOwner([o, c], { ...o, active: false })).toThrow(StaffError)
    expect(() => assertKeepsAnOwner([o, c], { ...o, role: 'clinician' })).toThrow(/at least one active owner/)
    expect(() => assertKeepsAnOwner([o, c], { ...c, role: 'owner' })).not.toThrow()
    expect(() => assertKeepsAnOwner([o, { ...c, role: 'owner' }], { ...o, active: false })).not.toThrow()
  })

  it('names a person the way a signature shows them', () => {
    expect(staffLabel({ name: 'Cal', role: 'clinician', registration: 'HCPC CH1' })).toBe(
      'Cal (Clinician, HCPC CH1)',
    )
    expect(staffLabel({ name: 'Rae', role: 'reception', registration: '' })).toBe('Rae (Reception)')
  })
})
