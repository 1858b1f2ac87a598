import type Dexie from 'dexie'
import type { Table } from 'dexie'
import { LOCAL_SETTING_KEYS } from '../format'

/**
 * Which tables a version 2 backup carries: every table of the notes database as stored, except
 * the wrong-try counters of sign-in (they describe this computer, not the clinic's records).
 */
export const MACHINE_TABLES: ReadonlySet<string> = new Set(['signInThrottle'])

export function backupTables(db: Dexie): Table[] {
  return db.tables.filter((t) => !MACHINE_TABLES.has(t.name)).sort((a, b) => order(a.name) - order(b.name))
}

// Keys, staff and the audit trail first: a reader sees who wrote before what was written.
const FIRST = ['clinicKeys', 'staff', 'auditHead', 'audit']
function order(name: string): number {
  const i = FIRST.indexOf(name)
  return i < 0 ? FIRST.length : i
}

/** A row this computer keeps to itself (settings that describe the machine). */
export function isLocalRow(table: string, row: unknown): boolean {
  return table === 'settings' && LOCAL_SETTING_KEYS.has((row as { key: string }).key)
}

export const PAGE_ROWS = 1000

/**
 * The rows of one table in primary-key order, a page at a time, each page in its own short read
 * (a transaction cannot stay open while pieces are written to the file). `upTo` bounds the audit
 * trail by its end marker, so entries appended while the backup is written are left out whole.
 */
export async function* pagesOf(table: Table, upTo?: number, size = PAGE_ROWS): AsyncGenerator<unknown[]> {
  const keyPath = table.schema.primKey.keyPath
  if (typeof keyPath !== 'string') throw new Error(`table ${table.name} has no single key`)
  let last: unknown = undefined
  for (;;) {
    const coll =
      upTo !== undefined
        ? table.where(':id').between(last ?? -Infinity, upTo, last === undefined, true)
        : last === undefined
          ? table.orderBy(':id')
          : table.where(':id').above(last)
    const page = await coll.limit(size).toArray()
    if (!page.length) return
    yield page
    if (page.length < size) return
    last = (page[page.length - 1] as Record<string, unknown>)[keyPath]
  }
}
