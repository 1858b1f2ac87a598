import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff'

/** A stretch of a field's text: in both versions, only in the left one, or only in the right one. */
export interface DiffPart {
  text: string
  kind: 'same' | 'left' | 'right'
}

/** One field that differs between two versions, with every difference in it. */
export interface FieldDifference {
  field: string
  parts: DiffPart[]
}

/** Unchanged text longer than this is cut to its ends, so a long note shows its changes, not its bulk. */
const KEEP = 80
/** Above this size a word diff is slow: compare line by line. */
const WORD_DIFF_LIMIT = 20_000

/**
 * The fields whose texts differ, each with every difference marked (by the `diff` library:
 * words, or lines for very long texts), unchanged stretches shortened. Fields are
 * [label, left, right] triples; the left is the other or earlier version.
 */
export function fieldDifferences(fields: [string, string, string][]): FieldDifference[] {
  return fields
    .filter(([, left, right]) => left !== right)
    .map(([field, left, right]) => ({ field, parts: partsOf(left, right) }))
}

function partsOf(left: string, right: string): DiffPart[] {
  const long = left.length + right.length > WORD_DIFF_LIMIT
  const changes: ChangeObject<string>[] = (long
    ? diffLines(left, right, { timeout: 1000 })
    : diffWordsWithSpace(left, right, { timeout: 1000 })) ??
    // Past the time allowed: show the two texts whole rather than a wrong diff.
    [
      { value: left, removed: true, added: false, count: 1 },
      { value: right, added: true, removed: false, count: 1 },
    ]
  const parts = changes.map((c): DiffPart => ({
    text: c.value,
    kind: c.added ? 'right' : c.removed ? 'left' : 'same',
  }))
  return parts.map((p, i) =>
    p.kind === 'same' ? { ...p, text: shorten(p.text, i > 0, i < parts.length - 1) } : p,
  )
}

function shorten(text: string, hasBefore: boolean, hasAfter: boolean): string {
  const head = hasBefore ? KEEP : 0
  const tail = hasAfter ? KEEP : 0
  if (text.length <= head + tail + 20) return text
  return `${text.slice(0, head)}${head ? ' … ' : '… '}${tail ? text.slice(text.length - tail) : ''}`
}
