import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { checkMedicines } from '@renderer/reference/medcheck'
import { useReferenceStore } from './reference'

/** The Medication check screen: the typed list, and what the drug table says of each name. */
export const useMedcheckStore = defineStore('referenceMedcheck', () => {
  const reference = useReferenceStore()
  const text = ref('')
  const results = computed(() => checkMedicines(text.value, reference.content))
  const matched = computed(() => results.value.filter((r) => r.status === 'matched'))
  const unknown = computed(() => results.value.filter((r) => r.status === 'unknown'))

  return { text, results, matched, unknown }
})
