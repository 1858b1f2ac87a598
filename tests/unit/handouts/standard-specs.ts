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

export type StandardName =
  '1 cause' | '3 causes' | 'visit, short note' | 'visit, 3-line note' | 'every section' | 'large print'

/** A patient's medicines: the editor adds the medicines section when a visit's patient has any. */
export const VISIT_MEDICINES = ['Lasix 40 mg', 'Simvastatin 20 mg']

/** Two exercises with the doses a clinician set in the editor. */
export const VISIT_EXERCISES = [
  { id: 'wall-calf-stretch', dose: { holdSeconds: 5, timesPerDay: 3, minutesPerDay: 15 } },
  { id: 'toe-raises', dose: { sets: 2, reps: 10, timesPerDay: 2 } },
]

export const SHORT_NOTE = 'Try the calf stretch every evening, and keep a glass of water by the bed.'

/** About three printed lines: what a clinician types at the end of a visit. */
export const THREE_LINE_NOTE =
  'Try the calf stretch every evening before bed, and keep a glass of water by the bed. Wear the ' +
  'lace-up shoes we talked about for your walks, not the slippers. Keep a note of when the cramps ' +
  'come and how long they last, and bring it to your next visit in six weeks.'

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
  const visit = {
    ...base,
    causes: THREE_CAUSES,
    sections: [...DEFAULT_SECTIONS, 'medicines'],
    medicines: VISIT_MEDICINES,
    exercises: VISIT_EXERCISES,
  }
  return {
    '1 cause': parseHandoutSpec({ ...base, causes: ['dehydration'] }),
    '3 causes': parseHandoutSpec({ ...base, causes: THREE_CAUSES }),
    // A handout made from an open visit: three causes, the default sections, the medicines
    // section (the patient takes medicines), two dosed exercises and the clinician's note.
    'visit, short note': parseHandoutSpec({ ...visit, personalNote: SHORT_NOTE }),
    'visit, 3-line note': parseHandoutSpec({ ...visit, personalNote: THREE_LINE_NOTE }),
    'every section': parseHandoutSpec({
      ...base,
      causes: THREE_CAUSES,
      moreDetail: THREE_CAUSES,
      sections: [...HANDOUT_SECTION_IDS],
      medicines: ['Lasix 40 mg', 'Zorbelix'],
      personalNote: SHORT_NOTE,
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
