/**
 * Finds characters the handout font cannot draw, before the PDF is made. pdfmake would print
 * them as blank boxes or nothing at all; a patient's name must never silently lose letters.
 */
import { ROBOTO_RANGES } from './roboto-coverage'
import { HandoutError, type HandoutSpec } from './spec'

/** Line breaks and tabs are layout, not glyphs. */
const LAYOUT = new Set([0x09, 0x0a, 0x0d])

export function canDraw(codePoint: number): boolean {
  if (LAYOUT.has(codePoint)) return true
  let lo = 0
  let hi = ROBOTO_RANGES.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [a, b] = ROBOTO_RANGES[mid]!
    if (codePoint < a) hi = mid - 1
    else if (codePoint > b) lo = mid + 1
    else return true
  }
  return false
}

/** Zero-width space: a place pdfmake may break a line, drawn as nothing. */
export const BREAK = '\u200B'

/**
 * Text as the builder prints it: composed, so "e" + combining accent becomes one letter the font
 * has, and with break points inside very long words (a pasted link): pdfmake never breaks a word,
 * so one wider than the page pushed its table off the paper and the end of the text was lost.
 */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\s\u200B]{25,}/g, (run) => (run.match(/.{1,20}/gu) ?? [run]).join(BREAK))
}

/** The distinct characters of `text` the font lacks, in order of first appearance. */
export function unsupportedChars(text: string): string[] {
  const out: string[] = []
  for (const ch of printable(text)) {
    if (!canDraw(ch.codePointAt(0)!) && !out.includes(ch)) out.push(ch)
  }
  return out
}

export function describeChar(ch: string): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
  return `"${ch}" (U+${hex})`
}

const FIELD_LABELS: Record<string, string> = {
  'patient.name': 'the patient name',
  personalNote: 'the personal note',
  clinician: 'the clinician name',
  'clinic.name': 'the clinic name',
  'clinic.address': 'the clinic address',
  'clinic.phone': 'the clinic phone number',
  'clinic.emailOrWebsite': 'the clinic email or website',
  'clinic.footer': 'the clinic footer',
}

export function fieldLabel(field: string): string {
  const m = /^medicines\.(\d+)$/.exec(field)
  if (m) return `medicine ${Number(m[1]) + 1}`
  return FIELD_LABELS[field] ?? field
}

/** Every free-text field of a spec, with its dotted path. */
export function specTextFields(spec: HandoutSpec): [field: string, text: string][] {
  return [
    ['patient.name', spec.patient.name],
    ['personalNote', spec.personalNote],
    ['clinician', spec.clinician],
    ...spec.medicines.map((m, i): [string, string] => [`medicines.${i}`, m]),
    ['clinic.name', spec.clinic.name],
    ['clinic.address', spec.clinic.address],
    ['clinic.phone', spec.clinic.phone],
    ['clinic.emailOrWebsite', spec.clinic.emailOrWebsite],
    ['clinic.footer', spec.clinic.footer],
  ]
}

export interface GlyphProblem {
  field: string
  chars: string[]
}

export function findGlyphProblems(spec: HandoutSpec): GlyphProblem[] {
  return specTextFields(spec)
    .map(([field, text]) => ({ field, chars: unsupportedChars(text) }))
    .filter((p) => p.chars.length > 0)
}

export function glyphMessage(p: GlyphProblem): string {
  const list = p.chars.map(describeChar).join(', ')
  const s = p.chars.length === 1 ? '' : 's'
  return `The handout font cannot print the character${s} ${list} in ${fieldLabel(p.field)}. Please write ${fieldLabel(p.field)} in Latin, Greek or Cyrillic letters, or leave ${p.chars.length === 1 ? 'it' : 'them'} out.`
}

/** Throws a HandoutError naming the first field with characters the font lacks. */
export function assertPrintable(spec: HandoutSpec): void {
  const problem = findGlyphProblems(spec)[0]
  if (problem) throw new HandoutError(glyphMessage(problem), problem.field)
}
