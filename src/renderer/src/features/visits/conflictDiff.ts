/** One field that differs between two windows' versions, as short texts to compare. */
export interface ConflictDifference {
  field: string
  theirs: string
  mine: string
}

/** Characters shown of each side around the first difference (a note can be a megabyte). */
const BEFORE = 60
const AFTER = 240

/**
 * The fields whose texts differ, each cut to the stretch around its first difference so the two
 * sides can be compared at a glance. Fields are [label, theirs, mine] triples.
 */
export function conflictDifferences(fields: [string, string, string][]): ConflictDifference[] {
  return fields
    .filter(([, theirs, mine]) => theirs !== mine)
    .map(([field, theirs, mine]) => {
      let at = 0
      while (at < theirs.length && at < mine.length && theirs[at] === mine[at]) at++
      const from = Math.max(0, at - BEFORE)
      return { field, theirs: excerpt(theirs, from), mine: excerpt(mine, from) }
    })
}

function excerpt(text: string, from: number): string {
  const end = from + BEFORE + AFTER
  return `${from > 0 ? '…' : ''}${text.slice(from, end)}${text.length > end ? '…' : ''}`
}
