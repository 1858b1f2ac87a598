import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { referenceSearchProvider } from '@renderer/features/reference/searchProvider'
import { searchProviders } from '@renderer/search/providers'

describe('reference header search provider', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('is registered with the header search', () => {
    expect(searchProviders).toContain(referenceSearchProvider)
  })

  it('gives hits that open the cause, with the words to highlight as written in the text', async () => {
    const hits = await referenceSearchProvider.search('hypokalemia')
    const first = hits[0]!
    expect(first.to).toEqual({ name: 'cause', params: { id: 'low-potassium' } })
    expect(first.terms).toContain('hypokalaemia')
  })

  it('opens a drug hit in the medication check with the generic name', async () => {
    const hits = await referenceSearchProvider.search('Lipitor')
    expect(hits[0]!.to).toEqual({ name: 'medcheck', query: { q: 'Atorvastatin' } })
    expect(hits[0]!.subtitle).toMatch(/the sources do not name it/)
    expect(hits.some((h) => h.key === 'cause:medications')).toBe(true)
  })

  it('sends red flags to the help screen', async () => {
    const hits = await referenceSearchProvider.search('non-healing sores')
    expect(hits.find((h) => h.key.startsWith('redflag:'))?.to).toMatchObject({ name: 'help' })
  })
})
