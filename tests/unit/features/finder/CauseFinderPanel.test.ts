// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import CauseFinderPanel from '@renderer/features/finder/CauseFinderPanel.vue'

function setup(findings: string[] = [], medicines = '', locked = false) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/help', name: 'help', component: { template: '<div />' } },
    ],
  })
  return mount(CauseFinderPanel, {
    props: { findings, medicines, locked },
    global: { plugins: [createPinia(), router] },
  })
}

describe('CauseFinderPanel', () => {
  it('emits the ticked findings through v-model:findings', async () => {
    const w = setup(['at-night'])
    await w.get('input[data-finding="tight-shoes"]').setValue(true)
    expect(w.emitted('update:findings')?.at(-1)).toEqual([['at-night', 'tight-shoes']])
    await w.get('input[data-finding="at-night"]').setValue(false)
    expect(w.emitted('update:findings')?.at(-1)).toEqual([['tight-shoes']])
  })

  it('locked (a signed visit): shows the findings ticked but changes nothing when one is clicked', async () => {
    const w = setup(['at-night'], '', true)
    const box = w.get<HTMLInputElement>('input[data-finding="tight-shoes"]')
    expect(box.element.disabled).toBe(true)
    expect(w.get<HTMLInputElement>('input[data-finding="at-night"]').element.checked).toBe(true)
    // Even a change event that reaches the box (a script, an old browser) emits nothing.
    box.element.checked = true
    box.element.dispatchEvent(new Event('change'))
    await w.vm.$nextTick()
    expect(w.emitted('update:findings')).toBeUndefined()
    expect(box.element.checked).toBe(false)
    // The same panel unlocked emits at once: the test above can fail.
    await w.setProps({ locked: false })
    await w.get('input[data-finding="tight-shoes"]').setValue(true)
    expect(w.emitted('update:findings')?.at(-1)).toEqual([['at-night', 'tight-shoes']])
  })

  it('ranks causes from the bound findings, with the reasons, and says it is decision support', () => {
    const w = setup(['tight-shoes', 'site-toes'])
    expect(w.get('[data-testid="decision-support"]').text()).toContain('Decision support, not a diagnosis')
    const first = w.get('[data-testid="finder-results"] li')
    expect(first.attributes('data-cause')).toBe('poor-footwear')
    expect(first.text()).toContain('Tight or new shoes, or high heels')
    expect(first.text()).toContain('Toes')
  })

  it('shows the red-flag banner only when a red-flag finding is ticked', async () => {
    const w = setup(['at-night'])
    expect(w.find('[data-testid="red-flag-banner"]').exists()).toBe(false)
    await w.setProps({ findings: ['at-night', 'non-healing-sores'] })
    const banner = w.get('[data-testid="red-flag-banner"]')
    expect(banner.attributes('role')).toBe('alert')
    expect(banner.text()).toContain('Sores that do not heal')
  })

  it('checks the medicines typed and emits them through v-model:medicines', async () => {
    const w = setup([], 'Lipitor, metformin')
    expect(w.get('[data-testid="finder-results"]').text()).toContain('Medicines that can cause cramps')
    expect(w.get('[data-testid="medicines-unknown"]').text()).toContain('metformin')
    await w.get('textarea').setValue('Lasix')
    expect(w.emitted('update:medicines')?.at(-1)).toEqual(['Lasix'])
  })

  it('emits open-cause when a ranked cause is chosen', async () => {
    const w = setup(['cold-exposure'])
    await w.get('[data-cause="cold-exposure"] button').trigger('click')
    expect(w.emitted('open-cause')).toEqual([['cold-exposure']])
  })
})
