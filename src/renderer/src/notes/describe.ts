import type { z } from 'zod'

const FIELD_WORDS: Record<string, string> = {
  name: 'Name',
  dateOfBirth: 'Date of birth',
  chartNumber: 'Chart number',
  phone: 'Phone',
  medicines: 'Current medicines',
  alerts: 'Allergies and alerts',
  feetAtRisk: 'Feet at risk',
  dateTime: 'Date and time',
  reason: 'Reason for visit',
  note: 'Note',
  findings: 'Findings',
  causeIds: 'Suspected causes',
  plan: 'Plan',
  followUpDate: 'Follow-up date',
  handouts: 'Handouts given',
  patientId: 'Patient',
  visitId: 'Visit',
  id: 'Record id',
  createdAt: 'Creation time',
  updatedAt: 'Time of the last change',
  revision: 'Version number',
  rev: 'Version id',
  record: 'Saved version',
}

/** The label of a record field in clinic words ("Follow-up date"), or the key itself. */
export function fieldWords(key: string): string {
  return FIELD_WORDS[key] ?? key
}

/** One zod problem in words a receptionist understands (no "expected string, received undefined"). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const key = [...issue.path].reverse().find((p): p is string => typeof p === 'string')
  const where = key ? fieldWords(key) : ''
  switch (issue.code) {
    case 'too_big': {
      const limit = Number(issue.maximum)
      const what = issue.origin === 'array' ? `${limit} entries` : `${limit.toLocaleString('en')} characters`
      const line = issue.path.length > 1 && issue.origin === 'string' ? ' (one line of it)' : ''
      return `${where || 'This field'}${line} is too long to save: at most ${what}. Shorten it; your text stays here meanwhile.`
    }
    case 'invalid_type':
      // zod leaves the input out of its issues; its message says when nothing was there.
      return /received undefined/.test(issue.message)
        ? `${where || 'A value'} is missing`
        : `${where || 'A value'} is not the right kind of value`
    case 'invalid_format':
      return `${where || 'A value'} is not written the expected way`
    case 'invalid_value':
    case 'invalid_union':
      return `${where || 'A value'} is not one of the values allowed`
    case 'unrecognized_keys':
      return `${where ? `${where} holds` : 'It holds'} something this app does not know (${issue.keys.join(', ')})`
    case 'too_small':
      return `${where || 'A value'} is too short or empty`
    default:
      return where ? `${where}: ${issue.message}` : issue.message
  }
}

/** First problems of a zod error in plain words. */
export function describeIssues(error: z.ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((issue) => {
      const text = describeIssue(issue)
      return issue.code === 'custom' || issue.code === 'too_big' ? text : `${text}.`
    })
    .join(' ')
}
