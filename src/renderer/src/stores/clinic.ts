import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { notesRepo } from '@renderer/notes/instance'
import { ClinicSettingsSchema, EMPTY_CLINIC, type ClinicSettings } from '@renderer/handouts/clinic'
import { DEFAULT_DATE_ORDER } from '@renderer/dates/format'
import { dateOrder } from '@renderer/dates/order'

export const CLINIC_SETTING_KEY = 'clinic'

/** The clinic's branding for handouts, kept in the settings table under "clinic". */
export const useClinicStore = defineStore('clinic', () => {
  // Shallow: the settings are replaced whole, and plain objects can be cloned and stored as they are.
  const settings = shallowRef<ClinicSettings>({ ...EMPTY_CLINIC })
  const loaded = ref(false)
  /** Set when the stored settings could not be read; the form then starts blank and says so. */
  const loadError = ref('')

  /** Every date on screen follows the clinic's order (dates/order.ts). */
  function publish(): void {
    dateOrder.value = settings.value.dateOrder ?? DEFAULT_DATE_ORDER
  }

  async function load(): Promise<ClinicSettings> {
    const raw = await notesRepo.getSetting<unknown>(CLINIC_SETTING_KEY)
    if (raw !== undefined) {
      const r = ClinicSettingsSchema.safeParse(raw)
      if (r.success) settings.value = r.data
      else
        loadError.value = `The saved clinic details could not be read (${r.error.issues[0]?.message ?? 'invalid'}).`
    }
    loaded.value = true
    publish()
    return settings.value
  }

  async function ensureLoaded(): Promise<ClinicSettings> {
    return loaded.value ? settings.value : load()
  }

  async function save(next: ClinicSettings): Promise<void> {
    const valid = ClinicSettingsSchema.parse(next)
    await notesRepo.setSetting(CLINIC_SETTING_KEY, valid)
    settings.value = valid
    loadError.value = ''
    publish()
  }

  return { settings, loaded, loadError, load, ensureLoaded, save }
})
