/**
 * The desktop bridge in browser tests: `window.bridge` in the page calls the REAL main-process
 * handlers and dispatcher (validation, sender check) in Node. Only the native dialogs and the
 * system viewer are replaced: the dialog answers with a path in a temporary folder, so a save
 * really writes the file through the real handler.
 */
import { join } from 'node:path'
import type { BrowserContext } from '@playwright/test'
import { createDispatcher } from '../../src/main/dispatch'
import { createHandlers } from '../../src/main/handlers'
import { isTrustedSender } from '../../src/main/security'
import { APP_NAME } from '../../src/shared/csp'
import { CHANNELS, contract, events } from '../../src/shared/ipc'

/** Bridge method -> channel, from the same contract the preload iterates. */
const METHODS = Object.fromEntries(CHANNELS.map((c) => [contract[c].method, c]))

export class DialogStandIn {
  private saves: (string | null)[] = []
  private opens: (string | null)[] = []
  /** What the save dialogs were asked, in order. */
  readonly saveRequests: { suggestedName: string; extensions: string[] }[] = []
  constructor(private readonly dir: string) {}
  /** The next save dialog answers with this path (default: the suggested name in savedDir). */
  nextSavePath(path?: string): void {
    this.saves.push(path ?? null)
  }
  /** The next open dialog answers with this path. */
  nextOpenPath(path: string): void {
    this.opens.push(path)
  }
  /** The next dialog (save or open) is cancelled by the user. */
  cancelNext(kind: 'save' | 'open'): void {
    ;(kind === 'save' ? this.saves : this.opens).push('')
  }
  async chooseSavePath(suggestedName: string, filters: { extensions: string[] }[]): Promise<string | null> {
    this.saveRequests.push({ suggestedName, extensions: filters.flatMap((f) => f.extensions) })
    const next = this.saves.shift()
    if (next === '') return null
    return next ?? join(this.dir, suggestedName)
  }
  async chooseOpenPath(): Promise<string | null> {
    const next = this.opens.shift()
    return next ? next : null
  }
}

const PAGE_SIDE = `(() => {
  const methods = ${JSON.stringify(METHODS)};
  const eventMethods = ${JSON.stringify(Object.values(events))};
  const toB64 = (u8) => { let s = ''; for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode.apply(null, u8.subarray(i, i + 0x8000)); return btoa(s) };
  const fromB64 = (b) => { const s = atob(b); const u = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i); return u };
  const enc = (v) => JSON.stringify(v === undefined ? null : v, (k, x) => x instanceof Uint8Array ? { __bytes: toB64(x) } : x);
  const dec = (t) => JSON.parse(t, (k, x) => x && typeof x === 'object' && typeof x.__bytes === 'string' ? fromB64(x.__bytes) : x);
  const call = async (channel, payload) => dec(await window.__bridgeInvoke(channel, enc(payload)));
  const bridge = Object.fromEntries(Object.entries(methods).map(([m, channel]) => [m, (req) => call(channel, req)]));
  const bridgeEvents = Object.fromEntries(eventMethods.map((m) => [m, () => () => undefined]));
  Object.defineProperty(window, 'bridge', { value: Object.freeze(bridge) });
  Object.defineProperty(window, 'bridgeEvents', { value: Object.freeze(bridgeEvents) });
})()`

function decodeFromPage(text: string): unknown {
  const v = JSON.parse(text, (_k, x) =>
    x && typeof x === 'object' && typeof x.__bytes === 'string'
      ? new Uint8Array(Buffer.from(x.__bytes, 'base64'))
      : x,
  )
  return v === null ? undefined : v
}

function encodeForPage(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, x) =>
    x instanceof Uint8Array ? { __bytes: Buffer.from(x).toString('base64') } : x,
  )
}

export interface InstalledBridge {
  dialogs: DialogStandIn
  /** Paths the app asked the system viewer to open. */
  opened: string[]
}

export async function installBridge(
  context: BrowserContext,
  opts: { appOrigin: string; savedDir: string; profileDir: string },
): Promise<InstalledBridge> {
  const dialogs = new DialogStandIn(opts.savedDir)
  const opened: string[] = []
  const dispatch = createDispatcher(
    createHandlers({
      dialog: dialogs,
      shell: {
        async openPath(p) {
          opened.push(p)
          return ''
        },
      },
      appInfo: () => ({
        name: APP_NAME,
        version: process.env['npm_package_version'] ?? '0.0.0',
        dataPath: opts.profileDir,
        platform: process.platform,
        runtime: 'electron',
        electronVersion: 'test harness',
      }),
    }),
  )
  await context.exposeBinding('__bridgeInvoke', async (source, channel: string, payload: string) => {
    // Main's own sender check: only a top frame at the app's origin (here, the test server's).
    const frame = { url: source.frame.url(), parent: source.frame.parentFrame() }
    const trusted = isTrustedSender(frame, opts.appOrigin)
    return encodeForPage(await dispatch(channel, decodeFromPage(payload), trusted))
  })
  await context.addInitScript({ content: PAGE_SIDE })
  return { dialogs, opened }
}
