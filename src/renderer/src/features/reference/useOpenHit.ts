import { useRouter } from 'vue-router'
import type { ReferenceHit } from '@renderer/reference/search'
import { useReferenceStore } from '@renderer/stores/reference'
import { hitRoute } from './hitRoute'

/** Navigation for reference links: search hits, and the open-cause / open-topic events. */
export function useOpenHit() {
  const router = useRouter()
  const reference = useReferenceStore()
  const drugName = (id: string): string | undefined => reference.content.drugs.find((d) => d.id === id)?.name
  return {
    openHit: (hit: ReferenceHit) =>
      router.push(hitRoute(hit, hit.kind === 'drug' ? drugName(hit.id) : undefined)),
    openCause: (id: string) => router.push({ name: 'cause', params: { id } }),
    openTopic: (id: string) => router.push({ name: 'topic', params: { id } }),
  }
}
