// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { useAutosave } from '../../../../src/renderer/src/features/visits/useAutosave'
import { ConflictError } from '../../../../src/renderer/src/notes/errors'

interface Rec {
  revision: number
  updatedAt: string
  note: string
}
type Draft = { note: string }

function setup(save: (base: number, draft: Draft) => Promise<Rec>, stashKey = 'k') {
  let api!: ReturnType<typeof useAutosave<Rec, Draft>>
  const wrapper = mount(
    defineComponent({
      setup() {
        api = useAutosave<Rec, Draft>({
          initial: { revision: 1, updatedAt: '2026-11-21T09:00:00.000Z', note: 'start' },
          toDraft: (r) => ({ note: r.note }),
          save,
          stashKey,
          delay: 600,
        })
        return () => h('div')
      },
    }),
  )
  return { api, wrapper }
}

const rec = (revision: number, note: string): Rec => ({
  revision,
  updatedAt: new Date(Date.UTC(2026, 10, 21, 9, revision)).toISOString(),
  note,
})

beforeEach(() => {
  vi.useFakeTimers()
  localStorage.clear()
})
afterEach(() => vi.useRealTimers())

describe('useAutosave', () => {
  it('saves a debounced copy within a second of the last keystroke, one save for a burst', async () => {
    const save = vi.fn(async (base: number, d: Draft) => rec(base + 1, d.note))
    const { api } = setup(save)
    api.draft.note = 'a'
    api.draft.note = 'ab'
    api.draft.note = 'abc'
    expect(api.state.value).toBe('dirty')
    await vi.advanceTimersByTimeAsync(500)
    expect(save).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(200)
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenLastCalledWith(1, { note: 'abc' })
    expect(api.state.value).toBe('saved')
    expect(api.record.value.revision).toBe(2)
  })

  it('keeps the text and shows the failure; retry saves it', async () => {
    let fail = true
    const save = vi.fn(async (base: number, d: Draft) => {
      if (fail) throw new DOMException('full', 'QuotaExceededError')
      return rec(base + 1, d.note)
    })
    const { api } = setup(save)
    api.draft.note = 'precious text'
    expect(await api.flush()).toBe(false)
    expect(api.state.value).toBe('error')
    expect(api.errorMessage.value).toMatch(/full/)
    expect(api.draft.note).toBe('precious text')
    fail = false
    expect(await api.flush()).toBe(true)
    expect(api.state.value).toBe('saved')
    expect(save).toHaveBeenLastCalledWith(1, { note: 'precious text' })
  })

  it('text typed while a save is running is saved by the next one', async () => {
    let release!: () => void
    const save = vi.fn(
      (base: number, d: Draft) =>
        new Promise<Rec>((resolve) => {
          release = () => resolve(rec(base + 1, d.note))
        }),
    )
    const { api } = setup(save)
    api.draft.note = 'one'
    const first = api.flush()
    await nextTick()
    api.draft.note = 'one two'
    release()
    await first
    expect(api.state.value).toBe('dirty')
    const second = api.flush()
    await vi.advanceTimersByTimeAsync(0)
    release()
    await second
    expect(save).toHaveBeenLastCalledWith(2, { note: 'one two' })
    expect(api.state.value).toBe('saved')
  })

  it('a save refused as a conflict keeps both versions and lets the user choose', async () => {
    const theirs = rec(5, 'from the other window')
    const save = vi.fn(async (base: number, d: Draft) => {
      if (base !== 5) throw new ConflictError('visit', theirs)
      return rec(6, d.note)
    })
    const { api } = setup(save)
    api.draft.note = 'mine'
    expect(await api.flush()).toBe(false)
    expect(api.state.value).toBe('conflict')
    expect(api.conflict.value).toEqual(theirs)
    expect(api.draft.note).toBe('mine')
    // No autosave while the conflict is open.
    api.draft.note = 'mine, more'
    await vi.advanceTimersByTimeAsync(2000)
    expect(save).toHaveBeenCalledTimes(1)
    expect(await api.combine((t, m) => ({ note: `${t.note} + ${m.note}` }))).toBe(true)
    expect(save).toHaveBeenLastCalledWith(5, { note: 'from the other window + mine, more' })
  })

  it('a change saved elsewhere is taken quietly when nothing is unsaved here, and is a conflict otherwise', async () => {
    const save = vi.fn(async (base: number, d: Draft) => rec(base + 1, d.note))
    const { api } = setup(save)
    api.remoteChanged(rec(2, 'other window'))
    await nextTick()
    expect(api.draft.note).toBe('other window')
    expect(api.state.value).toBe('saved')
    api.draft.note = 'typing here'
    api.remoteChanged(rec(3, 'other window again'))
    expect(api.state.value).toBe('conflict')
    api.useTheirs()
    expect(api.draft.note).toBe('other window again')
    expect(api.state.value).toBe('saved')
    // Our own save coming back through the observer is not a conflict.
    api.draft.note = 'mine'
    await api.flush()
    api.remoteChanged(api.record.value)
    expect(api.state.value).toBe('saved')
  })

  it('a record saved elsewhere with exactly the text typed here is no conflict', async () => {
    // E.g. the start-up recovery saved this window's own left-over copy a moment before.
    const same = rec(4, 'the same words')
    const save = vi.fn(async (base: number, d: Draft) => {
      if (base !== 4) throw new ConflictError('visit', same)
      return rec(5, d.note)
    })
    const { api } = setup(save)
    api.draft.note = 'the same words'
    expect(await api.flush()).toBe(true)
    expect(api.state.value).toBe('saved')
    expect(api.conflict.value).toBeNull()
    expect(api.record.value.revision).toBe(4)
    // Seen through the observer while unsaved here: the same.
    api.draft.note = 'next words'
    api.remoteChanged(rec(6, 'next words'))
    expect(api.state.value).toBe('saved')
    expect(api.record.value.revision).toBe(6)
    // A different text is still a conflict.
    api.draft.note = 'mine only'
    api.remoteChanged(rec(7, 'theirs only'))
    expect(api.state.value).toBe('conflict')
    expect(api.draft.note).toBe('mine only')
  })

  it('writes a copy on page hide and puts it back on the next open', async () => {
    const never = vi.fn(() => new Promise<Rec>(() => undefined))
    const first = setup(never, 'stash-1')
    first.api.draft.note = 'typed just before closing'
    window.dispatchEvent(new Event('beforeunload'))
    expect(JSON.parse(localStorage.getItem('stash-1')!).draft.note).toBe('typed just before closing')
    first.wrapper.unmount()

    const save = vi.fn(async (base: number, d: Draft) => rec(base + 1, d.note))
    const second = setup(save, 'stash-1')
    expect(await second.api.recoverStash()).toBe(true)
    expect(save).toHaveBeenLastCalledWith(1, { note: 'typed just before closing' })
    expect(second.api.state.value).toBe('saved')
    expect(localStorage.getItem('stash-1')).toBeNull()
  })

  it('flushes when the window is hidden and on blur-style flush calls, without waiting for the timer', async () => {
    const save = vi.fn(async (base: number, d: Draft) => rec(base + 1, d.note))
    const { api } = setup(save, 'stash-hide')
    api.draft.note = 'switching to another app'
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(save).toHaveBeenCalledWith(1, { note: 'switching to another app' })
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
    expect(api.state.value).toBe('saved')
    expect(localStorage.getItem('stash-hide')).toBeNull()
  })
})
