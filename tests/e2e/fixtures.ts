/**
 * Browser-test fixtures: the built renderer served on 127.0.0.1, Chromium with a persistent
 * profile (real IndexedDB that survives reloads and restarts), the desktop bridge routed to the
 * real main-process handlers, and a network guard that fails the test on any request that
 * leaves the app.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { chromium, expect, test as base, type BrowserContext, type Page } from '@playwright/test'
import { startStaticServer, type StaticServer } from '../../scripts/serve'
import { installBridge, type DialogStandIn } from './bridge'
import { CHROMIUM_ARGS, findChromium } from './chromium'
import { ensureSignedIn } from './signin'

export { expect }

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../screenshots')

export interface AppHandle {
  url: string
  profileDir: string
  /** Where the stand-in save dialog puts files by default. */
  savedDir: string
  dialogs: DialogStandIn
  /** Paths the app asked the system viewer to open. */
  opened: string[]
  /** Every request any page made, in order. */
  requests: string[]
  /** Returns and forgets the requests that tried to leave the app (for the test that proves the guard). */
  takeExternalRequests(): string[]
  /** Returns and forgets the Content-Security-Policy violations the pages reported. */
  takeCspViolations(): string[]
  context: BrowserContext
  /** Reloads the page and waits for the app to be ready again. */
  reload(page?: Page): Promise<void>
  /** Closes the browser and relaunches it on the same profile; returns the new page. */
  restart(): Promise<Page>
  /** Another tab on the same profile (for two-window tests). */
  newPage(hash?: string): Promise<Page>
  /** Opens a route of the app, e.g. '#/patients'. */
  goto(hash: string, page?: Page): Promise<void>
}

interface TestFixtures {
  /** Provide the desktop bridge (true) or test the plain-browser fallback (false). */
  bridge: boolean
  app: AppHandle
  page: Page
}

interface WorkerFixtures {
  server: StaticServer
  executablePath: string
}

/**
 * Waits for the first screen, then signs in as the fixture's owner (setting the clinic up on a
 * new profile) unless `signIn: false`: the tests of sign-in itself drive those screens.
 */
export async function waitForApp(page: Page, options: { signIn?: boolean } = {}): Promise<void> {
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 15_000 })
  if (options.signIn !== false) await ensureSignedIn(page)
}

function isInsideApp(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url.startsWith('blob:')
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  bridge: [true, { option: true }],

  server: [
    async ({}, use) => {
      const server = await startStaticServer()
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],

  executablePath: [async ({}, use) => use(await findChromium()), { scope: 'worker' }],

  app: async ({ server, executablePath, bridge }, use, testInfo) => {
    const root = mkdtempSync(join(tmpdir(), 'cramp-e2e-'))
    const profileDir = join(root, 'profile')
    const savedDir = join(root, 'saved')
    mkdirSync(savedDir)
    const requests: string[] = []
    const external: string[] = []
    const cspViolations: string[] = []
    let installed: Awaited<ReturnType<typeof installBridge>> | null = null

    const launch = async (): Promise<BrowserContext> => {
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
        acceptDownloads: true,
        locale: 'en-GB',
        timezoneId: 'Europe/London',
      })
      // The CSP forbids eval and remote origins; a violation means some code still tries (zod's
      // eval probe did on every start), so every test fails on one. Chromium does not log a
      // caught eval violation to the console, but it always fires the DOM event.
      await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
        cspViolations.push(text)
      })
      await context.addInitScript({
        // __CRAMP_E2E__: the app installs its test hooks (src/renderer/src/testHooks.ts).
        content: `window.__CRAMP_E2E__ = true; document.addEventListener('securitypolicyviolation', (e) =>
          window.__reportCspViolation(e.violatedDirective + ' ' + (e.blockedURI || '') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'))`,
      })
      context.on('request', (r) => {
        requests.push(r.url())
        if (!isInsideApp(r.url(), server.url)) external.push(r.url())
      })
      // Belt and braces: anything leaving the app is recorded above and never sent.
      await context.route(
        (url) => !isInsideApp(url.toString(), server.url),
        (route) => route.abort('blockedbyclient'),
      )
      if (bridge) {
        const b = await installBridge(context, { appOrigin: server.url, savedDir, profileDir })
        if (installed) {
          // Keep queued dialog answers and the opened list across restarts.
          Object.assign(b.dialogs, installed.dialogs)
          b.opened.push(...installed.opened)
        }
        installed = b
      }
      return context
    }

    const openApp = async (context: BrowserContext, hash = '#/'): Promise<Page> => {
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(`${server.url}/${hash}`)
      await waitForApp(page)
      return page
    }

    const handle: AppHandle = {
      url: server.url,
      profileDir,
      savedDir,
      get dialogs() {
        if (!installed) throw new Error('this test runs without the desktop bridge')
        return installed.dialogs
      },
      get opened() {
        return installed?.opened ?? []
      },
      requests,
      takeExternalRequests: () => external.splice(0, external.length),
      takeCspViolations: () => cspViolations.splice(0, cspViolations.length),
      context: await launch(),
      async reload(page) {
        const p = page ?? handle.context.pages()[0]!
        await p.reload()
        await waitForApp(p)
      },
      async restart() {
        await handle.context.close()
        handle.context = await launch()
        return openApp(handle.context)
      },
      async newPage(hash = '#/') {
        const page = await handle.context.newPage()
        await page.goto(`${server.url}/${hash}`)
        await waitForApp(page)
        return page
      },
      async goto(hash, page) {
        const p = page ?? handle.context.pages()[0]!
        await p.goto(`${server.url}/${hash.startsWith('#') ? hash : `#${hash}`}`)
        await waitForApp(p)
      },
    }

    await use(handle)

    await handle.context.close().catch(() => undefined)
    rmSync(root, { recursive: true, force: true })
    if (testInfo.status === testInfo.expectedStatus) {
      expect(external, 'requests that left the app').toEqual([])
      expect(cspViolations, 'Content-Security-Policy violations').toEqual([])
    }
  },

  page: async ({ app }, use) => {
    const page = app.context.pages()[0] ?? (await app.context.newPage())
    await page.goto(`${app.url}/#/`)
    await waitForApp(page)
    await use(page)
  },
})

/** No serious or critical axe-core violations on what the page shows now. */
export async function expectAccessible(page: Page, exclude: string[] = []): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  for (const sel of exclude) builder = builder.exclude(sel)
  const results = await builder.analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const summary = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  )
  expect(summary, 'serious or critical accessibility violations').toEqual([])
}

/** Saves a full-page screenshot to screenshots/<name>.png (git-ignored) for a person to look at. */
export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}

/**
 * Every visible element that sticks out of the window sideways, and every box whose content
 * is wider than the box (it scrolls or clips sideways). Measuring only the page's own scroll
 * width misses content inside a scrolling pane, which is where a screen's content lives.
 * Deliberate truncation (text-overflow: ellipsis), screen-reader-only text and things parked
 * wholly off the left edge until focused (the skip link) are left out.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const name = (el: Element): string => {
      const id = el.id ? `#${el.id}` : ''
      const test = el.getAttribute('data-testid')
      const cls =
        typeof el.className === 'string' && el.className
          ? `.${el.className.trim().split(/\s+/).join('.')}`
          : ''
      return `${el.tagName.toLowerCase()}${id}${test ? `[data-testid=${test}]` : ''}${cls}`
    }
    const found: Element[] = []
    const out: string[] = []
    for (const el of document.body.querySelectorAll('*')) {
      if (found.some((f) => f.contains(el))) continue
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden' || style.textOverflow === 'ellipsis')
        continue
      const r = el.getBoundingClientRect()
      if (r.width <= 1 || r.height <= 1 || r.right <= 0) continue
      if (r.right > width + 1 || r.left < -1) {
        found.push(el)
        out.push(`${name(el)} spans x ${Math.round(r.left)}..${Math.round(r.right)} in a ${width} px window`)
      } else if (/auto|scroll|hidden|clip/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        found.push(el)
        out.push(`${name(el)} holds ${el.scrollWidth} px of content in ${el.clientWidth} px`)
      }
    }
    return out
  })
}
