import type { z } from 'zod'
import type { BackupTable } from '../db'
import { describeIssue } from '../describe'
import {
  handoutRowSchema,
  handoutTemplateSchema,
  historyEntrySchema,
  patientSchema,
  settingSchema,
  trashEntrySchema,
  visitSchema,
  type HandoutRow,
  type Setting,
  type TrashEntry,
  type Visit,
} from '../model'
import { BackupError } from './format'

const recordSchemas: Record<BackupTable, z.ZodType> = {
  patients: patientSchema,
  visits: visitSchema,
  trash: trashEntrySchema,
  settings: settingSchema,
  handoutTemplates: handoutTemplateSchema,
  handouts: handoutRowSchema,
  history: historyEntrySchema,
}

const TABLE_WORDS: Record<BackupTable, string> = {
  patients: 'Patient',
  visits: 'Visit',
  trash: 'Trash item',
  settings: 'Setting',
  handoutTemplates: 'Handout template',
  handouts: 'Handout',
  history: 'Saved version',
}

/**
 * The check every record of a backup goes through, one record at a time: a restore runs it over
 * the file it reads, and an export over the records it writes, so a database that would give a
 * file no restore accepts is caught before the file is reported as made. It keeps only the ids
 * the records' links need, never the records, so checking 100,000 visits costs little memory.
 */
export class RecordCheck {
  private problems: string[] = []
  private seen = new Map<BackupTable, Set<string>>()
  private counts = new Map<BackupTable, number>()
  private patientIds = new Set<string>()
  private visitIds = new Set<string>()
  private visitLinks: { index: number; patientId: string; date: string }[] = []
  private handoutLinks: { index: number; visitId: string }[] = []

  /** The record as the schema cleans it, or undefined (and a problem noted) when it is not valid. */
  add(table: BackupTable, raw: unknown): unknown {
    const index = (this.counts.get(table) ?? 0) + 1
    this.counts.set(table, index)
    const result = recordSchemas[table].safeParse(raw)
    if (!result.success) {
      const issue = result.error.issues[0]
      this.problems.push(`${TABLE_WORDS[table]} ${index}: ${issue ? describeIssue(issue) : 'not valid'}`)
      return undefined
    }
    const clean = result.data
    const key = table === 'settings' ? (clean as Setting).key : (clean as { id: string }).id
    let seen = this.seen.get(table)
    if (!seen) this.seen.set(table, (seen = new Set()))
    if (seen.has(key)) this.problems.push(`${TABLE_WORDS[table]} ${index}: the same record appears twice`)
    seen.add(key)
    if (table === 'patients') this.patientIds.add(key)
    if (table === 'visits') {
      const v = clean as Visit
      this.visitIds.add(v.id)
      this.visitLinks.push({ index, patientId: v.patientId, date: v.dateTime.slice(0, 10) })
    }
    if (table === 'trash') {
      const e = clean as TrashEntry
      for (const v of e.kind === 'patient' ? e.visits : [e.visit]) this.visitIds.add(v.id)
    }
    if (table === 'handouts') this.handoutLinks.push({ index, visitId: (clean as HandoutRow).visitId })
    return clean
  }

  /** Checks the links between records (a visit's patient, a handout's visit); throws at any problem. */
  finish(): void {
    for (const v of this.visitLinks) {
      if (!this.patientIds.has(v.patientId)) {
        this.problems.push(`Visit ${v.index} (${v.date}): its patient is not among the patients`)
      }
    }
    for (const h of this.handoutLinks) {
      if (!this.visitIds.has(h.visitId)) {
        this.problems.push(`Handout ${h.index}: the visit it was given at is not here`)
      }
    }
    const problems = this.problems
    if (problems.length) {
      const more = problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : ''
      throw new BackupError(
        'invalid-records',
        `This backup contains records that are not valid, so nothing was restored. ${problems.slice(0, 3).join('; ')}${more}.`,
      )
    }
  }
}
