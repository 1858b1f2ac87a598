/**
 * Window and session hardening. The functions take narrow structural types instead of
 * importing electron, so the unit tests exercise the real guards with plain objects.
 */
import { APP_ORIGIN } from '../shared/csp'

/** Is this URL the app itself (or the dev server in development)? */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  try {
    const u = new URL(url)
    if (`${u.protocol}//${u.host}` === APP_ORIGIN) return true
    if (devServerUrl) {
      const d = new URL(devServerUrl)
      return u.origin === d.origin
    }
    return false
  } catch {
    return false
  }
}

/** The frame an IPC message came from, as Electron's WebFrameMain shows it. */
export interface SenderFrame {
  url: string
  parent: unknown
}

/**
 * VS Code's validatedIpcMain: an IPC call is trusted only from a top frame (no parent) whose URL
 * is the app's own origin. A destroyed frame (null), an iframe, or a page that navigated away to
 * anything else is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, devServerUrl?: string): boolean {
  return frame != null && frame.parent === null && isAppUrl(frame.url, devServerUrl)
}

/**
 * The one permission the app's own pages get: persistent storage, so Chromium never evicts the
 * notes database under disk pressure. Everything else, and anything from another origin, is denied.
 */
const GRANTED_TO_APP: ReadonlySet<string> = new Set(['persistent-storage'])

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  devServerUrl?: string,
): boolean {
  return GRANTED_TO_APP.has(permission) && !!requestingUrl && isAppUrl(requestingUrl, devServerUrl)
}

/** Requests the session lets through: the app's own scheme and in-memory data; nothing else. */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:')) return true
  return isAppUrl(url, devServerUrl)
}

interface NavEvent {
  preventDefault(): void
}

export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: NavEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (e: NavEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export function guardContents(
  contents: GuardableContents,
  log: (msg: string) => void,
  devServerUrl?: string,
): void {
  const block = (e: NavEvent, url: string): void => {
    // Reloads and in-app hash routes keep the origin; anything else would leave the app.
    if (isAppUrl(url, devServerUrl)) return
    e.preventDefault()
    log(`navigation blocked: ${url}`)
  }
  contents.on('will-navigate', block)
  contents.on('will-redirect', block)
  contents.on('will-attach-webview', (e) => {
    e.preventDefault()
    log('webview blocked')
  })
  contents.setWindowOpenHandler(({ url }) => {
    log(`window.open denied: ${url}`)
    return { action: 'deny' }
  })
}

export interface GuardableSession {
  setPermissionRequestHandler(
    h: (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void
  setPermissionCheckHandler(h: (wc: unknown, permission: string, requestingOrigin: string) => boolean): void
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void
  }
  setSpellCheckerDictionaryDownloadURL(url: string): void
}

export function guardSession(
  session: GuardableSession,
  log: (msg: string) => void,
  devServerUrl?: string,
): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details?.requestingUrl, devServerUrl)
    if (!granted) log(`permission denied: ${permission} (${details?.requestingUrl ?? 'unknown page'})`)
    callback(granted)
  })
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, devServerUrl),
  )
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, devServerUrl)
    if (!allowed) log(`network request cancelled: ${details.url}`)
    callback({ cancel: !allowed })
  })
  // Dictionaries would otherwise be downloaded from a remote host; point it at ourselves.
  session.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-dictionaries/`)
}
