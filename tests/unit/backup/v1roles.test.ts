import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { applyBackupAs, backupFromRecords, readBackup } from '../../../src/renderer/src/notes/backup'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { PermissionError } from '../../../src/renderer/src/security/policy'
import { clinicWithRecords } from './v2helpers'

/** Version 1 (unencrypted) files still restore, for the owner only, and never over signed notes. */
describe('version 1 backups in a clinic with sign-in', () => {
  it('only the owner may merge or replace; replace is refused where signed notes exist', async () => {
    const c = await clinicWithRecords()
    const ctx = new NotesRepository(c.db).ctx
    const v1 = await readBackup((await backupFromRecords({}, { appVersion: 'old' })).bytes)
    await expect(applyBackupAs({ role: 'clinician' }, ctx, v1, 'merge')).rejects.toBeInstanceOf(
      PermissionError,
    )
    await expect(applyBackupAs(null, ctx, v1, 'merge')).rejects.toThrow(/sign/i)
    const visitsBefore = await c.db.visits.toArray()
    await expect(applyBackupAs({ role: 'owner' }, ctx, v1, 'replace')).rejects.toMatchObject({
      code: 'not-allowed',
      message: expect.stringMatching(/signed notes.*Choose Merge instead/),
    })
    expect(await c.db.visits.toArray()).toEqual(visitsBefore)
    await expect(applyBackupAs({ role: 'owner' }, ctx, v1, 'merge')).resolves.toMatchObject({ mode: 'merge' })
    expect(await c.db.visits.count()).toBe(2)
  })
})
