// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import content from 'virtual:reference-content'
import { CAUSE_SECTION_KEYS } from '@renderer/reference/schema'
import CauseView from '@renderer/features/reference/CauseView.vue'

const mountCause = (causeId: string) =>
  mount(CauseView, { props: { causeId }, global: { plugins: [createPinia()] } })

describe('CauseView', () => {
  it('shows every section of every cause with a marker naming its sources, and the sources at the foot', () => {
    for (const cause of content.causes) {
      const w = mountCause(cause.id)
      const present = CAUSE_SECTION_KEYS.filter((k) => cause.sections[k])
      const blocks = w.findAll('[data-section]')
      expect(blocks.map((b) => b.attributes('data-section'))).toEqual(present)
      for (const b of blocks) {
        const marker = b.get('[data-testid="source-marker"]')
        expect(marker.attributes('title')).toMatch(/^Sources?: /)
      }
      const cited = new Set(present.flatMap((k) => cause.sections[k]!.sources))
      expect(w.get('[data-testid="source-list"]').findAll('li')).toHaveLength(cited.size)
      w.unmount()
    }
  })

  it('emits open-cause or open-topic for related links instead of navigating', async () => {
    const cause = content.causes.find((c) => c.related.some((r) => content.topics.some((t) => t.id === r)))!
    const w = mountCause(cause.id)
    const topicId = cause.related.find((r) => content.topics.some((t) => t.id === r))!
    const title = content.topics.find((t) => t.id === topicId)!.title
    const button = w.findAll('nav button').find((b) => b.text().includes(title))!
    await button.trigger('click')
    expect(w.emitted('open-topic')).toEqual([[topicId]])
  })

  it('says so when the cause id is unknown', () => {
    expect(mountCause('no-such-cause').text()).toContain('not in the reference')
  })
})
