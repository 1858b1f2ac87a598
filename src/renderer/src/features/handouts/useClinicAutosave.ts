/**
 * Clinic details save themselves as they are typed, like the notes: after a pause, when the form
 * loses focus, before leaving the screen and before the window closes. Details that cannot be
 * saved stay on screen with the reason, and leaving then asks first: nothing is dropped silently.
 */
import { onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { ClinicSettingsSchema, type ClinicSettings } from '@renderer/handouts/clinic'
import { useClinicStore } from '@renderer/stores/clinic'

export type ClinicSaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'failed'

const FIELD_LABELS: Record<string, string> = {
  name: 'Clinic name',
  address: 'Address',
  phone: 'Phone',
  emailOrWebsite: 'Email or website',
  defaultClinician: 'Default clinician',
  footer: 'Footer line',
  accentColor: 'Accent colour',
  dateOrder: 'Date format',
  logo: 'Logo',
}

const DELAY_MS = 700

export function useClinicAutosave(form: ClinicSettings) {
  const store = useClinicStore()
  const state = ref<ClinicSaveState>('idle')
  const problem = ref('')
  let dirty = false
  /** The form as last saved or loaded; null until the stored details are in the form. */
  let baseline: string | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let chain: Promise<unknown> = Promise.resolve()

  function check(): ClinicSettings | null {
    const r = ClinicSettingsSchema.safeParse(form)
    if (r.success) return r.data
    const issue = r.error.issues[0]!
    const field = String(issue.path[0] ?? '')
    problem.value = `${FIELD_LABELS[field] ?? 'Clinic details'} ${issue.message}. The clinic details are not saved until this is fixed.`
    state.value = 'invalid'
    return null
  }

  /** Saves what the form holds now; true when it is saved (or there was nothing to save). */
  function flush(): Promise<boolean> {
    clearTimeout(timer)
    timer = undefined
    if (!dirty) return Promise.resolve(state.value !== 'invalid' && state.value !== 'failed')
    const valid = check()
    if (!valid) return Promise.resolve(false)
    dirty = false
    baseline = JSON.stringify(form)
    state.value = 'saving'
    problem.value = ''
    // One save at a time, in the order typed.
    const run = chain.then(async () => {
      try {
        await store.save(valid)
        if (!dirty) state.value = 'saved'
        return true
      } catch (e) {
        dirty = true
        state.value = 'failed'
        problem.value = `The clinic details could not be saved: ${(e as Error).message}`
        return false
      }
    })
    chain = run
    return run
  }

  watch(
    () => JSON.stringify(form),
    (now) => {
      if (baseline === null || now === baseline) return
      dirty = true
      state.value = 'pending'
      clearTimeout(timer)
      timer = setTimeout(() => void flush(), DELAY_MS)
    },
  )

  onBeforeRouteLeave(async () => {
    if (await flush()) return true
    return window.confirm(
      `${problem.value}\n\nLeave Settings anyway? The clinic details you changed will not be kept.`,
    )
  })

  function onBeforeUnload(e: BeforeUnloadEvent): void {
    if (!dirty) return
    void flush()
    // A save cannot finish once the window goes; ask the browser to hold it when one is needed.
    if (dirty || state.value === 'invalid') e.preventDefault()
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload))
  onBeforeUnmount(() => {
    window.removeEventListener('beforeunload', onBeforeUnload)
    void flush()
  })

  /** Starts watching once the stored details are in the form. */
  function begin(): void {
    baseline = JSON.stringify(form)
  }

  return { state, problem, flush, begin }
}
