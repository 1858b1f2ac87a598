/**
 * Field-by-field three-way merge of two windows' edits made on the same stored version: a field
 * only one side changed takes that side's value; a set (causes, findings) takes what either side
 * added and drops what either removed; a field both changed differently is a clash for the user.
 */
export function threeWay<D extends object>(
  base: D,
  theirs: D,
  mine: D,
  setFields: readonly (keyof D)[] = [],
): { merged: D; clashes: (keyof D)[] } {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
  const merged = { ...mine }
  const clashes: (keyof D)[] = []
  for (const key of Object.keys(mine) as (keyof D)[]) {
    const [b, t, m] = [base[key], theirs[key], mine[key]]
    if (same(t, m) || same(t, b)) continue
    if (same(m, b)) {
      merged[key] = t
      continue
    }
    if (setFields.includes(key) && Array.isArray(b) && Array.isArray(t) && Array.isArray(m)) {
      const removed = new Set([...b].filter((x) => !t.includes(x) || !m.includes(x)))
      merged[key] = [...new Set([...m, ...t])].filter((x) => !removed.has(x)) as D[keyof D]
      continue
    }
    clashes.push(key)
  }
  return { merged, clashes }
}
