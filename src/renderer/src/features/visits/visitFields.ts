import content from 'virtual:reference-content'
import type { VisitInput } from '@renderer/notes/model'
import { formatDate, formatDateTime } from '@renderer/components/format'

const causeNames = new Map(content.causes.map((c) => [c.id, c.name] as const))
const findingNames = new Map(
  content.finder.groups.flatMap((g) => g.findings.map((f) => [f.id, f.label] as const)),
)

export function causeName(id: string): string {
  return causeNames.get(id) ?? id
}

export function findingLabel(id: string): string {
  return findingNames.get(id) ?? id
}

const LABELS: Record<keyof VisitInput, string> = {
  dateTime: 'Date and time',
  reason: 'Reason for visit',
  note: 'Note',
  causeIds: 'Suspected causes',
  findings: 'Findings',
  plan: 'Plan',
  followUpDate: 'Follow-up date',
}

export function visitFieldLabel(field: keyof VisitInput): string {
  return LABELS[field]
}

/** A visit field as text a clinician reads (names, not ids; dates as the app shows them). */
export function showVisitField(field: keyof VisitInput, value: unknown): string {
  switch (field) {
    case 'dateTime':
      return formatDateTime(value as string)
    case 'followUpDate':
      return formatDate(value as string)
    case 'causeIds':
      return (value as string[]).map(causeName).join(', ')
    case 'findings':
      return (value as string[]).map(findingLabel).join(', ')
    default:
      return String(value ?? '')
  }
}

/** Every field of two versions as [label, left, right] texts, for comparing them. */
export function visitRows(left: VisitInput, right: VisitInput): [string, string, string][] {
  return (Object.keys(LABELS) as (keyof VisitInput)[]).map((f) => [
    LABELS[f],
    showVisitField(f, left[f]),
    showVisitField(f, right[f]),
  ])
}
