import type { z } from 'zod'
import type { NotesDB } from './db'
import { describeIssues } from './describe'
import { ValidationError } from './errors'
import type { Author } from './version'

/** What every write of the notes domain needs: the database, the time, new ids and who writes. */
export interface RepoContext {
  readonly db: NotesDB
  readonly author: Author
  now(): string
  /** A timestamp after `previous`, even if the clock went backwards or two saves share a ms. */
  laterThan(previous: string): string
  newId(): string
}

export function makeContext(
  db: NotesDB,
  clock: () => Date,
  newId: () => string,
  author: Author,
): RepoContext {
  return {
    db,
    author,
    newId,
    now: () => clock().toISOString(),
    laterThan(previous) {
      return new Date(Math.max(clock().getTime(), Date.parse(previous) + 1)).toISOString()
    },
  }
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(describeIssues(result.error))
  return result.data
}
