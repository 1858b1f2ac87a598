/** The draft shared by the editor's field components (provide/inject, so none mutates a prop). */
import { inject, provide, type InjectionKey } from 'vue'
import type { Draft } from '../useHandoutDraft'

const KEY: InjectionKey<Draft> = Symbol('handout-draft')

export function provideDraft(draft: Draft): void {
  provide(KEY, draft)
}

export function useDraft(): Draft {
  const draft = inject(KEY)
  if (!draft) throw new Error('A handout field was used outside the handout editor.')
  return draft
}
