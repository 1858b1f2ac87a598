import { defineStore } from 'pinia'
import { ref } from 'vue'
import { notesRepo } from '@renderer/notes/instance'
import type { Patient, PatientInput } from '@renderer/notes/model'

export const PAGE_SIZE = 50

/** The patient list: one page at a time (10,000 patients never sit in memory), or a search. */
export const usePatientsStore = defineStore('patients', () => {
  const query = ref('')
  const patients = ref<Patient[]>([])
  const total = ref(0)
  const offset = ref(0)
  const loading = ref(false)
  const error = ref('')
  let ticket = 0

  async function load(): Promise<void> {
    const mine = ++ticket
    loading.value = true
    try {
      const q = query.value.trim()
      if (q) {
        const found = await notesRepo.findPatients(q, 200)
        if (mine !== ticket) return
        patients.value = found
        total.value = found.length
      } else {
        const page = await notesRepo.listPatients(offset.value, PAGE_SIZE)
        if (mine !== ticket) return
        patients.value = page.patients
        // The count walks every row: the page shows first, the count (and the pager) after.
        void notesRepo.countPatients().then(
          (n) => mine === ticket && (total.value = n),
          () => undefined,
        )
      }
      error.value = ''
    } catch (e) {
      if (mine === ticket) error.value = `The patient list could not be read: ${String(e)}`
    } finally {
      if (mine === ticket) loading.value = false
    }
  }

  async function search(q: string): Promise<void> {
    query.value = q
    offset.value = 0
    await load()
  }

  async function goTo(newOffset: number): Promise<void> {
    offset.value = Math.max(0, newOffset)
    await load()
  }

  async function create(input: PatientInput): Promise<Patient> {
    const patient = await notesRepo.createPatient(input)
    void load()
    return patient
  }

  return { query, patients, total, offset, loading, error, load, search, goTo, create }
})
