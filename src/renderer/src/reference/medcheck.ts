/**
 * Medication check: reads a typed or pasted list of medicines and says, for each, what the
 * sources say about it. Names come from the drug table (generic, brand, other names, class);
 * typos are tolerated through MiniSearch's fuzzy matching. A name that is not in the table is
 * reported as such, never dropped: silence would read as "no concern".
 */
import MiniSearch from 'minisearch'
import type { Content, Drug, SourceInfo } from './schema'
import { itemWords, keyOf, plainOf, splitMedicines, type ItemWord } from './medcheck-words'

export { splitMedicines }

/** `lay-name`: a lay name that may also mean medicines outside the class ("cholesterol tablets"). */
export type MatchedBy = 'generic' | 'brand' | 'alias' | 'class' | 'lay-name'

export interface MedicineNote {
  /** The drug or class the note belongs to. */
  from: string
  text: string
  sources: SourceInfo[]
  /** True when the typed drug is only a member of the class the sources name. */
  lookup: boolean
}

export interface MedicineMatch {
  status: 'matched'
  /** The item as typed, trimmed. */
  input: string
  drug: Drug
  /** The name in the table that matched, for example the brand "Lipitor". */
  matchedName: string
  matchedBy: MatchedBy
  /** True when the typed name was spelled differently from every name in the table. */
  corrected: boolean
  /**
   * Not named by the sources: a class member mapped to what the sources say of its class, or a
   * lay name that may mean a medicine outside the class.
   */
  lookup: boolean
  classes: Drug[]
  notes: MedicineNote[]
  /** The sources mention it as a possible help for cramps, not as a cause. */
  mayHelp: boolean
  /** A treatment for cramps with restrictions (quinine): its detail is for clinicians. */
  treatment: boolean
  /** Causes this medicine points at (always the medicines cause, unless it may help). */
  causeIds: string[]
}

export interface MedicineUnknown {
  status: 'unknown'
  input: string
}

export type MedicineResult = MedicineMatch | MedicineUnknown

interface NameForm {
  key: string
  /** The name folded but not stemmed, for typing slips. */
  plain: string
  name: string
  drug: Drug
  by: MatchedBy
}

interface Matcher {
  exact: Map<string, NameForm>
  fuzzy: MiniSearch<{ id: number; key: string }>
  forms: NameForm[]
  maxWords: number
  byId: Map<string, Drug>
  sources: Map<string, SourceInfo>
  medicineCause: string
}

const cache = new WeakMap<Content, Matcher>()

function matcherFor(content: Content): Matcher {
  const hit = cache.get(content)
  if (hit) return hit
  const forms: NameForm[] = []
  for (const drug of content.drugs) {
    const add = (name: string, by: MatchedBy): void => {
      const key = keyOf(name)
      if (key) forms.push({ key, plain: plainOf(name), name, drug, by })
    }
    add(drug.name, drug.kind === 'class' ? 'class' : 'generic')
    drug.brands.forEach((b) => add(b, 'brand'))
    drug.lookupAliases.forEach((a) => add(a, 'lay-name'))
    drug.aliases.forEach((a) => add(a, drug.kind === 'class' ? 'class' : 'alias'))
  }
  // First form wins: a generic name beats the same word used as someone else's alias.
  const exact = new Map<string, NameForm>()
  for (const f of forms) if (!exact.has(f.key)) exact.set(f.key, f)
  // Typo tolerance is only offered on one-word names: "water pils" should not turn into a match
  // on half a phrase.
  const fuzzy = new MiniSearch<{ id: number; key: string }>({
    fields: ['key'],
    storeFields: [],
    processTerm: (t) => t,
  })
  // Slips are measured on unstemmed words: "lipiter" is one letter from "lipitor", but its stem
  // "lipit" is two from the name's.
  fuzzy.addAll(forms.map((f, id) => ({ id, key: f.plain })).filter((d) => !d.key.includes(' ')))
  const m: Matcher = {
    exact,
    fuzzy,
    forms,
    maxWords: Math.max(1, ...forms.map((f) => f.key.split(' ').length)),
    byId: new Map(content.drugs.map((d) => [d.id, d])),
    sources: new Map(content.meta.sources.map((s) => [s.id, s])),
    medicineCause: content.finder.medicineCause,
  }
  cache.set(content, m)
  return m
}

function maxEdits(word: string): number {
  if (word.length >= 8) return 2
  if (word.length >= 5) return 1
  return 0
}

interface Found {
  form: NameForm
  corrected: boolean
}

interface FindResult {
  found: Found[]
  /** Runs of words no name accounted for, as typed: "ramipril" in "Lipitor ramipril". */
  leftover: string[]
}

/** Groups the words not covered by a match into runs, so each can be reported as unknown. */
function leftoverRuns(words: readonly ItemWord[], used: readonly boolean[]): string[] {
  const runs: string[] = []
  let run: string[] = []
  words.forEach((w, i) => {
    if (used[i]) {
      if (run.length) runs.push(run.join(' '))
      run = []
    } else run.push(w.raw)
  })
  if (run.length) runs.push(run.join(' '))
  return runs
}

/**
 * Every name in the item, left to right, longest first at each place ("water pills" before
 * "water"), so "Lasix Lipitor" gives two matches, and a drug named inside a class word
 * ("statin (atorvastatin)") is kept as well. Typos are tried only when no name matched exactly.
 */
function find(m: Matcher, words: readonly ItemWord[]): FindResult {
  const keys = words.map((w) => w.key)
  const found: Found[] = []
  const seen = new Set<string>()
  const used = keys.map(() => false)
  let i = 0
  while (i < keys.length) {
    let step = 1
    for (let n = Math.min(m.maxWords, keys.length - i); n >= 1; n--) {
      const form = m.exact.get(keys.slice(i, i + n).join(' '))
      if (form) {
        if (!seen.has(form.drug.id)) found.push({ form, corrected: false })
        seen.add(form.drug.id)
        for (let j = i; j < i + n; j++) used[j] = true
        step = n
        break
      }
    }
    i += step
  }
  // A class named beside one of its own members adds nothing: "statin (atorvastatin)".
  const exact = found.filter(
    (f) => !(f.form.drug.kind === 'class' && found.some((g) => g.form.drug.classes.includes(f.form.drug.id))),
  )
  if (exact.length) return { found: exact, leftover: leftoverRuns(words, used) }
  let best: { form: NameForm; score: number; at: number } | undefined
  words.forEach(({ plain: w }, at) => {
    const edits = maxEdits(w)
    if (!edits) return
    const r = m.fuzzy.search(w, { fuzzy: edits, prefix: false })[0]
    if (r && (!best || r.score > best.score)) best = { form: m.forms[r.id as number]!, score: r.score, at }
  })
  if (!best) return { found: [], leftover: [] }
  used[best.at] = true
  return { found: [{ form: best.form, corrected: true }], leftover: leftoverRuns(words, used) }
}

function note(m: Matcher, d: Drug, lookup: boolean): MedicineNote | undefined {
  if (!d.note) return undefined
  const sources = d.sources.map((s) => m.sources.get(s)).filter((s): s is SourceInfo => !!s)
  return { from: d.name, text: d.note, sources, lookup }
}

function describe(m: Matcher, input: string, form: NameForm, corrected: boolean): MedicineMatch {
  const drug = form.drug
  const classes = drug.classes.map((c) => m.byId.get(c)).filter((c): c is Drug => !!c)
  const lookup = !drug.named || form.by === 'lay-name'
  const notes: MedicineNote[] = []
  // A lookup entry's own note is an editor's remark, not a source claim: it is marked lookup too.
  const own = note(m, drug, lookup)
  if (own) notes.push(own)
  // What the sources say of the class, unless it does not fit this member (a potassium-sparing
  // diuretic and potassium loss): then the member's own note says what does.
  if (drug.classNote)
    for (const c of classes) {
      const n = note(m, c, lookup)
      if (n) notes.push(n)
    }
  const causeIds = new Set<string>(drug.causes)
  if (drug.classCauses)
    for (const c of classes)
      for (const id of c.causes) if (!drug.notClassCauses.includes(id)) causeIds.add(id)
  if (!drug.mayHelp) causeIds.add(m.medicineCause)
  return {
    status: 'matched',
    input,
    drug,
    matchedName: form.name,
    matchedBy: form.by,
    corrected,
    lookup,
    classes,
    notes,
    mayHelp: drug.mayHelp,
    treatment: drug.treatment,
    causeIds: [...causeIds],
  }
}

/**
 * Checks a medicines list (one string with commas, semicolons or new lines between names, or an
 * array of names) against the drug table. One result per item, in the order typed.
 */
export function checkMedicines(input: string | readonly string[], content: Content): MedicineResult[] {
  const m = matcherFor(content)
  return splitMedicines(input).flatMap((item): MedicineResult[] => {
    const { found, leftover } = find(m, itemWords(item))
    if (!found.length) return [{ status: 'unknown', input: item }]
    // Several names in one item ("Lasix Lipitor"): each result is labelled with its own name.
    const single = found.length === 1 && leftover.length === 0
    const matched = found.map((f) => describe(m, single ? item : f.form.name, f.form, f.corrected))
    // Words beside a match that are no name in the table ("Lipitor ramipril") are listed too:
    // dropping them would read as "no concern".
    return [...matched, ...leftover.map((input): MedicineUnknown => ({ status: 'unknown', input }))]
  })
}

/** Describes a drug by id, as if its name had been typed (for the drug table in the UI). */
export function describeDrug(content: Content, drugId: string): MedicineMatch | undefined {
  const m = matcherFor(content)
  const form = m.forms.find((f) => f.drug.id === drugId)
  return form ? describe(m, form.drug.name, form, false) : undefined
}
