import { defineStore } from 'pinia'
import { ref } from 'vue'
import { notesDb } from '@renderer/notes/instance'
import type { ExerciseChoice } from '@renderer/handouts/dose'
import { HandoutTemplateSchema, type HandoutSectionId, type HandoutTemplate } from '@renderer/handouts/spec'

/** What a template keeps of a handout. */
export interface TemplateContent {
  causes: string[]
  sections: HandoutSectionId[]
  moreDetail?: string[]
  exercises?: ExerciseChoice[]
}

/** Named sets of causes and sections to start a handout from ("Night cramps - runner"). */
export const useHandoutTemplatesStore = defineStore('handoutTemplates', () => {
  const templates = ref<HandoutTemplate[]>([])

  async function load(): Promise<HandoutTemplate[]> {
    const rows = await notesDb.handoutTemplates.toArray()
    templates.value = rows
      .map((r) => HandoutTemplateSchema.safeParse(r))
      .filter((r) => r.success)
      .map((r) => r.data!)
      .sort((a, b) => a.name.localeCompare(b.name))
    return templates.value
  }

  /** Saves under `name`; a template with the same name (any case) is replaced. */
  async function save(name: string, what: TemplateContent): Promise<HandoutTemplate> {
    const now = new Date().toISOString()
    const clean = name.trim()
    const saved = await notesDb.transaction('rw', notesDb.handoutTemplates, async () => {
      const all = await notesDb.handoutTemplates.toArray()
      const same = all.find((t) => t.name.trim().toLowerCase() === clean.toLowerCase())
      const t = HandoutTemplateSchema.parse({
        id: same?.id ?? crypto.randomUUID(),
        name: clean,
        causes: [...what.causes],
        sections: [...what.sections],
        ...(what.moreDetail ? { moreDetail: [...what.moreDetail] } : {}),
        ...(what.exercises ? { exercises: structuredClone(what.exercises) } : {}),
        createdAt: same?.createdAt ?? now,
        updatedAt: now,
      })
      await notesDb.handoutTemplates.put(t)
      return t
    })
    await load()
    return saved
  }

  async function remove(id: string): Promise<void> {
    await notesDb.handoutTemplates.delete(id)
    await load()
  }

  return { templates, load, save, remove }
})
