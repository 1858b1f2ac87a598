import type { PatientInput } from '@renderer/notes/model'
import { formatDate } from '@renderer/components/format'

const LABELS: Record<keyof PatientInput, string> = {
  name: 'Name',
  dateOfBirth: 'Date of birth',
  chartNumber: 'Chart number',
  phone: 'Phone',
  medicines: 'Current medicines',
  alerts: 'Allergies and alerts',
  feetAtRisk: 'Feet at risk',
}

export function patientFieldLabel(field: keyof PatientInput): string {
  return LABELS[field]
}

export function showPatientField(field: keyof PatientInput, value: unknown): string {
  if (field === 'dateOfBirth') return formatDate(value as string)
  if (field === 'medicines') return (value as string[]).join('\n')
  if (field === 'feetAtRisk') return value ? 'yes' : 'no'
  return String(value ?? '')
}

/** Every field of two versions as [label, left, right] texts, for comparing them. */
export function patientRows(left: PatientInput, right: PatientInput): [string, string, string][] {
  return (Object.keys(LABELS) as (keyof PatientInput)[]).map((f) => [
    LABELS[f],
    showPatientField(f, left[f]),
    showPatientField(f, right[f]),
  ])
}
