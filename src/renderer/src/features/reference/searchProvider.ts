/** The reference's part of the header search (Ctrl/Cmd+K). */
import { useReferenceStore } from '@renderer/stores/reference'
import { matchedWords } from '@renderer/reference/text'
import type { SearchHit, SearchProvider } from '@renderer/search/types'
import { hitRoute } from './hitRoute'

/** The header list is narrow: a snippet gets about two lines. */
function shorten(text: string, max = 150): string {
  if (text.length <= max) return text
  const cut = text.lastIndexOf(' ', max)
  return `${text.slice(0, cut > 0 ? cut : max)} …`
}

export const referenceSearchProvider: SearchProvider = {
  id: 'reference',
  label: 'Reference',
  search(query: string): SearchHit[] {
    const reference = useReferenceStore()
    return reference
      .searchIndex()
      .search(query, { limit: 8 })
      .map((hit) => {
        const drug = hit.kind === 'drug' ? reference.content.drugs.find((d) => d.id === hit.id) : undefined
        return {
          key: `${hit.kind}:${hit.id}`,
          title: hit.title,
          subtitle: hit.via ? `${hit.subtitle} · via ${hit.via}` : hit.subtitle,
          snippet: shorten(hit.snippet),
          // The header highlights plain words, so give it the words as written in the text.
          terms: matchedWords(`${hit.title}\n${hit.snippet}`, hit.terms),
          to: hitRoute(hit, drug?.name),
        }
      })
  },
}
