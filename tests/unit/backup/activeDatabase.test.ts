// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  ACTIVE_DB_KEY,
  beginRestoreDatabase,
  resolveActiveDatabase,
  switchActiveDatabase,
} from '../../../src/renderer/src/notes/backup/activeDatabase'
import { DatabaseRegistry } from '../../../src/renderer/src/notes/backup/databaseRegistry'
import { DB_NAME } from '../../../src/renderer/src/notes/db'

let n = 0
/** A registry of its own per test (the app has one, under a fixed name). */
const registryName = (): string => `registry-test-${++n}-${Math.random()}`
const at = (minute: number): Date => new Date(Date.UTC(2026, 11, 1, 9, minute))

beforeEach(() => localStorage.clear())

describe('the active database pointer', () => {
  it('opens the usual database until a restore switches, and the restored one after', async () => {
    const name = registryName()
    expect(await resolveActiveDatabase(new DatabaseRegistry(name))).toBe(DB_NAME)
    await beginRestoreDatabase(`${DB_NAME}-restored-1`, at(1), new DatabaseRegistry(name))
    expect(await resolveActiveDatabase(new DatabaseRegistry(name))).toBe(DB_NAME)
    await switchActiveDatabase(`${DB_NAME}-restored-1`, DB_NAME, at(2), new DatabaseRegistry(name))
    expect(await resolveActiveDatabase(new DatabaseRegistry(name))).toBe(`${DB_NAME}-restored-1`)
  })

  it('survives localStorage being cleared', async () => {
    const name = registryName()
    await beginRestoreDatabase(`${DB_NAME}-restored-2`, at(1), new DatabaseRegistry(name))
    await switchActiveDatabase(`${DB_NAME}-restored-2`, DB_NAME, at(2), new DatabaseRegistry(name))
    expect(JSON.parse(localStorage.getItem(ACTIVE_DB_KEY)!)).toEqual({
      active: `${DB_NAME}-restored-2`,
      previous: [DB_NAME],
    })
    localStorage.clear()
    expect(await resolveActiveDatabase(new DatabaseRegistry(name))).toBe(`${DB_NAME}-restored-2`)
    // Even a stale copy in localStorage does not win over the registry.
    localStorage.setItem(ACTIVE_DB_KEY, JSON.stringify({ active: DB_NAME, previous: [] }))
    expect(await resolveActiveDatabase(new DatabaseRegistry(name))).toBe(`${DB_NAME}-restored-2`)
  })

  it('never opens a restore that did not complete, wherever it is named', async () => {
    const name = registryName()
    await beginRestoreDatabase(`${DB_NAME}-restored-a`, at(1), new DatabaseRegistry(name))
    await switchActiveDatabase(`${DB_NAME}-restored-a`, DB_NAME, at(2), new DatabaseRegistry(name))
    // A later restore, cut short: newer, listed, but never complete.
    await beginRestoreDatabase(`${DB_NAME}-restored-b`, at(3), new DatabaseRegistry(name))
    expect(await resolveActiveDatabase(new DatabaseRegistry(name))).toBe(`${DB_NAME}-restored-a`)

    // With no pointer at all (an older version's registry), the same holds: a localStorage
    // pointer at the unfinished one is refused, and the newest complete restore is chosen.
    const other = registryName()
    const r = new DatabaseRegistry(other)
    await r.databases.bulkPut([
      { name: `${DB_NAME}-restored-old`, startedAt: at(1).toISOString(), completedAt: at(2).toISOString() },
      { name: `${DB_NAME}-restored-new`, startedAt: at(5).toISOString(), completedAt: at(6).toISOString() },
      { name: `${DB_NAME}-restored-cut`, startedAt: at(7).toISOString() },
    ])
    r.close()
    localStorage.setItem(ACTIVE_DB_KEY, JSON.stringify({ active: `${DB_NAME}-restored-cut`, previous: [] }))
    expect(await resolveActiveDatabase(new DatabaseRegistry(other))).toBe(`${DB_NAME}-restored-new`)
  })

  it("adopts an older version's localStorage pointer once, then keeps it in IndexedDB", async () => {
    const name = registryName()
    localStorage.setItem(
      ACTIVE_DB_KEY,
      JSON.stringify({ active: `${DB_NAME}-restored-legacy`, previous: [DB_NAME] }),
    )
    expect(await resolveActiveDatabase(new DatabaseRegistry(name), at(9))).toBe(`${DB_NAME}-restored-legacy`)
    localStorage.clear()
    expect(await resolveActiveDatabase(new DatabaseRegistry(name))).toBe(`${DB_NAME}-restored-legacy`)
    const r = new DatabaseRegistry(name)
    expect(await r.databases.get(DB_NAME)).toEqual({ name: DB_NAME, setAsideAt: at(9).toISOString() })
    r.close()
  })
})
