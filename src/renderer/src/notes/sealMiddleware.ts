import Dexie, { type DBCore, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie'
import type { KeyRing } from '../security/keyring'
import { decodeRow, encodeRow, isSealedTable, type KeySource, type SealedTable } from './rowSealing'

/**
 * Encryption at the storage boundary: a Dexie DBCore middleware that runs the row codec
 * (rowSealing.ts) on every row of a sealed table going into IndexedDB and coming out of it. Every
 * path (repository, signing, backup, search index) reads and writes records as before and never
 * sees a ciphertext; nothing reaches the disk unsealed once a key source is set.
 *
 * WebCrypto is asynchronous, and an IndexedDB transaction commits by itself as soon as it has no
 * request pending when control returns to the event loop. So while a row is sealed or opened
 * inside a transaction, keepAlive() keeps a cheap read pending on the same store and hands the
 * result back from inside that read's success callback, where the transaction still takes
 * requests. It is what Dexie.waitFor() does (documented in Dexie 4 for short non-IndexedDB work
 * in a transaction); waitFor itself needs the caller's transaction zone, which a middleware
 * called at a lower level does not reliably have.
 */
export function sealMiddleware(keys: () => KeySource): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'SealedRows',
    // Above Dexie's own middlewares (hooks, cache, observability): they only see sealed rows.
    level: 10,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name)
          return isSealedTable(name) ? sealedTable(table, name, keys) : table
        },
      }
    },
  }
}

/** Table schema upgrades run before anyone signs in; they move clear rows as they are. */
function isUpgrade(trans: DBCoreTransaction): boolean {
  return (trans as unknown as IDBTransaction).mode === 'versionchange'
}

function sealedTable(table: DBCoreTable, name: SealedTable, keys: () => KeySource): DBCoreTable {
  /** The open ring, null for an unencrypted database; throws LockedError while locked. */
  const ring = (): KeyRing | null => {
    const source = keys()
    return source ? source() : null
  }
  // No async functions here: Dexie follows its transaction across its own promises only, so
  // every step is chained on the promises Dexie hands out, and crypto is awaited in keepAlive.
  const decodeAll = (trans: DBCoreTransaction, rows: readonly unknown[]): Promise<unknown[]> => {
    const r = ring()
    return keepAlive(
      trans,
      name,
      Promise.all(
        rows.map((row) => (row === undefined || row === null ? row : decodeRow(name, row as never, r))),
      ),
    )
  }
  return {
    ...table,
    mutate(req) {
      if ((req.type !== 'add' && req.type !== 'put') || isUpgrade(req.trans)) return table.mutate(req)
      let r: KeyRing | null
      try {
        r = ring()
      } catch (e) {
        return Dexie.Promise.reject(e)
      }
      const values = req.values
      return keepAlive(req.trans, name, Promise.all(values.map((v) => encodeRow(name, v as never, r)))).then(
        (sealed) => table.mutate({ ...req, values: sealed }),
      )
    },
    get(req) {
      return table.get(req).then((row: unknown) => {
        if (row === undefined || isUpgrade(req.trans)) return row
        return decodeAll(req.trans, [row]).then((rows) => rows[0])
      })
    },
    getMany(req) {
      return table.getMany(req).then((rows) => (isUpgrade(req.trans) ? rows : decodeAll(req.trans, rows)))
    },
    query(req) {
      return table.query(req).then((res) => {
        if (!req.values || isUpgrade(req.trans)) return res
        return decodeAll(req.trans, res.result).then((result) => ({ ...res, result }))
      })
    },
    openCursor(req) {
      if (!req.values || isUpgrade(req.trans)) return table.openCursor(req)
      // A cursor hands out rows synchronously, one by one: there is no moment to decrypt them.
      return Dexie.Promise.reject(new SealedCursorError(name))
    },
  }
}

/** A programming error: code read whole rows of a sealed table with each(), filter() or the like. */
export class SealedCursorError extends Error {
  constructor(table: string) {
    super(
      `The ${table} table is encrypted: read its rows with toArray(), get() or bulkGet() (then filter), not with a cursor (each, filter, offset with values).`,
    )
    this.name = 'SealedCursorError'
  }
}

/**
 * Waits for `work` while keeping `trans` open, and settles inside an IndexedDB success callback
 * so the caller can go on using the transaction. A Dexie promise, so Dexie keeps following the
 * transaction through it. If the transaction has already finished, it simply waits.
 */
export function keepAlive<T>(trans: DBCoreTransaction, storeName: string, work: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction
  return new Dexie.Promise<T>((resolve, reject) => {
    let settle: (() => void) | null = null
    work.then(
      (v) => (settle = () => resolve(v)),
      (e: unknown) => (settle = () => reject(e)),
    )
    let store: IDBObjectStore
    try {
      store = idb.objectStore(storeName)
    } catch {
      work.then(resolve, reject)
      return
    }
    const spin = (): void => {
      if (settle) {
        settle()
        return
      }
      let req: IDBRequest
      try {
        req = store.get(-Infinity)
      } catch {
        // Not active any more (committed, aborted): nothing left to keep open.
        work.then(resolve, reject)
        return
      }
      req.onsuccess = spin
      req.onerror = () => work.then(resolve, reject)
    }
    spin()
  })
}
