/**
 * The patient's "feet at risk" mark (issue 8): saved and changed like any other field, and read
 * as "not marked" from records and backups written before it existed.
 */
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { exportBackup, restoreBackup } from '../../../src/renderer/src/notes/backup'
import { canonicalJson, sha256Hex } from '../../../src/renderer/src/notes/canonical'
import { emptyPatientInput, patientSchema } from '../../../src/renderer/src/notes/model'
import { fromPatientRow } from '../../../src/renderer/src/notes/rows'
import { freshRepo } from './helpers'

describe('feet at risk on the patient record', () => {
  it('is saved on a new patient and changed by an update', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Ada Lane', feetAtRisk: true })
    expect(p.feetAtRisk).toBe(true)
    const q = await repo.update('patient', p.id, p.rev, { feetAtRisk: false })
    expect(q.feetAtRisk).toBe(false)
    expect((await repo.getPatient(p.id))?.feetAtRisk).toBe(false)
  })

  it('reads a record written before the field existed as not marked', async () => {
    const { repo } = freshRepo()
    const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Old Record' })
    const { feetAtRisk: _dropped, ...old } = p
    expect(patientSchema.parse(old).feetAtRisk).toBe(false)
    const row = { ...old, nameWords: ['old', 'record'], chartKey: '', listOrder: p.createdAt }
    expect(fromPatientRow(row as unknown as Parameters<typeof fromPatientRow>[0]).feetAtRisk).toBe(false)
  })

  it('restores a backup made before the field existed, every patient not marked', async () => {
    const { db, repo } = freshRepo()
    await repo.createPatient({ ...emptyPatientInput(), name: 'Bea Moss', feetAtRisk: true })
    const { bytes } = await exportBackup(db, { appVersion: '0.1.0', now: new Date('2026-11-21T10:00:00Z') })
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as {
      data: { patients: Record<string, unknown>[] }
      checksum: { value: string }
    }
    for (const patient of doc.data.patients) delete patient.feetAtRisk
    doc.checksum.value = await sha256Hex(new TextEncoder().encode(canonicalJson(doc.data)))
    const target = freshRepo()
    await restoreBackup(target.repo.ctx, new TextEncoder().encode(JSON.stringify(doc)), 'replace')
    const [restored] = await target.db.patients.toArray()
    expect(restored?.name).toBe('Bea Moss')
    expect(restored?.feetAtRisk ?? false).toBe(false)
  })
})
