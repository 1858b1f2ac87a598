import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../../src/shared/csp'
import {
  guardContents,
  guardSession,
  isAllowedRequest,
  isTrustedSender,
  type GuardableContents,
  type GuardableSession,
} from '../../../src/main/security'
import { resolveAssetPath, serveAsset } from '../../../src/main/protocol'

type Listener = (...args: unknown[]) => void

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null
  const contents: GuardableContents = {
    on: ((event: string, l: Listener) => listeners.set(event, l)) as GuardableContents['on'],
    setWindowOpenHandler: (h) => (openHandler = h),
  }
  const fire = (event: string, url?: string) => {
    let prevented = false
    listeners.get(event)!({ preventDefault: () => (prevented = true) }, url)
    return prevented
  }
  return { contents, fire, open: (url: string) => openHandler!({ url }) }
}

describe('navigation guards', () => {
  it('keeps navigation inside the app and blocks everything else', () => {
    const log: string[] = []
    const { contents, fire } = fakeContents()
    guardContents(contents, (m) => log.push(m))
    expect(fire('will-navigate', 'app://cramp-clinic/index.html#/patients')).toBe(false)
    expect(fire('will-navigate', 'https://example.com/')).toBe(true)
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(fire('will-redirect', 'http://127.0.0.1:9999/')).toBe(true)
    expect(fire('will-navigate', 'app://other-host/index.html')).toBe(true)
    expect(fire('will-attach-webview')).toBe(true)
    expect(log.filter((l) => l.startsWith('navigation blocked'))).toHaveLength(4)
  })

  it('allows the dev server only when one is given', () => {
    const { contents, fire } = fakeContents()
    guardContents(contents, () => undefined, 'http://localhost:5173/')
    expect(fire('will-navigate', 'http://localhost:5173/#/x')).toBe(false)
    expect(fire('will-navigate', 'http://localhost:5174/')).toBe(true)
  })

  it('denies every window.open', () => {
    const { contents, open } = fakeContents()
    guardContents(contents, () => undefined)
    expect(open('https://example.com')).toEqual({ action: 'deny' })
    expect(open('app://cramp-clinic/index.html')).toEqual({ action: 'deny' })
  })
})

describe('session guards', () => {
  function fakeSession() {
    const s = {
      permissionRequest: null as
        null | ((wc: unknown, p: string, cb: (g: boolean) => void, d: { requestingUrl?: string }) => void),
      permissionCheck: null as null | ((wc: unknown, p: string, origin: string) => boolean),
      beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
      dictionaryUrl: '',
    }
    const session: GuardableSession = {
      setPermissionRequestHandler: (h) => (s.permissionRequest = h),
      setPermissionCheckHandler: (h) => (s.permissionCheck = h),
      webRequest: { onBeforeRequest: (l) => (s.beforeRequest = l) },
      setSpellCheckerDictionaryDownloadURL: (u) => (s.dictionaryUrl = u),
    }
    return { s, session }
  }

  const OWN_PAGE = 'app://cramp-clinic/index.html#/patients'
  const request = (s: ReturnType<typeof fakeSession>['s'], permission: string, url?: string) => {
    let granted: boolean | null = null
    s.permissionRequest!(null, permission, (g) => (granted = g), { requestingUrl: url })
    return granted
  }

  it('denies every other permission request and check, even to the app itself', () => {
    const log: string[] = []
    const { s, session } = fakeSession()
    guardSession(session, (m) => log.push(m))
    const others = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']
    for (const p of [...others, 'storage-access', 'top-level-storage-access', 'unknown']) {
      expect(request(s, p, OWN_PAGE)).toBe(false)
      expect(s.permissionCheck!(null, p, 'app://cramp-clinic')).toBe(false)
    }
    expect(log.filter((l) => l.startsWith('permission denied'))).toHaveLength(8)
  })

  it("grants persistent storage to the app's own origin only", () => {
    const { s, session } = fakeSession()
    guardSession(session, () => undefined)
    expect(request(s, 'persistent-storage', OWN_PAGE)).toBe(true)
    expect(s.permissionCheck!(null, 'persistent-storage', 'app://cramp-clinic')).toBe(true)
    for (const other of [
      'https://example.com/',
      'app://other-host/index.html',
      'http://127.0.0.1:5199/',
      'file:///home/u/x.html',
      'not a url',
      '',
      undefined,
    ]) {
      expect(request(s, 'persistent-storage', other)).toBe(false)
      expect(s.permissionCheck!(null, 'persistent-storage', other ?? '')).toBe(false)
    }
  })

  it('cancels and logs every request that is not to the app', () => {
    const log: string[] = []
    const { s, session } = fakeSession()
    guardSession(session, (m) => log.push(m))
    const cancel = (url: string) => {
      let r: boolean | null = null
      s.beforeRequest!({ url }, (x) => (r = x.cancel))
      return r
    }
    expect(cancel('app://cramp-clinic/assets/index.js')).toBe(false)
    expect(cancel('data:image/png;base64,AAAA')).toBe(false)
    expect(cancel('https://fonts.googleapis.com/css')).toBe(true)
    expect(cancel('http://127.0.0.1:8080/')).toBe(true)
    expect(cancel('ws://localhost:1/')).toBe(true)
    expect(log).toHaveLength(3)
  })

  it('keeps the spell-checker from downloading dictionaries', () => {
    const { s, session } = fakeSession()
    guardSession(session, () => undefined)
    expect(isAllowedRequest(s.dictionaryUrl)).toBe(true)
    expect(s.dictionaryUrl.startsWith('app://cramp-clinic/')).toBe(true)
  })
})

describe('IPC sender check (validatedIpcMain)', () => {
  it("trusts only a top frame at the app's own origin", () => {
    expect(isTrustedSender({ url: 'app://cramp-clinic/index.html#/x', parent: null })).toBe(true)
    expect(isTrustedSender(null)).toBe(false)
    expect(isTrustedSender(undefined)).toBe(false)
    expect(isTrustedSender({ url: 'app://cramp-clinic/index.html', parent: {} })).toBe(false)
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'app://evil/index.html', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'about:blank', parent: null })).toBe(false)
    expect(isTrustedSender({ url: '', parent: null })).toBe(false)
  })

  it('trusts the dev server only when it is the one given', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, 'http://localhost:5173')).toBe(
      true,
    )
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null })).toBe(false)
  })
})

describe('Content-Security-Policy', () => {
  it('allows no eval of JavaScript and no remote origin', () => {
    // WebAssembly compilation only (Argon2id in hash-wasm); never 'unsafe-eval' itself.
    expect(CONTENT_SECURITY_POLICY.replaceAll("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/)
    expect(CSP_DIRECTIVES['script-src']).toBe("'self' 'wasm-unsafe-eval'")
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'")
    expect(CSP_DIRECTIVES['default-src']).toBe("'self'")
    expect(CSP_DIRECTIVES['connect-src']).not.toMatch(/http|ws/)
  })
})

describe('app:// asset serving', () => {
  it('refuses paths that climb out of the renderer folder', () => {
    expect(resolveAssetPath('/app/renderer', '/../../etc/passwd')).toBe('/app/renderer/etc/passwd')
    expect(resolveAssetPath('/app/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/app/renderer/etc/passwd')
    expect(resolveAssetPath('/app/renderer', '/%E0%A4%A')).toBeNull()
    expect(resolveAssetPath('/app/renderer', '/')).toBe('/app/renderer/index.html')
  })

  it('sends the CSP header with every response: a file, the app shell, a 404 and a 400', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cramp-renderer-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>shell</title>')
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'assets', 'index.js'), 'export {}')
    const responses = [
      await serveAsset(root, 'app://cramp-clinic/index.html'),
      await serveAsset(root, 'app://cramp-clinic/assets/index.js'),
      await serveAsset(root, 'app://cramp-clinic/patients/unknown-route'),
      await serveAsset('/nonexistent-root', 'app://cramp-clinic/missing.js'),
      await serveAsset(root, 'app://cramp-clinic/%E0%A4%A'),
    ]
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 404, 400])
    expect(await responses[2]!.text()).toContain('<title>shell</title>')
    for (const r of responses) {
      expect(r.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(r.headers.get('X-Content-Type-Options')).toBe('nosniff')
    }
    expect(responses[1]!.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
  })
})

describe('app:// asset serving without a build', () => {
  it('answers 404 instead of failing when there is no app shell', async () => {
    const r = await serveAsset('/nonexistent-root', 'app://cramp-clinic/missing.js')
    expect(r.status).toBe(404)
  })
})
