/**
 * The standard handouts the page counts are measured on (unit tests and `npm run bench`): what
 * the editor makes by default for one and for three causes, every section, and large print.
 */
import type { Content } from '../../../src/renderer/src/reference/schema'
import { defaultExercises } from '../../../src/renderer/src/handouts/dose'
import {
  CURRENT_FORMAT,
  HANDOUT_SECTION_IDS,
  parseHandoutSpec,
  type HandoutSpec,
} from '../../../src/renderer/src/handouts/spec'

/** The editor's starting sections (features/handouts/useHandoutDraft.ts). */
export const DEFAULT_SECTIONS = ['during-a-cramp', 'exercises', 'when-to-seek-help'] as const

export const STANDARD_CLINIC = {
  name: 'Riverside Foot Clinic',
  address: '12 Mill Lane\nRiverside RS1 2AB',
  phone: '01234 567890',
  emailOrWebsite: 'www.riversidefeet.example',
  defaultClinician: 'Sam Patel',
  footer: 'A registered podiatry practice.',
}

export const THREE_CAUSES = ['dehydration', 'poor-footwear', 'muscle-fatigue']

export type StandardName = '1 cause' | '3 causes' | 'every section' | 'large print'

export function standardSpecs(content: Content): Record<StandardName, HandoutSpec> {
  const exercises = content.topics.find((t) => t.id === 'exercises')?.exercises ?? []
  const base = {
    format: CURRENT_FORMAT,
    patient: { name: 'Margaret Quill' },
    date: '2026-11-21',
    sections: [...DEFAULT_SECTIONS],
    exercises: defaultExercises(exercises),
    clinician: 'Sam Patel',
    contentVersion: content.meta.version,
    clinic: STANDARD_CLINIC,
  }
  return {
    '1 cause': parseHandoutSpec({ ...base, causes: ['dehydration'] }),
    '3 causes': parseHandoutSpec({ ...base, causes: THREE_CAUSES }),
    'every section': parseHandoutSpec({
      ...base,
      causes: THREE_CAUSES,
      moreDetail: THREE_CAUSES,
      sections: [...HANDOUT_SECTION_IDS],
      medicines: ['Lasix 40 mg', 'Zorbelix'],
      personalNote: 'Try the calf stretch every evening, and keep a glass of water by the bed.',
      exercises: exercises.map((e, i) => ({
        id: e.id,
        dose: i % 2 ? {} : { sets: 2, reps: 10, timesPerDay: 2 },
      })),
    }),
    'large print': parseHandoutSpec({
      ...base,
      causes: THREE_CAUSES,
      options: { largePrint: true, pageSize: 'A4' },
    }),
  }
}
