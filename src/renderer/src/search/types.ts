import type { RouteLocationRaw } from 'vue-router'

export interface SearchHit {
  /** Unique within its provider. */
  key: string
  title: string
  subtitle?: string
  snippet?: string
  /** Words to highlight in title and snippet. */
  terms: string[]
  to: RouteLocationRaw
}

/** A source of header-search results (the reference, the notes...). Results stay grouped by provider. */
export interface SearchProvider {
  id: string
  label: string
  search(query: string): SearchHit[] | Promise<SearchHit[]>
}
