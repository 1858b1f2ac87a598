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
        // A button (keyboard and touch), named with the source numbers and their kind.
        const marker = b.get('[data-testid="source-marker"]')
        expect(marker.element.tagName).toBe('BUTTON')
        expect(marker.attributes('aria-label')).toMatch(
          /^Sources? [\d, ]+: (guideline|review article|web article|journal letter)/,
        )
      }
      // The sources of the sections and of the finder weights, each once.
      const cited = new Set([
        ...present.flatMap((k) => cause.sections[k]!.sources),
        ...Object.values(cause.finder).flatMap((w) => w.sources),
      ])
      expect(w.get('[data-testid="source-list"]').findAll('li')).toHaveLength(cited.size)
      // Every finder weight is listed with its why and its sources.
      const weights = w.findAll('[data-testid="cause-weights"] li')
      expect(weights).toHaveLength(Object.keys(cause.finder).length)
      for (const li of weights) expect(li.find('[data-testid="source-marker"]').exists()).toBe(true)
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

  it('opens a source marker with the titles, by click (keyboard and touch give the same)', async () => {
    const w = mount(CauseView, {
      props: { causeId: 'peripheral-artery-disease' },
      global: { plugins: [createPinia()] },
      attachTo: document.body,
    })
    await w.get('[data-section="guideline"] [data-testid="source-marker"]').trigger('click')
    await new Promise((r) => setTimeout(r, 0))
    const pop = document.querySelector('[data-testid="source-popover"]')
    expect(pop?.textContent).toContain('Peripheral arterial disease')
    expect(pop?.textContent).toContain('Guideline')
    w.unmount()
  })

  it('says so when the cause id is unknown', () => {
    expect(mountCause('no-such-cause').text()).toContain('not in the reference')
  })
})
