import type Dexie from 'dexie'
import type { AuditHead } from '../../../audit/model'
import { backupTables, isLocalRow, pagesOf, PAGE_ROWS } from './tables'

/**
 * The rows a backup carries, page by page, so that the file restores and verifies whatever the
 * clinic does while it is written. A transaction cannot stay open while pages go to the file, so
 * the export is not one snapshot of the whole database; instead every set of rows that the
 * restore checks against each other is read together, in one transaction:
 *
 * - The audit trail: its end marker and the events waiting to be chained are read once, at the
 *   start (readStart), and the trail is cut at that marker. Entries up to it never change, so the
 *   chain in the file ends exactly at the marker in the file.
 * - A visit, its signature and its addenda: each page of visits is read with the signatures and
 *   addenda of those visits. A visit edited, signed or added to after its page was read is in the
 *   file as it was, unsigned or without the new addendum; one read later is in it as it is then.
 *   A signed visit never changes (security/signatures.ts), so a signature always meets the text
 *   it was made over. Signatures and addenda whose visit is not in the database at all are
 *   carried on their own afterwards, so nothing is dropped.
 * - Staff records are sealed one by one, so any state of each one checks.
 * Other tables are not cross-checked: a record saved meanwhile is in the file in either state.
 */
export interface StartMarks {
  head: AuditHead | undefined
  pending: unknown[]
}

export interface Page {
  table: string
  rows: unknown[]
}

/** The audit end marker and the unchained events, as one moment (the pending list is short). */
export async function readStart(db: Dexie): Promise<StartMarks> {
  const has = new Set(db.tables.map((t) => t.name))
  if (!has.has('auditHead')) return { head: undefined, pending: [] }
  const head = db.table('auditHead')
  const waiting = db.table('auditPending')
  return db.transaction('r', head, waiting, async () => ({
    head: (await head.get('head')) as AuditHead | undefined,
    pending: await waiting.toArray(),
  }))
}

export async function* snapshotPages(db: Dexie, start: StartMarks, size = PAGE_ROWS): AsyncGenerator<Page> {
  const has = new Set(db.tables.map((t) => t.name))
  const sealed = has.has('visits') && has.has('signatures') && has.has('addenda')
  for (const t of backupTables(db)) {
    const name = t.name
    if (name === 'auditHead') {
      if (start.head) yield { table: name, rows: [start.head] }
    } else if (name === 'auditPending') {
      if (start.pending.length) yield { table: name, rows: start.pending }
    } else if (name === 'audit') {
      for await (const rows of pagesOf(t, start.head?.seq ?? 0, size)) yield { table: name, rows }
    } else if (sealed && name === 'visits') {
      yield* visitsWithSeals(db, size)
    } else if (sealed && name === 'signatures') {
      yield* withoutVisit(db, name, ':id', size)
    } else if (sealed && name === 'addenda') {
      yield* withoutVisit(db, name, 'visitId', size)
    } else {
      for await (const raw of pagesOf(t, undefined, size)) {
        yield { table: name, rows: raw.filter((r) => !isLocalRow(name, r)) }
      }
    }
  }
}

/** A page of visits with the signatures and addenda of exactly those visits, read together. */
async function* visitsWithSeals(db: Dexie, size: number): AsyncGenerator<Page> {
  const visits = db.table('visits')
  const signatures = db.table('signatures')
  const addenda = db.table('addenda')
  let last: string | undefined
  for (;;) {
    const got = await db.transaction('r', visits, signatures, addenda, async () => {
      const coll = last === undefined ? visits.orderBy(':id') : visits.where(':id').above(last)
      const page = (await coll.limit(size).toArray()) as { id: string }[]
      const ids = page.map((v) => v.id)
      if (!ids.length) return { page, sigs: [], adds: [] }
      const [sigs, adds] = await Promise.all([
        signatures.bulkGet(ids),
        addenda.where('visitId').anyOf(ids).toArray(),
      ])
      return { page, sigs: sigs.filter((s) => s !== undefined), adds }
    })
    if (!got.page.length) return
    yield { table: 'visits', rows: got.page }
    if (got.sigs.length) yield { table: 'signatures', rows: got.sigs }
    if (got.adds.length) yield { table: 'addenda', rows: got.adds }
    if (got.page.length < size) return
    last = got.page[got.page.length - 1]!.id
  }
}

/**
 * Signatures or addenda whose visit does not exist (they cannot be made by the app, but a backup
 * drops nothing). Walks only the keys; a visit present now was either carried with its rows above
 * or is newer than its page, and then neither it nor its rows are in the file.
 */
async function* withoutVisit(
  db: Dexie,
  name: 'signatures' | 'addenda',
  byVisit: string,
  size: number,
): AsyncGenerator<Page> {
  const table = db.table(name)
  const visits = db.table('visits')
  let last: string | undefined
  for (;;) {
    const got = await db.transaction('r', table, visits, async () => {
      const coll = last === undefined ? table.orderBy(byVisit) : table.where(byVisit).above(last)
      const keys = (await coll.limit(size).keys()) as string[]
      const ids = [...new Set(keys)]
      const present = new Set((await visits.where(':id').anyOf(ids).primaryKeys()) as string[])
      const missing = ids.filter((id) => !present.has(id))
      const rows = missing.length ? await table.where(byVisit).anyOf(missing).toArray() : []
      return { keys, rows }
    })
    if (got.rows.length) yield { table: name, rows: got.rows }
    if (got.keys.length < size) return
    last = got.keys[got.keys.length - 1]
  }
}
