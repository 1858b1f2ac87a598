/**
 * The handout being made: the form's state, the spec it gives, and the PDF of that spec,
 * re-rendered (debounced) as the options change. What is previewed is what is saved.
 */
import { computed, reactive, ref, shallowRef, watch, type Ref } from 'vue'
import type { Content } from '@renderer/reference/schema'
import { splitMedicines } from '@renderer/reference/medcheck'
import type { ClinicSettings } from '@renderer/handouts/clinic'
import type { FootRisk } from '@renderer/handouts/footRisk'
import { pageCount } from '@renderer/handouts/page-count'
import { pdfMakeLoaded, renderHandout } from '@renderer/handouts/render-browser'
import {
  CURRENT_FORMAT,
  parseHandoutSpec,
  type HandoutSectionId,
  type HandoutSpec,
} from '@renderer/handouts/spec'
import { exerciseRows, readDoses, type ExerciseRow } from './exerciseRows'

export interface Draft {
  patientName: string
  dateOfBirth: string
  visitId: string
  date: string
  causes: string[]
  /** Causes printed with their self-care and prevention too. */
  moreDetail: string[]
  sections: HandoutSectionId[]
  exercises: ExerciseRow[]
  medicines: string
  personalNote: string
  clinician: string
  largePrint: boolean
  pageSize: 'A4' | 'LETTER'
  /** What marks the feet at risk: the patient's mark, the visit's findings, alert words. */
  footRisk: FootRisk
}

/**
 * What a new handout starts with. Drinking enough is not among them: the guidelines do not
 * back dehydration as a cause of ordinary cramps, the dehydration cause carries its own advice
 * ("more detail"), and without it three causes fit on two pages. The clinician ticks it in one click.
 */
export const DEFAULT_SECTIONS: HandoutSectionId[] = ['during-a-cramp', 'exercises', 'when-to-seek-help']

/** What the preview is doing, in words the editor shows beside it. */
export type Stage = '' | 'loading' | 'building'

export function useHandoutDraft(content: Content, clinic: Ref<ClinicSettings>, today: string) {
  const draft = reactive<Draft>({
    patientName: '',
    dateOfBirth: '',
    visitId: '',
    date: today,
    causes: [],
    moreDetail: [],
    sections: [...DEFAULT_SECTIONS],
    exercises: exerciseRows(content),
    medicines: '',
    personalNote: '',
    clinician: '',
    largePrint: false,
    pageSize: 'A4',
    footRisk: { marked: false, findings: [], alerts: [], visitCauses: [] },
  })

  const atRiskFindings = new Set(content.safety?.atRisk.findings ?? [])
  const atRiskCauses = new Set(content.safety?.atRisk.causes ?? [])

  const specResult = computed((): { spec: HandoutSpec } | { error: string } => {
    if (!draft.patientName.trim()) return { error: '' }
    const doses = draft.sections.includes('exercises') ? readDoses(draft.exercises) : { choices: [] }
    if ('error' in doses) return { error: doses.error }
    try {
      return {
        spec: parseHandoutSpec({
          format: CURRENT_FORMAT,
          patient: {
            name: draft.patientName,
            ...(draft.dateOfBirth ? { dateOfBirth: draft.dateOfBirth } : {}),
          },
          ...(draft.visitId ? { visitId: draft.visitId } : {}),
          date: draft.date,
          causes: [...draft.causes],
          moreDetail: draft.moreDetail.filter((c) => draft.causes.includes(c)),
          sections: [...draft.sections],
          exercises: doses.choices,
          medicines: splitMedicines(draft.medicines),
          personalNote: draft.personalNote,
          clinician: draft.clinician.trim(),
          options: { largePrint: draft.largePrint, pageSize: draft.pageSize },
          contentVersion: content.meta.version,
          // Only what bears on the feet: the visit's at-risk findings, the alerts' at-risk words.
          footRisk: {
            marked: draft.footRisk.marked,
            findings: draft.footRisk.findings.filter((f) => atRiskFindings.has(f)),
            alerts: [...draft.footRisk.alerts],
            visitCauses: draft.footRisk.visitCauses.filter((c) => atRiskCauses.has(c)),
          },
          clinic: clinic.value,
        }),
      }
    } catch (e) {
      return { error: (e as Error).message }
    }
  })

  const pdf = shallowRef<Uint8Array | null>(null)
  /** The spec the current `pdf` was made from. */
  const pdfSpec = shallowRef<HandoutSpec | null>(null)
  const pages = computed(() => (pdf.value ? pageCount(pdf.value) : 0))
  const busy = ref(false)
  const stage = ref<Stage>('')
  const error = ref('')
  let sequence = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let inflight: Promise<void> | null = null

  async function render(): Promise<void> {
    const mine = ++sequence
    const r = specResult.value
    if (!('spec' in r)) {
      error.value = r.error
      // Without a name there is nothing to show; with a mistake, the last pages stay (greyed).
      if (!r.error) {
        pdf.value = null
        pdfSpec.value = null
      }
      busy.value = false
      stage.value = ''
      return
    }
    busy.value = true
    stage.value = pdfMakeLoaded() ? 'building' : 'loading'
    try {
      const bytes = await renderHandout(r.spec, content)
      if (mine !== sequence) return
      pdf.value = bytes
      pdfSpec.value = r.spec
      error.value = ''
    } catch (e) {
      if (mine !== sequence) return
      error.value = (e as Error).message
      pdf.value = null
      pdfSpec.value = null
    } finally {
      if (mine === sequence) {
        busy.value = false
        stage.value = ''
      }
    }
  }

  const key = computed(() => JSON.stringify(specResult.value))
  watch(key, () => {
    clearTimeout(timer)
    busy.value = true
    // The first preview comes at once; later ones wait for a pause in typing.
    timer = setTimeout(
      () => {
        timer = undefined
        inflight = render()
      },
      pdf.value ? 300 : 0,
    )
  })

  /** The spec and bytes for exactly what the form says now (waits for a pending render). */
  async function current(): Promise<{ spec: HandoutSpec; pdf: Uint8Array } | null> {
    if (timer) {
      clearTimeout(timer)
      timer = undefined
    }
    const r = specResult.value
    if (!('spec' in r)) return null
    if (pdfSpec.value && JSON.stringify(pdfSpec.value) === JSON.stringify(r.spec) && pdf.value) {
      return { spec: pdfSpec.value, pdf: pdf.value }
    }
    inflight = render()
    await inflight
    return pdf.value && pdfSpec.value ? { spec: pdfSpec.value, pdf: pdf.value } : null
  }

  function start(): void {
    inflight = render()
  }

  return { draft, specResult, pdf, pages, busy, stage, error, current, start }
}
