import Dexie, { type EntityTable, type PromiseExtended, type Table } from 'dexie'
import type {
  DraftRow,
  HandoutRow,
  HandoutTemplate,
  HistoryEntry,
  Patient,
  Setting,
  TrashEntry,
  Visit,
} from './model'
import { upgradeToVersion2 } from './upgrade'
import type { KeySource } from './rowSealing'
import { sealMiddleware } from './sealMiddleware'
import { ENCRYPTION_STATE_KEY } from './encryptInPlace'
import { AUDIT_TABLES } from '../audit/store'
import { AUTH_TABLES } from '../security/authStore'
import { SIGNATURE_TABLES } from '../security/signatureStore'
import { clearIndexesMayGo, LATEST_SCHEMA } from './schemaGate'

export { LATEST_SCHEMA }

/**
 * A patient as read and written through the table: the domain record plus its list order. What
 * IndexedDB holds is the sealed form (rowSealing.ts): the index tokens nameTokens, chartTokens
 * and dobToken, clear ids and times, and one ciphertext; rows from before schema version 4 keep
 * clear nameWords and chartKey until encryptInPlace.ts rewrites them (schema version 5 comes
 * only after that, and drops their indexes).
 */
export interface PatientRow extends Patient {
  /** Newest visit, or creation time for a patient without visits: the list's sort key. */
  listOrder: string
}

/**
 * A visit as stored: the domain record plus the folded words of its texts, kept so the in-memory
 * search index (searchIndex.ts) is built without re-reading and folding every note.
 */
export interface VisitRow extends Visit {
  words: string[]
}

export const DB_NAME = 'cramp-clinic'

/**
 * The notes database. Migrations: never edit or delete a `version(n)` once released. A new
 * version is added below the others as `this.version(n + 1).stores({...changed tables only}).
 * upgrade(tx => ...)`, and gets a test in tests/unit/notes/schema.test.ts that writes data with
 * a database class holding only the old versions, reopens it with this class and checks the
 * upgraded records. Users' notes live in these tables for years; a lost upgrade path loses them.
 */
export class NotesDB extends Dexie {
  patients!: EntityTable<PatientRow, 'id'>
  visits!: EntityTable<VisitRow, 'id'>
  trash!: EntityTable<TrashEntry, 'id'>
  settings!: EntityTable<Setting, 'key'>
  handoutTemplates!: EntityTable<HandoutTemplate, 'id'>
  handouts!: EntityTable<HandoutRow, 'id'>
  history!: EntityTable<HistoryEntry, 'id'>
  drafts!: EntityTable<DraftRow, 'id'>

  /**
   * Where the row codec gets the keys (security/instance.ts sets the app's key session). Null:
   * rows are stored unencrypted (the benchmark's baseline; tools that never sign in).
   */
  keySource: KeySource = null

  /** Whether version 5 is declared on this connection (open() decides: schemaGate.ts). */
  #latestDeclared = false

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options)
    NotesDB.declareVersions(this, 4)
    this.use(sealMiddleware(() => this.keySource))
  }

  /**
   * Opens at version 5 only when no row can still need the clear indexes it drops
   * (schemaGate.ts), otherwise at version 4. Dexie opens through this method on first use too.
   */
  override open(): PromiseExtended<Dexie> {
    if (this.#latestDeclared || this.isOpen()) return super.open()
    return Dexie.Promise.resolve(clearIndexesMayGo(this.name)).then((mayGo) => {
      if (mayGo && !this.#latestDeclared && !this.isOpen()) {
        this.#latestDeclared = true
        this.#declareKeepingTables(() => declareVersion5(this))
      }
      return super.open()
    })
  }

  /**
   * Declaring a version makes Dexie replace every Table object, but stores and repositories
   * built before the open hold the old ones (security/instance.ts); Dexie gives tables their
   * connection only on open, so the old objects take the new schema and stay the tables.
   */
  #declareKeepingTables(declare: () => void): void {
    const self = this as unknown as Record<string, Table | undefined>
    const names = Object.keys(this._allTables)
    const kept = names.map((n) => [n, this._allTables[n]!, self[n]] as const)
    declare()
    for (const [name, table, property] of kept) {
      const fresh = this._allTables[name]
      if (!fresh) continue
      for (const old of [table, property]) if (old) (old as { schema: unknown }).schema = fresh.schema
      this._allTables[name] = table
      if (property) self[name] = property
    }
  }

  /** Every schema version ever released, oldest first. Shared with the upgrade tests. */
  static declareVersions(db: Dexie, upTo = Number.POSITIVE_INFINITY): void {
    if (upTo >= 1) {
      db.version(1).stores({
        patients: 'id, listOrder, *nameWords, chartKey, dateOfBirth, updatedAt',
        visits: 'id, patientId, [patientId+dateTime], dateTime, updatedAt',
        trash: 'id, kind, deletedAt',
        settings: 'key',
        handoutTemplates: 'id',
      })
    }
    if (upTo >= 2) {
      // Version history, handouts out of the visits (added, never edited: they no longer make a
      // visit's version change), and the crash copies of unsaved text.
      db.version(2)
        .stores({
          handouts: 'id, visitId, createdAt',
          history: 'id, [recordId+savedAt]',
          drafts: 'id, recordId',
        })
        .upgrade(upgradeToVersion2)
    }
    if (upTo >= 3) {
      // Staff sign-in, signatures and addenda, and the audit trail (issue 12). New tables only:
      // existing records are untouched; visits without a signature are drafts or, if saved
      // before sign-in existed (savedBy.authorId null), are shown as such.
      db.version(3).stores({ ...AUTH_TABLES, ...SIGNATURE_TABLES, ...AUDIT_TABLES })
    }
    if (upTo >= 4) {
      // Encryption at rest (issue 13). Patients are looked up by keyed tokens instead of their
      // name, chart number and birth date. The clear indexes stay in this version only so that
      // rows not yet encrypted (encryptInPlace.ts works through them after sign-in) can still be
      // found; a sealed row has none of their fields, so they empty as the rows are rewritten.
      // Visits get an index by author, so unsigned drafts are found without reading every note.
      db.version(4)
        .stores({
          patients:
            'id, listOrder, *nameTokens, *chartTokens, dobToken, *nameWords, chartKey, dateOfBirth, updatedAt',
          visits: 'id, patientId, [patientId+dateTime], dateTime, updatedAt, [savedBy.authorId+createdAt]',
        })
        .upgrade((tx) =>
          tx.table('settings').put({
            key: ENCRYPTION_STATE_KEY,
            value: { state: 'pending' },
            updatedAt: new Date().toISOString(),
          }),
        )
    }
    if (upTo >= 5) declareVersion5(db)
  }
}

/**
 * Version 5: the clear indexes of version 4 go (nameWords, chartKey, dateOfBirth). Declared only
 * once every row is sealed (NotesDB.open and schemaGate.ts say why); sealed rows never had them.
 */
function declareVersion5(db: Dexie): void {
  db.version(LATEST_SCHEMA).stores({
    patients: 'id, listOrder, *nameTokens, *chartTokens, dobToken, updatedAt',
  })
}

/** The tables a backup holds, in the order they are written and restored. */
export const BACKUP_TABLES = [
  'patients',
  'visits',
  'trash',
  'settings',
  'handoutTemplates',
  'handouts',
  'history',
] as const
export type BackupTable = (typeof BACKUP_TABLES)[number]
