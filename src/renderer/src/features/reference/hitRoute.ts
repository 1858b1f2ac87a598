import type { RouteLocationRaw } from 'vue-router'
import type { ReferenceHit } from '@renderer/reference/search'

/** Where a reference search hit opens. A drug opens the medication check with its name. */
export function hitRoute(
  hit: Pick<ReferenceHit, 'kind' | 'id' | 'title'>,
  drugName?: string,
): RouteLocationRaw {
  switch (hit.kind) {
    case 'cause':
      return { name: 'cause', params: { id: hit.id } }
    case 'topic':
      return { name: 'topic', params: { id: hit.id } }
    case 'redflag':
      return { name: 'help', hash: `#flag-${hit.id}` }
    case 'drug':
      return { name: 'medcheck', query: { q: drugName ?? hit.title } }
  }
}
