import { defineStore } from 'pinia'
import { markRaw, shallowRef } from 'vue'
import content from 'virtual:reference-content'
import { createReferenceSearch, type ReferenceSearch } from '@renderer/reference/search'
import {
  CATEGORY_LABELS,
  CategorySchema,
  type Category,
  type Cause,
  type SourceId,
  type SourceInfo,
  type Topic,
} from '@renderer/reference/schema'

export interface CategoryGroup {
  id: Category
  label: string
  causes: Cause[]
}

/**
 * The clinical reference as the screens see it. Content is fixed for the life of the app, so it
 * is kept raw (not deeply reactive); the search index is built once, on first use.
 */
export const useReferenceStore = defineStore('reference', () => {
  const data = markRaw(content)
  const causeById = new Map(data.causes.map((c) => [c.id, c]))
  const topicById = new Map(data.topics.map((t) => [t.id, t]))
  const sourceById = new Map(data.meta.sources.map((s) => [s.id, s]))

  const categories: CategoryGroup[] = CategorySchema.options
    .map((id) => ({
      id,
      label: CATEGORY_LABELS[id],
      causes: data.causes.filter((c) => c.category === id).sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .filter((g) => g.causes.length > 0)

  // Not reactive: the index never changes once built, and building it inside a computed must not
  // re-trigger that computed.
  let index: ReferenceSearch | null = null
  /** How long the index took to build (ms), for diagnostics. */
  const indexBuildMs = shallowRef<number | null>(null)

  function searchIndex(): ReferenceSearch {
    if (!index) {
      const t0 = performance.now()
      index = markRaw(createReferenceSearch(data))
      indexBuildMs.value = performance.now() - t0
    }
    return index
  }

  // Build the index while the app is idle, so the first keystroke does not pay for it.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => searchIndex(), { timeout: 3000 })

  const cause = (id: string): Cause | undefined => causeById.get(id)
  const topic = (id: string): Topic | undefined => topicById.get(id)
  const source = (id: SourceId): SourceInfo | undefined => sourceById.get(id)
  /** A cause or topic by id, for "related" links that may point at either. */
  const entry = (id: string): { kind: 'cause' | 'topic'; title: string } | undefined => {
    const c = causeById.get(id)
    if (c) return { kind: 'cause', title: c.name }
    const t = topicById.get(id)
    return t ? { kind: 'topic', title: t.title } : undefined
  }

  return {
    content: data,
    categories,
    indexBuildMs,
    searchIndex,
    cause,
    topic,
    source,
    entry,
  }
})
