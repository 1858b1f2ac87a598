// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { RecordStore } from '../../../../src/renderer/src/features/visits/recordStore'
import { useAutosave } from '../../../../src/renderer/src/features/visits/useAutosave'
import { ConflictError } from '../../../../src/renderer/src/notes/errors'
import {
  openPageHideCopy,
  readStoredCopy,
  sealPageHideCopy,
} from '../../../../src/renderer/src/notes/pageHideCopy'
import type { Versioned } from '../../../../src/renderer/src/notes/version'
import { testRing } from '../../notes/helpers'

type Draft = { note: string; plan: string; causeIds: string[] }
type Rec = Versioned & Draft

const who = { device: 'd', window: 'w', authorId: null }
function rec(generation: number, fields: Partial<Draft> = {}, run = 'r'): Rec {
  return {
    revision: generation,
    rev: `${generation}-${run}`,
    lineage: [],
    savedBy: who,
    editStartedAt: '2026-11-21T09:00:00.000Z',
    conflicts: [],
    updatedAt: new Date(Date.UTC(2026, 10, 21, 9, generation)).toISOString(),
    note: 'start',
    plan: '',
    causeIds: [],
    ...fields,
  }
}

/** A stand-in for the repository: one stored record, a version check, and what was kept aside. */
function memoryStore(initial: Rec) {
  const s = {
    stored: initial,
    saves: [] as { at: number; draft: Draft; newRun?: boolean }[],
    aside: [] as Draft[],
    crash: [] as Draft[],
    fail: false,
    locked: false,
    seals: 0,
  }
  const store: RecordStore<Rec, Draft> = {
    async save(baseRev, draft, options) {
      if (s.fail) throw new DOMException('full', 'QuotaExceededError')
      if (baseRev !== s.stored.rev) throw new ConflictError('visit', s.stored)
      s.saves.push({ at: Date.now(), draft: structuredClone(draft), newRun: options?.newRun })
      s.stored = { ...s.stored, ...draft, revision: s.stored.revision + 1, rev: `${s.stored.revision + 1}-r` }
      return s.stored
    },
    async keepAside(draft) {
      s.aside.push(structuredClone(draft))
    },
    async writeCrashCopy(_base, draft) {
      s.crash.push(structuredClone(draft))
    },
    async sealCopy(key, stash) {
      if (s.locked) throw new Error('locked')
      s.seals++
      return sealPageHideCopy(testRing.fieldKey, key, stash)
    },
  }
  return { s, store }
}

function setup(initial = rec(1)) {
  const { s, store } = memoryStore(initial)
  let api!: ReturnType<typeof useAutosave<Rec, Draft>>
  const wrapper = mount(
    defineComponent({
      setup() {
        api = useAutosave<Rec, Draft>({
          initial,
          toDraft: (r) => ({ note: r.note, plan: r.plan, causeIds: [...r.causeIds] }),
          store,
          stashKey: 'k',
          setFields: ['causeIds'],
        })
        return () => h('div')
      },
    }),
  )
  /** Another window saves on top of what is stored. */
  const elsewhere = (fields: Partial<Draft>): Rec => {
    s.stored = {
      ...s.stored,
      ...fields,
      revision: s.stored.revision + 1,
      rev: `${s.stored.revision + 1}-other`,
    }
    return s.stored
  }
  return { api, s, wrapper, elsewhere }
}

/** The page is hidden (a switch away, a close) and comes back. */
function hide(): void {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
}

beforeEach(() => {
  vi.useFakeTimers()
  localStorage.clear()
})
afterEach(() => vi.useRealTimers())

describe('useAutosave', () => {
  it('saves a burst of keystrokes once, after a short pause', async () => {
    const { api, s } = setup()
    api.draft.note = 'a'
    api.draft.note = 'ab'
    api.draft.note = 'abc'
    expect(api.state.value).toBe('dirty')
    await vi.advanceTimersByTimeAsync(400)
    expect(s.saves).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(200)
    expect(s.saves.map((x) => x.draft.note)).toEqual(['abc'])
    expect(api.state.value).toBe('saved')
  })

  it('saves at least once a second during steady typing, so a crash loses at most a second', async () => {
    const { api, s } = setup()
    const start = Date.now()
    for (let i = 0; i < 100; i++) {
      api.draft.note += 'x'
      await vi.advanceTimersByTimeAsync(100)
    }
    // 10 s of typing, a key every 100 ms: never a pause long enough for the debounce alone.
    const times = [start, ...s.saves.map((x) => x.at)]
    const gaps = times.slice(1).map((t, i) => t - times[i]!)
    expect(s.saves.length).toBeGreaterThanOrEqual(9)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(800)
    await vi.advanceTimersByTimeAsync(700)
    expect(s.stored.note).toBe(`start${'x'.repeat(100)}`)
  })

  it('keeps the text when a save fails, writes the crash copy, and Retry saves it', async () => {
    const { api, s } = setup()
    s.fail = true
    api.draft.note = 'precious text'
    expect(await api.flush()).toBe(false)
    expect(api.state.value).toBe('error')
    expect(api.errorMessage.value).toMatch(/full/)
    expect(s.crash.at(-1)?.note).toBe('precious text')
    expect(api.draft.note).toBe('precious text')
    s.fail = false
    expect(await api.flush()).toBe(true)
    expect(s.stored.note).toBe('precious text')
  })

  it("adds another window's change of another field to this one, without asking", async () => {
    const { api, s, elsewhere } = setup()
    api.draft.note = 'typed here'
    api.draft.causeIds.push('dehydration')
    elsewhere({ plan: 'written in the other window', causeIds: ['cold-exposure'] })
    expect(await api.flush()).toBe(false)
    await vi.advanceTimersByTimeAsync(1100)
    expect(api.state.value).toBe('saved')
    expect(api.notice.value).toMatch(/another window/)
    expect([s.stored.note, s.stored.plan]).toEqual(['typed here', 'written in the other window'])
    expect([...s.stored.causeIds].sort()).toEqual(['cold-exposure', 'dehydration'])
  })

  it('asks when both changed the same field; every choice keeps both versions', async () => {
    for (const choice of ['keepBoth', 'keepMine', 'useTheirs'] as const) {
      const { api, s, elsewhere } = setup()
      api.draft.note = 'mine'
      const theirs = elsewhere({ note: 'theirs' })
      await api.flush()
      expect(api.state.value).toBe('conflict')
      expect(api.conflict.value?.rev).toBe(theirs.rev)
      // Typing goes on during the conflict: each tick refreshes the crash copy.
      api.draft.note = 'mine, more'
      await vi.advanceTimersByTimeAsync(1100)
      expect(s.crash.at(-1)?.note).toBe('mine, more')
      if (choice === 'keepBoth') {
        await api.keepBoth((t, m) => ({ draft: { ...m, note: `${t.note} + ${m.note}` }, chosen: [] }))
        expect(s.stored.note).toBe('theirs + mine, more')
        expect(s.aside.map((d) => d.note)).toEqual(['mine, more'])
        expect(s.saves.at(-1)?.newRun).toBe(true)
      } else if (choice === 'keepMine') {
        await api.keepMine()
        expect(s.stored.note).toBe('mine, more')
        // Theirs is replaced by a save that starts a new version: the repository keeps it.
        expect(s.saves.at(-1)?.newRun).toBe(true)
      } else {
        await api.useTheirs()
        expect(api.draft.note).toBe('theirs')
        expect(s.aside.map((d) => d.note)).toEqual(['mine, more'])
      }
      expect(api.state.value).toBe('saved')
    }
  })

  it("takes another window's save quietly when nothing here is unsaved, and ignores its own", async () => {
    const { api, elsewhere } = setup()
    api.remoteChanged(rec(1))
    expect(api.state.value).toBe('saved')
    api.remoteChanged(elsewhere({ note: 'from the other window' }))
    expect(api.draft.note).toBe('from the other window')
    expect(api.state.value).toBe('saved')
  })

  it('writes only a sealed copy to localStorage when the page is hidden with unsaved text', async () => {
    const { api } = setup()
    api.draft.note = 'typed then hidden'
    await api.copySealed()
    hide()
    const raw = localStorage.getItem('k') ?? ''
    expect(raw).not.toContain('typed')
    expect(raw).not.toContain('1-r')
    const stored = readStoredCopy(raw)
    if (stored.form !== 'sealed') throw new Error(`expected a sealed copy, got ${stored.form}`)
    const stash = (await openPageHideCopy(testRing.fieldKey, 'k', stored.ciphertext)) as {
      baseRev: string
      fields: Draft
    }
    expect(stash.baseRev).toBe('1-r')
    expect(stash.fields.note).toBe('typed then hidden')
    // Bound to its key: under another record's key it does not open.
    await expect(openPageHideCopy(testRing.fieldKey, 'other', stored.ciphertext)).rejects.toThrow(
      /could not be read/,
    )
  })

  it('seals at most once at a time, the newest text winning, and writes nothing before a seal', async () => {
    const { api, s } = setup()
    api.draft.note = 'a'
    // Hidden before any seal ended: nothing is written rather than clear text.
    hide()
    expect(localStorage.getItem('k')).toBeNull()
    for (const t of ['ab', 'abc', 'abcd']) api.draft.note = t
    await api.copySealed()
    expect(s.seals).toBe(2)
    hide()
    const stored = readStoredCopy(localStorage.getItem('k'))
    if (stored.form !== 'sealed') throw new Error('expected a sealed copy')
    const stash = (await openPageHideCopy(testRing.fieldKey, 'k', stored.ciphertext)) as { fields: Draft }
    expect(stash.fields.note).toBe('abcd')
  })

  it('while locked makes no copy, and keeps the sealed one it had', async () => {
    const { api, s } = setup()
    api.draft.note = 'before the lock'
    await api.copySealed()
    s.locked = true
    api.draft.note = 'after'
    await api.copySealed()
    hide()
    const stored = readStoredCopy(localStorage.getItem('k'))
    if (stored.form !== 'sealed') throw new Error('expected a sealed copy')
    const stash = (await openPageHideCopy(testRing.fieldKey, 'k', stored.ciphertext)) as { fields: Draft }
    expect(stash.fields.note).toBe('before the lock')
  })
})
