/** What the medication check says of a patient's medicines, for the handout. */
import { checkMedicines } from '../reference/medcheck'
import type { Content, SourceId } from '../reference/schema'

/** One of the patient's medicines that the medication check links to cramps (or to relief). */
export interface MedicineLine {
  /** As the clinician typed it, e.g. "Lasix". */
  given: string
  /** The generic or class name it matched, e.g. "furosemide". */
  matched: string
  mayHelp: boolean
  /** What the patient must know about it (quinine's safety points), in plain words. */
  patientNote?: string
  sources: SourceId[]
}

export interface MedicineLines {
  lines: MedicineLine[]
  /** Medicines the sources say nothing about: named on the handout, never silently left out. */
  unknown: string[]
}

/** Runs the medication check over the spec's medicines. */
export function medicineLines(given: readonly string[], content: Content): MedicineLines {
  const lines: MedicineLine[] = []
  const unknown: string[] = []
  for (const r of checkMedicines(given, content)) {
    if (r.status === 'unknown') {
      unknown.push(r.input)
      continue
    }
    // Sources of the most specific note: the drug's own if the sources name it, else its class's.
    const first = r.notes[0]
    const sources = new Set<SourceId>(first?.sources.map((s) => s.id) ?? [])
    const { patientNote } = r.drug
    if (patientNote) r.drug.sources.forEach((s) => sources.add(s))
    lines.push({
      given: r.input,
      matched: r.drug.name,
      mayHelp: r.mayHelp,
      ...(patientNote ? { patientNote } : {}),
      sources: [...sources],
    })
  }
  return { lines, unknown }
}
