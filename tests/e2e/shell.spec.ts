import { readFileSync } from 'node:fs'
import { expectAccessible, expect, shoot, sidewaysOverflow, test } from './fixtures'

const SCREENS = [
  { name: 'Reference', hash: '#/reference', heading: /Reference/ },
  { name: 'Cause finder', hash: '#/finder', heading: /Cause finder/ },
  { name: 'Patients', hash: '#/patients', heading: /Patients/ },
  { name: 'Handouts', hash: '#/handouts', heading: /Handouts/ },
  { name: 'Settings', hash: '#/settings', heading: /Settings/ },
]

test('opens on the reference with the sidebar, header search and help button', async ({ page }) => {
  await expect(page).toHaveTitle(/Cramp Clinic/)
  await expect(page).toHaveURL(/#\/reference/)
  const nav = page.getByRole('navigation', { name: 'Main' })
  for (const s of SCREENS) await expect(nav.getByRole('link', { name: s.name })).toBeVisible()
  await expect(page.getByRole('combobox', { name: /Search the reference/ })).toBeVisible()
  await expect(page.getByTestId('seek-help')).toBeVisible()
})

for (const s of SCREENS) {
  test(`${s.name} screen is reachable, accessible and shown`, async ({ page }) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: s.name }).click()
    await expect(page).toHaveURL(new RegExp(s.hash.replace('#/', '#/')))
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(s.heading)
    await expect(page.getByRole('link', { name: s.name })).toHaveAttribute('aria-current', 'page')
    await expectAccessible(page)
    await shoot(page, `shell-${s.hash.slice(2)}`)
  })
}

test('Ctrl+K focuses the header search from anywhere', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.locator('body').click()
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('combobox', { name: /Search the reference/ })).toBeFocused()
})

test('the app is usable by keyboard alone: skip link and sidebar', async ({ page, app }) => {
  // The reference screen puts the cursor in its search box; start on a screen that does not.
  await app.goto('#/settings')
  await app.reload()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Reference' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/finder/)
  // The new page takes focus on its heading, so Tab goes on into the page, not the sidebar.
  const finderHeading = page.locator('#main h1')
  await expect(finderHeading).toBeFocused()
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement))).toBe(
    true,
  )
  await page.getByRole('link', { name: 'Patients' }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/patients/)
  await expect(page.locator('#main h1')).toBeFocused()
})

test('About shows app version, content version and where data is kept', async ({ page, app }) => {
  await page.getByRole('button', { name: 'About' }).click()
  const dialog = page.getByRole('dialog', { name: 'About Cramp Clinic' })
  await expect(dialog).toBeVisible()
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
  await expect(dialog.getByTestId('app-version')).toHaveText(pkg.version)
  await expect(dialog.getByTestId('content-version')).toContainText(/version \d{4}\.\d+\.\d+/)
  await expect(dialog.getByTestId('data-path')).toHaveText(app.profileDir)
  await expectAccessible(page)
  await shoot(page, 'shell-about')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('comfortable at 1024x700', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  expect(await sidewaysOverflow(page)).toEqual([])
  await expect(page.getByTestId('seek-help')).toBeInViewport()
  await shoot(page, 'shell-1024x700')
  // The size check itself can fail: a 3000 px element inside the scrolling pane is caught
  // (the page's own scroll width, measured before, stayed 0 with it).
  await page.evaluate(() => {
    const wide = document.createElement('div')
    wide.style.cssText = 'width:3000px;height:9px'
    document.querySelector('main')!.append(wide)
  })
  expect(await sidewaysOverflow(page)).toEqual([expect.stringMatching(/^main.* holds 3\d{3} px of content/)])
})

test('the bridge saves a file through the real main handler, and refuses bad payloads', async ({
  page,
  app,
}) => {
  const result = await page.evaluate(async () => {
    const data = new TextEncoder().encode('hello ✓ ünïcødé')
    return window.bridge!.saveFile({ purpose: 'backup', suggestedName: 'bridge-check.txt', data })
  })
  // Main, not the page, decides the type: a backup is .ccbackup whatever name the page suggests.
  expect(result).toMatchObject({ status: 'saved', name: 'bridge-check.txt.ccbackup' })
  expect(readFileSync(`${app.savedDir}/bridge-check.txt.ccbackup`, 'utf8')).toBe('hello ✓ ünïcødé')
  expect(app.dialogs.saveRequests.at(-1)).toEqual({
    suggestedName: 'bridge-check.txt.ccbackup',
    extensions: ['ccbackup', 'json'],
  })

  // The same through the streamed save: pieces in order, renamed into place at the end.
  const streamed = await page.evaluate(async () => {
    const b = window.bridge!
    const begun = await b.saveBegin({ purpose: 'backup', suggestedName: 'streamed.ccbackup' })
    if (begun.status !== 'ready') return begun
    const enc = new TextEncoder()
    await b.saveWrite({ handle: begun.handle, data: enc.encode('first ') })
    await b.saveWrite({ handle: begun.handle, data: enc.encode('second') })
    return b.saveFinish({ handle: begun.handle })
  })
  expect(streamed).toMatchObject({ status: 'saved', name: 'streamed.ccbackup' })
  expect(readFileSync(`${app.savedDir}/streamed.ccbackup`, 'utf8')).toBe('first second')

  const refused = await page.evaluate(async () => {
    try {
      await window.bridge!.saveFile({
        purpose: 'backup',
        suggestedName: '../../etc/passwd',
        data: new Uint8Array(1),
      })
      return 'accepted'
    } catch (e) {
      return String(e)
    }
  })
  expect(refused).toMatch(/IPC refused: invalid payload for file:save/)

  const opened = await page.evaluate(() => window.bridge!.openPath({ path: '/etc/passwd' }))
  expect(opened).toMatchObject({ status: 'error' })
  // A backup just saved is not a handout: the system viewer opens only PDFs.
  const backupPath = `${app.savedDir}/bridge-check.txt.json`
  const notPdf = await page.evaluate((path) => window.bridge!.openPath({ path }), backupPath)
  expect(notPdf).toMatchObject({ status: 'error' })
  expect(app.opened).toEqual([])
})

test.describe('plain browser fallback', () => {
  test.use({ bridge: false })
  test('runs without the desktop bridge and says so in About', async ({ page }) => {
    expect(await page.evaluate(() => 'bridge' in window)).toBe(false)
    await page.getByRole('button', { name: 'About' }).click()
    await expect(page.getByRole('dialog')).toContainText('Browser version')
  })
})

test('the app cannot reach out: CSP stops it, and the guard catches anything that slips past', async ({
  page,
  app,
}) => {
  // In the app, the Content-Security-Policy refuses the request before it is even made.
  const inApp = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/track?x=1')
      return 'sent'
    } catch {
      return 'blocked'
    }
  })
  expect(inApp).toBe('blocked')
  // The CSP violation was reported (every test fails on one it did not expect).
  const violations: string[] = []
  await expect
    .poll(() => (violations.push(...app.takeCspViolations()), violations.join('\n')))
    .toMatch(/connect-src https:\/\/example\.com\/track\?x=1/)
  // A page without the CSP: the request is made, recorded by the guard and aborted.
  const blank = await app.context.newPage()
  const outside = await blank.evaluate(async () => {
    try {
      await fetch('https://example.com/track?x=2')
      return 'sent'
    } catch {
      return 'blocked'
    }
  })
  expect(outside).toBe('blocked')
  expect(app.takeExternalRequests()).toEqual(['https://example.com/track?x=2'])
  await blank.close()
})

test('dark theme follows the system and stays accessible', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(bg).toBe('rgb(17, 22, 27)')
  await expectAccessible(page)
  await shoot(page, 'shell-dark')
})
