/**
 * Fills a new handout in when the editor opens: the clinic's default clinician, and from a visit
 * the patient, the visit's date, its causes and the patient's medicines; then a template if asked.
 */
import { onMounted, ref } from 'vue'
import { useRoute } from 'vue-router'
import { notesRepo } from '@renderer/notes/instance'
import { todayLocal } from '@renderer/notes/model'
import { formatDate } from '@renderer/dates/format'
import { dateOrder } from '@renderer/dates/order'
import { preloadPdfMake } from '@renderer/handouts/render-browser'
import { alertMatches } from '@renderer/handouts/footRisk'
import content from 'virtual:reference-content'
import { useClinicStore } from '@renderer/stores/clinic'
import type { Draft } from './useHandoutDraft'

export function useEditorStart(
  draft: Draft,
  knownCauses: ReadonlySet<string>,
  hooks: { loadTemplates: () => Promise<unknown>; applyTemplate: (id: string) => void; start: () => void },
) {
  const route = useRoute()
  const clinicStore = useClinicStore()
  const loading = ref(true)
  const problem = ref('')
  const visitLabel = ref('')
  const templateId = ref('')

  onMounted(async () => {
    void preloadPdfMake()
    try {
      const clinic = await clinicStore.ensureLoaded()
      draft.clinician = clinic.defaultClinician
      await hooks.loadTemplates()
      const visitId = typeof route.query.visit === 'string' ? route.query.visit : ''
      if (visitId) {
        const opened = await notesRepo.openVisit(visitId)
        if (!opened) {
          problem.value = 'That visit could not be found. You can still make a handout from scratch.'
        } else {
          const { visit, patient } = opened
          draft.visitId = visit.id
          draft.patientName = patient.name
          draft.dateOfBirth = patient.dateOfBirth
          // The visit's own (local) date: a handout made later for that visit still carries it.
          draft.date = todayLocal(new Date(visit.dateTime))
          draft.causes = visit.causeIds.filter((c) => knownCauses.has(c))
          draft.medicines = patient.medicines.join('\n')
          // Whatever marks the feet at risk travels into the handout (handouts/safety.ts).
          draft.footRisk = {
            marked: patient.feetAtRisk,
            findings: [...visit.findings],
            alerts: alertMatches(patient.alerts, content),
            visitCauses: [...visit.causeIds],
          }
          if (patient.medicines.length && !draft.sections.includes('medicines'))
            draft.sections.push('medicines')
          visitLabel.value = `${patient.name}, visit of ${formatDate(draft.date, dateOrder.value)}`
        }
      }
      const tid = typeof route.query.template === 'string' ? route.query.template : ''
      if (tid) {
        templateId.value = tid
        hooks.applyTemplate(tid)
      }
    } catch (e) {
      problem.value = `Could not load everything for the handout: ${(e as Error).message}`
    } finally {
      loading.value = false
      hooks.start()
    }
  })

  return { clinicStore, loading, problem, visitLabel, templateId }
}
