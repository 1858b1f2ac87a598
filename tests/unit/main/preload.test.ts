/**
 * The BUILT preload (out/preload/index.cjs, the file Electron loads), run with electron replaced
 * at its boundary: every method it exposes invokes exactly its contract channel with the request
 * it was given, and it needs nothing a sandboxed preload cannot `require`.
 * `npm test` builds before the unit tests; run `npm run build` first when running this alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { Module } from 'node:module'
import { join, resolve } from 'node:path'
import { runInThisContext } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, contract, EVENT_CHANNELS, events } from '../../../src/shared/ipc'

const ROOT = resolve(import.meta.dirname, '../../..')
const BUILT = join(ROOT, 'out/preload/index.cjs')
/** What a sandboxed preload may require (Electron's sandbox docs); it bundles everything else. */
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url'])

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs),
  )
}

interface Loaded {
  exposed: Map<string, Record<string, (...args: unknown[]) => unknown>>
  invokes: unknown[][]
  listeners: { channel: string; listener: (...args: unknown[]) => void; removed: boolean }[]
  required: string[]
  otherIpc: string[]
}

/** Runs the built preload as Electron would, with a recording stand-in for `electron`. */
function loadBuiltPreload(): Loaded {
  const out: Loaded = { exposed: new Map(), invokes: [], listeners: [], required: [], otherIpc: [] }
  const ipcRenderer = new Proxy(
    {
      invoke: (...args: unknown[]) => {
        out.invokes.push(args)
        return Promise.resolve({ answeredFor: args[0] })
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        out.listeners.push({ channel, listener, removed: false })
      },
      removeListener: (channel: string, listener: unknown) => {
        for (const l of out.listeners) if (l.channel === channel && l.listener === listener) l.removed = true
      },
    } as Record<string | symbol, unknown>,
    {
      get(target, key) {
        if (!(key in target)) out.otherIpc.push(String(key))
        return target[key]
      },
    },
  )
  const electron = {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: (name: string, api: Record<string, (...args: unknown[]) => unknown>) =>
        out.exposed.set(name, api),
    },
  }
  const fakeRequire = (id: string): unknown => {
    out.required.push(id)
    if (id === 'electron') return electron
    throw new Error(`a sandboxed preload cannot require ${id}`)
  }
  const module = { exports: {} }
  const wrapped = runInThisContext(Module.wrap(readFileSync(BUILT, 'utf8')), { filename: BUILT }) as (
    ...args: unknown[]
  ) => void
  wrapped(module.exports, fakeRequire, module, BUILT, join(ROOT, 'out/preload'))
  return out
}

let loaded: Loaded

beforeAll(() => {
  let built: number
  try {
    built = statSync(BUILT).mtimeMs
  } catch {
    throw new Error(
      `${BUILT} is missing: run \`npm run build\` first (npm test builds before the unit tests).`,
    )
  }
  const newest = Math.max(newestSource(join(ROOT, 'src/preload')), newestSource(join(ROOT, 'src/shared')))
  if (newest > built) {
    throw new Error(`${BUILT} is older than src/preload or src/shared: run \`npm run build\` again.`)
  }
  loaded = loadBuiltPreload()
})

describe('the built preload', () => {
  it('requires nothing but what a sandboxed preload can load', () => {
    expect(loaded.required.filter((id) => !SANDBOX_MODULES.has(id))).toEqual([])
  })

  it('exposes exactly window.bridge and window.bridgeEvents', () => {
    expect([...loaded.exposed.keys()].sort()).toEqual(['bridge', 'bridgeEvents'])
  })

  it('exposes one method per contract channel and nothing else', () => {
    const methods = CHANNELS.map((c) => contract[c].method).sort()
    expect(Object.keys(loaded.exposed.get('bridge')!).sort()).toEqual(methods)
    expect(Object.keys(loaded.exposed.get('bridgeEvents')!).sort()).toEqual(
      EVENT_CHANNELS.map((e) => events[e]).sort(),
    )
  })

  it.each(CHANNELS)('its method for %s invokes exactly that channel with the request', async (channel) => {
    const bridge = loaded.exposed.get('bridge')!
    const request = { marker: channel }
    const before = loaded.invokes.length
    const answer = await bridge[contract[channel].method]!(request)
    expect(loaded.invokes.slice(before)).toEqual([[channel, request]])
    expect(answer).toEqual({ answeredFor: channel })
  })

  it.each(EVENT_CHANNELS)(
    'its subscription for %s listens on that channel, hides the event and unsubscribes',
    (channel) => {
      const subscribe = loaded.exposed.get('bridgeEvents')![events[channel]]!
      const calls: unknown[][] = []
      const off = subscribe((...args: unknown[]) => calls.push(args)) as () => void
      const l = loaded.listeners.at(-1)!
      expect(l.channel).toBe(channel)
      l.listener({ sender: 'the IpcRendererEvent must not reach the page' })
      expect(calls).toEqual([[]])
      off()
      expect(l.removed).toBe(true)
    },
  )

  it('uses no other part of ipcRenderer (no send, no sendSync, no raw access)', () => {
    expect(loaded.otherIpc).toEqual([])
  })
})

describe('the IPC contract', () => {
  // Main, the preload and the page all follow the contract, so a renamed channel would still
  // work end to end; it is pinned here because a rename is a change to the desktop edge that a
  // reviewer must see (and an old preload or main of another version would no longer match).
  it('has exactly these channels and events', () => {
    expect(Object.fromEntries(CHANNELS.map((c) => [contract[c].method, c]))).toEqual({
      appInfo: 'app:info',
      saveFile: 'file:save',
      openFile: 'file:open',
      saveBegin: 'file:save-begin',
      saveWrite: 'file:save-write',
      saveFinish: 'file:save-finish',
      saveAbort: 'file:save-abort',
      readOpen: 'file:read-open',
      readChunk: 'file:read-chunk',
      readClose: 'file:read-close',
      openPath: 'file:open-path',
    })
    expect(events).toEqual({ 'menu:about': 'onAbout' })
  })
})
