import { z } from 'zod'
import { canonicalJson } from './canonical'

/**
 * Versions of a record, CouchDB-style: each saved version has a revision id (`rev`), and knows
 * the versions it descends from (`lineage`, newest first). Where two copies of a record meet
 * (two windows, a merged backup, a copy left by a crashed window), the lineage says which one
 * holds the other; where neither does, both are kept and the user decides. Wall-clock time
 * never decides.
 *
 * A rev is `<generation>-<run>`. A run is one stretch of editing by one writer (one window of
 * one computer): its saves within a minute share the run id and are coalesced into one version
 * in the history. Versions of one run are linear by construction (one writer, one at a time),
 * so "5-abc" is an ancestor of "9-abc" without each of the saves in between being listed.
 */

/** Who saved a version. `authorId` is filled in by staff sign-in (issue 12); null until then. */
export const authorSchema = z.object({
  /** A random id made once per computer (app profile). */
  device: z.string().max(100),
  /** A random id made per window or tab; '' when not known. */
  window: z.string().max(100),
  authorId: z.string().max(100).nullable(),
})
export type Author = z.infer<typeof authorSchema>

/** Versions saved before history was kept (and backups of that format) are by this author. */
export const EARLIER_AUTHOR: Author = { device: 'before-history', window: '', authorId: null }

/** Saves by the same writer within this time of the first are one version in the history. */
export const COALESCE_MS = 60_000
/** Ancestors remembered on each version (CouchDB keeps 1,000; one per run is enough here). */
export const LINEAGE_LIMIT = 100

const revText = z.string().min(3).max(100)

/** The version fields every patient and visit carries (see the module comment). */
export const versionFields = {
  /** Generation: how many versions came before this one, plus one. */
  revision: z.number().int().min(1),
  rev: revText,
  lineage: z.array(revText).max(LINEAGE_LIMIT),
  savedBy: authorSchema,
  /** When the run of saves that made this version began (its first save). */
  editStartedAt: z.iso.datetime({ offset: true }),
  /** Revs of versions kept in the history that met this one and are not settled yet. */
  conflicts: z.array(revText).max(500),
}

export interface VersionMeta {
  revision: number
  rev: string
  lineage: string[]
  savedBy: Author
  editStartedAt: string
  conflicts: string[]
}

export interface Versioned extends VersionMeta {
  updatedAt: string
}

export const VERSION_KEYS = [
  'revision',
  'rev',
  'lineage',
  'savedBy',
  'editStartedAt',
  'conflicts',
] as const satisfies readonly (keyof VersionMeta)[]

export function randomRun(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5))
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export function parseRev(rev: string): { generation: number; run: string } {
  const dash = rev.indexOf('-')
  return { generation: Number(rev.slice(0, dash)), run: rev.slice(dash + 1) }
}

/** Revs of records from before history was kept end in a content hash: "h" then hex. */
export function isEarlierRev(rev: string): boolean {
  return parseRev(rev).run.startsWith('h')
}

export function sameWriter(a: Author, b: Author): boolean {
  return a.device === b.device && a.window === b.window && a.authorId === b.authorId
}

/** Whether the version `v` is `rev` or descends from it. */
export function descendsFrom(v: Pick<Versioned, 'rev' | 'lineage'>, rev: string): boolean {
  if (v.rev === rev) return true
  const wanted = parseRev(rev)
  const sameRunCounts = !wanted.run.startsWith('h')
  for (const r of [v.rev, ...v.lineage]) {
    if (r === rev) return true
    if (!sameRunCounts) continue
    const { generation, run } = parseRev(r)
    if (run === wanted.run && generation >= wanted.generation) return true
  }
  return false
}

/** How `local` relates to `other`: the same version, newer (descends from it), older, or apart. */
export type Relation = 'same' | 'newer' | 'older' | 'divergent'

export function compareVersions(
  local: Pick<Versioned, 'rev' | 'lineage'>,
  other: Pick<Versioned, 'rev' | 'lineage'>,
): Relation {
  if (local.rev === other.rev) return 'same'
  if (descendsFrom(local, other.rev)) return 'newer'
  if (descendsFrom(other, local.rev)) return 'older'
  return 'divergent'
}

/** The version fields of a record's first version. */
export function firstVersion(by: Author, now: string): VersionMeta {
  return { revision: 1, rev: `1-${randomRun()}`, lineage: [], savedBy: by, editStartedAt: now, conflicts: [] }
}

export interface NextVersion {
  meta: VersionMeta
  /** Keep `current` in the history (it closes a run, or another writer made it). */
  keepCurrent: boolean
}

/**
 * The version fields of the version replacing `current`. A save by the writer who made
 * `current`, within a minute of the start of its run, continues the run: `current` is not kept
 * (it was only a step of the same edit). Anything else starts a new run and keeps `current`.
 */
export function nextVersion(
  current: Versioned,
  by: Author,
  now: string,
  options: { newRun?: boolean; fieldsChanged: boolean; resolved?: string[] },
): NextVersion {
  const continuing =
    !options.newRun &&
    !isEarlierRev(current.rev) &&
    sameWriter(current.savedBy, by) &&
    Date.parse(now) - Date.parse(current.editStartedAt) < COALESCE_MS &&
    Date.parse(now) >= Date.parse(current.editStartedAt)
  const run = continuing ? parseRev(current.rev).run : randomRun()
  const lineage = continuing ? current.lineage : [current.rev, ...current.lineage]
  const resolved = new Set(options.resolved ?? [])
  return {
    meta: {
      revision: current.revision + 1,
      rev: `${current.revision + 1}-${run}`,
      // A settled conflict's version is an ancestor of the outcome, like a merge commit's parent.
      lineage: [...new Set([...lineage.slice(0, 1), ...resolved, ...lineage.slice(1)])].slice(
        0,
        LINEAGE_LIMIT,
      ),
      savedBy: by,
      editStartedAt: continuing ? current.editStartedAt : now,
      conflicts: current.conflicts.filter((r) => !resolved.has(r)),
    },
    keepCurrent: !continuing && options.fieldsChanged,
  }
}

/** The record without its version fields and the keys derived for indexes: what was written. */
export function contentOf(record: object, derived: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) }
  for (const k of [...VERSION_KEYS, ...derived]) delete out[k]
  return out
}

/**
 * Version fields for a record saved before history was kept. The rev is derived from the
 * content, so two computers holding the same old record give it the same rev and a merge sees
 * one version, while any difference gives two versions, both kept.
 */
export function earlierVersion(
  record: { revision: number; updatedAt: string },
  content: unknown,
): VersionMeta {
  return {
    revision: record.revision,
    rev: `${record.revision}-h${contentHash(canonicalJson(content))}`,
    lineage: [],
    savedBy: EARLIER_AUTHOR,
    editStartedAt: record.updatedAt,
    conflicts: [],
  }
}

/**
 * cyrb53 (public domain): a fast 53-bit string hash, used here only as a content identifier,
 * never for security. Synchronous, so a database upgrade can use it inside its transaction.
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}
