import { defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * What the clinician has ticked on the Cause finder screen. Kept while they look at a cause page
 * and come back; cleared by "Start again". Not saved: a visit keeps its own findings.
 */
export const useFinderStore = defineStore('referenceFinder', () => {
  const findings = ref<string[]>([])
  const medicines = ref('')

  function reset(): void {
    findings.value = []
    medicines.value = ''
  }

  return { findings, medicines, reset }
})
