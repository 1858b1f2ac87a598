import { readonly, ref } from 'vue'
import type { RecordKind } from '@renderer/notes/model'

/** A page-hide copy of unsaved typing that does not open with this clinic's keys. */
export interface UnreadableCopy {
  /** Its localStorage key: the copy stays there, untouched. */
  key: string
  kind: RecordKind
  recordId: string
}

const found = ref<UnreadableCopy[]>([])

/**
 * The copies recoverDrafts could not open in this window (made under another clinic's key, or
 * changed outside the app). They are kept, never deleted silently; the screens say so in plain
 * words (UnreadableCopyNotice.vue).
 */
export const unreadableCopies = readonly(found)

export function noteUnreadable(copy: UnreadableCopy): void {
  if (!found.value.some((c) => c.key === copy.key)) found.value = [...found.value, copy]
}

export function forgetUnreadable(key: string): void {
  found.value = found.value.filter((c) => c.key !== key)
}

/** The plain words for `count` such copies. */
export function unreadableMessage(count: number): string {
  const what = count === 1 ? 'A copy of unsaved typing' : `${count} copies of unsaved typing`
  return `${what} left on this computer could not be read: made under another clinic’s key, or changed outside Cramp Clinic. ${count === 1 ? 'It is' : 'They are'} kept as ${count === 1 ? 'it was' : 'they were'}; nothing was changed.`
}
