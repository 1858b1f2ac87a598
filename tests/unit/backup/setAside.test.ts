import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import type { AuditEvent } from '../../../src/renderer/src/audit/model'
import {
  beginRestoreDatabase,
  switchActiveDatabase,
} from '../../../src/renderer/src/notes/backup/activeDatabase'
import { DatabaseRegistry } from '../../../src/renderer/src/notes/backup/databaseRegistry'
import { listSetAside, removeSetAside } from '../../../src/renderer/src/notes/backup/setAside'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { PermissionError } from '../../../src/renderer/src/security/policy'
import { freshRepo } from '../notes/helpers'

const at = (minute: number): Date => new Date(Date.UTC(2026, 11, 1, 9, minute))

/** A database with records (set aside later), one restored in its place, and their registry. */
async function restoredOver() {
  const registryName = `registry-aside-${Math.random()}`
  const reg = () => new DatabaseRegistry(registryName)
  const { repo, db } = freshRepo()
  const p = await repo.createPatient({ ...emptyPatientInput(), name: 'Old Record' })
  await repo.createVisit(p.id)
  await repo.createVisit(p.id)
  const old = db.name
  db.close()
  const restored = `cramp-clinic-restored-${Math.random().toString(36).slice(2)}`
  const fresh = new Dexie(restored)
  fresh.version(1).stores({ patients: 'id' })
  await fresh.open()
  fresh.close()
  await beginRestoreDatabase(restored, at(1), reg())
  await switchActiveDatabase(restored, old, at(2), reg())
  const events: AuditEvent[] = []
  const audit = async (e: AuditEvent): Promise<void> => void events.push(e)
  return { old, restored, reg, events, audit }
}

describe('databases set aside by a restore', () => {
  it('are listed with when they were set aside and their counts, read without decrypting', async () => {
    const { old, reg } = await restoredOver()
    expect(await listSetAside(reg())).toEqual([
      { name: old, setAsideAt: at(2).toISOString(), patients: 1, visits: 2 },
    ])
  })

  it('only the owner may remove one; it is gone, audited, and off the list', async () => {
    const { old, restored, reg, events, audit } = await restoredOver()
    for (const role of ['clinician', 'reception'] as const) {
      await expect(
        removeSetAside({ name: old, actor: { id: 's1', role }, inUse: restored, audit, registry: reg() }),
      ).rejects.toBeInstanceOf(PermissionError)
    }
    await expect(
      removeSetAside({ name: old, actor: null, inUse: restored, audit, registry: reg() }),
    ).rejects.toThrow(/locked/)
    expect(await Dexie.exists(old)).toBe(true)
    expect(events).toEqual([])

    await removeSetAside({
      name: old,
      actor: { id: 'owner-1', role: 'owner' },
      inUse: restored,
      audit,
      registry: reg(),
      now: at(5),
    })
    expect(await Dexie.exists(old)).toBe(false)
    expect(events).toEqual([
      {
        kind: 'database.removed',
        actorId: 'owner-1',
        detail: { name: old, setAsideAt: at(2).toISOString(), patients: 1, visits: 2 },
      },
    ])
    expect(await listSetAside(reg())).toEqual([])
  })

  it('the database in use, or one never set aside, is never removed', async () => {
    const { restored, reg, events, audit } = await restoredOver()
    const owner = { id: 'owner-1', role: 'owner' as const }
    await expect(
      removeSetAside({ name: restored, actor: owner, inUse: 'cramp-clinic', audit, registry: reg() }),
    ).rejects.toThrow('This is the database in use: it cannot be removed.')
    await expect(
      removeSetAside({ name: 'elsewhere', actor: owner, inUse: 'elsewhere', audit, registry: reg() }),
    ).rejects.toThrow(/in use/)
    await expect(
      removeSetAside({ name: 'cramp-clinic-other', actor: owner, inUse: restored, audit, registry: reg() }),
    ).rejects.toThrow(/not set aside/)
    expect(await Dexie.exists(restored)).toBe(true)
    expect(events).toEqual([])
  })
})
