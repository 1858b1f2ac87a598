import { nextTick, watch, type Ref } from 'vue'
import { useRoute } from 'vue-router'

/**
 * Opened from a search hit (?q=…&field=…&at=…): puts the cursor on the matching word and
 * scrolls it into view; another hit in the same visit moves the cursor without a reload.
 */
export function useGoToMatch(fields: {
  note: Ref<HTMLTextAreaElement | null>
  reason: Ref<HTMLInputElement | null>
  plan: Ref<HTMLTextAreaElement | null>
}): () => Promise<boolean> {
  const route = useRoute()

  async function goToMatch(): Promise<boolean> {
    const at = Number(route.query['at'])
    const field = route.query['field']
    const q = typeof route.query['q'] === 'string' ? route.query['q'] : ''
    if (!Number.isFinite(at) || !q) return false
    await nextTick()
    const el =
      field === 'reason' ? fields.reason.value : field === 'plan' ? fields.plan.value : fields.note.value
    if (!el) return false
    const wordEnd = /[\p{L}\p{N}\p{M}]*/u.exec(el.value.slice(at))?.[0].length ?? 0
    el.focus()
    el.setSelectionRange(at, at + Math.max(wordEnd, 1))
    if (el instanceof HTMLTextAreaElement) {
      const before = el.value.slice(0, at).split('\n').length
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20
      el.scrollTop = Math.max(0, (before - 3) * lineHeight)
    }
    return true
  }

  watch(
    () => [route.query['q'], route.query['at'], route.query['field']],
    () => void goToMatch(),
  )
  return goToMatch
}
