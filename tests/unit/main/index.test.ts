/**
 * The real main/index.ts with electron replaced by a test double at its boundary: what window
 * it creates, which IPC channels it registers, and that those refuse foreign senders.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS, EVENT_CHANNELS } from '../../../src/shared/ipc'

const h = vi.hoisted(() => {
  const state = {
    windows: [] as { options: Record<string, unknown>; webContents: object; loaded: string }[],
    handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
    privileged: [] as unknown[],
    protocolHandled: [] as string[],
    paths: new Map<string, string>(),
    name: '',
    menuSet: false,
    menuTemplate: [] as { label?: string; submenu?: { label?: string; click?: () => void }[] }[],
    guarded: { permission: false, requests: false },
  }
  return state
})

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = []
    webContents = { send: vi.fn(), on: vi.fn(), id: 1 }
    loaded = ''
    constructor(public options: Record<string, unknown>) {
      BrowserWindow.all.push(this)
      h.windows.push(this as never)
    }
    static fromWebContents(wc: unknown) {
      return BrowserWindow.all.find((w) => w.webContents === wc) ?? null
    }
    static getAllWindows() {
      return BrowserWindow.all
    }
    maximize() {}
    once() {}
    on() {}
    loadURL(url: string) {
      this.loaded = url
      ;(h.windows.at(-1) as { loaded: string }).loaded = url
      return Promise.resolve()
    }
  }
  const app = {
    setName: (n: string) => (h.name = n),
    setPath: (k: string, v: string) => h.paths.set(k, v),
    getPath: (k: string) => h.paths.get(k) ?? `/home/u/${k}`,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    on: vi.fn(),
    quit: vi.fn(),
    isPackaged: true,
    getVersion: () => '9.9.9',
  }
  return {
    app,
    BrowserWindow,
    dialog: {},
    shell: {},
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: {
      buildFromTemplate: (t: typeof h.menuTemplate) => ((h.menuTemplate = t), {}),
      setApplicationMenu: () => (h.menuSet = true),
    },
    ipcMain: { handle: (c: string, fn: never) => h.handlers.set(c, fn) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => h.privileged.push(...s),
      handle: (scheme: string) => h.protocolHandled.push(scheme),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => (h.guarded.permission = true),
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeRequest: () => (h.guarded.requests = true) },
        setSpellCheckerDictionaryDownloadURL: () => undefined,
      },
    },
  }
})

beforeAll(async () => {
  await import('../../../src/main/index')
  await new Promise((r) => setTimeout(r, 0))
})

describe('main process wiring', () => {
  it('fixes the app name and data folder so IndexedDB is never orphaned', () => {
    expect(h.name).toBe('Cramp Clinic')
    expect(h.paths.get('userData')).toBe('/home/u/appData/Cramp Clinic')
  })

  it('registers app:// as a standard, secure scheme and serves it', () => {
    expect(h.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ])
    expect(h.protocolHandled).toEqual(['app'])
  })

  it('opens one hardened window on app://', () => {
    expect(h.windows).toHaveLength(1)
    const w = h.windows[0]!
    expect(w.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(String((w.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    )
    expect(w.options).toMatchObject({ title: 'Cramp Clinic', minWidth: 1024, minHeight: 700 })
    expect(w.loaded).toBe('app://cramp-clinic/index.html')
  })

  it('guards the session and sets the menu', () => {
    expect(h.guarded).toEqual({ permission: true, requests: true })
    expect(h.menuSet).toBe(true)
  })

  it("the menu's About sends the contract's event to the window", () => {
    const about = h.menuTemplate
      .flatMap((m) => m.submenu ?? [])
      .find((i) => i.label === 'About Cramp Clinic')!
    about.click!()
    const send = (h.windows[0]!.webContents as { send: { mock: { calls: unknown[][] } } }).send
    expect(send.mock.calls).toEqual([['menu:about']])
    expect(EVENT_CHANNELS).toContain('menu:about')
  })

  it('registers exactly the contract channels, which refuse foreign senders', async () => {
    expect([...h.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    const call = (event: unknown) => h.handlers.get('app:info')!(event, undefined)
    const own = h.windows[0]!.webContents
    const appFrame = { url: 'app://cramp-clinic/index.html#/', parent: null }
    await expect(call({ sender: { id: 99 }, senderFrame: appFrame })).rejects.toThrow(
      /sender is not one of the app windows/,
    )
    await expect(call({ sender: own, senderFrame: appFrame })).resolves.toMatchObject({
      name: 'Cramp Clinic',
      version: '9.9.9',
      runtime: 'electron',
    })
    // An iframe, a destroyed frame, or the window navigated to another origin are all refused.
    await expect(call({ sender: own, senderFrame: { ...appFrame, parent: {} } })).rejects.toThrow(/sender/)
    await expect(call({ sender: own, senderFrame: null })).rejects.toThrow(/sender/)
    await expect(
      call({ sender: own, senderFrame: { url: 'https://example.com/', parent: null } }),
    ).rejects.toThrow(/sender/)
  })
})
