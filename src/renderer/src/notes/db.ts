import Dexie, { type EntityTable } from 'dexie'
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
import { AUDIT_TABLES } from '../audit/store'
import { AUTH_TABLES } from '../security/authStore'
import { SIGNATURE_TABLES } from '../security/signatureStore'

/** A patient as stored: the domain record plus keys derived from it for the indexes. */
export interface PatientRow extends Patient {
  /** Folded words of the name, for "starts with" search on any part of it. */
  nameWords: string[]
  /** Folded chart number, for case-insensitive prefix search. */
  chartKey: string
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

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options)
    NotesDB.declareVersions(this)
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
  }
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
