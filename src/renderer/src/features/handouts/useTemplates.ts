/** Starting a handout from a template, and saving the editor's choices as one. */
import { ref } from 'vue'
import { ALWAYS_INCLUDED } from '@renderer/handouts/spec'
import { useHandoutTemplatesStore } from '@renderer/stores/handoutTemplates'
import { applyChoices, readDoses } from './exerciseRows'
import type { Draft } from './useHandoutDraft'

export function useTemplates(draft: Draft, knownCauses: ReadonlySet<string>) {
  const store = useHandoutTemplatesStore()
  const notice = ref('')

  function apply(id: string): void {
    const t = store.templates.find((x) => x.id === id)
    if (!t) return
    draft.causes = t.causes.filter((c) => knownCauses.has(c))
    draft.moreDetail = (t.moreDetail ?? []).filter((c) => draft.causes.includes(c))
    draft.sections = [...new Set([...t.sections, ALWAYS_INCLUDED])]
    // A template saved before templates kept exercises leaves the editor's own choice alone.
    if (t.exercises) applyChoices(draft.exercises, t.exercises)
    notice.value = `Started from the template “${t.name}”.`
  }

  async function save(name: string, done: () => void): Promise<void> {
    const doses = readDoses(draft.exercises)
    if ('error' in doses) {
      notice.value = `The template could not be saved: ${doses.error}`
      return
    }
    try {
      await store.save(name, {
        causes: draft.causes,
        sections: draft.sections,
        moreDetail: draft.moreDetail.filter((c) => draft.causes.includes(c)),
        exercises: doses.choices,
      })
      notice.value = `Saved the template “${name}”.`
      done()
    } catch (e) {
      notice.value = `The template could not be saved: ${(e as Error).message}`
    }
  }

  return { store, notice, apply, save }
}
