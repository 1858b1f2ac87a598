/**
 * The consultation flow without friction (issue 10): every new page opens at its top with focus
 * on its heading, Settings keep what was typed across navigation, the sidebar gives its width
 * back at 1024 px. Each test fails on the app as it was before these fixes.
 */
import type { Page } from '@playwright/test'
import { expect, expectAccessible, shoot, test } from './fixtures'

/** How far the page's scrolling area is scrolled, and what has the focus. */
async function landing(page: Page): Promise<{ scrollTop: number; focused: string; headingTop: number }> {
  return page.evaluate(() => {
    const main = document.getElementById('main')!
    const h1 = main.querySelector('h1')
    const a = document.activeElement
    return {
      scrollTop: main.scrollTop,
      focused: a ? `${a.tagName.toLowerCase()}:${(a.textContent ?? '').trim().slice(0, 60)}` : '',
      headingTop: h1 ? h1.getBoundingClientRect().top : -1,
    }
  })
}

test('a cause opened from the browse list opens at its top, with focus on its heading', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await app.goto('#/reference')
  // A cause far down the list: the list must be scrolled to reach it.
  const link = page.locator('[data-cause-link]').last()
  await link.scrollIntoViewIfNeeded()
  expect(await page.evaluate(() => document.getElementById('main')!.scrollTop)).toBeGreaterThan(300)
  const name = (await link.locator('.entry-name').textContent())!.trim()
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect.poll(async () => (await landing(page)).focused).toBe(`h1:${name}`)
  const l = await landing(page)
  expect(l.scrollTop).toBe(0)
  expect(l.headingTop).toBeGreaterThan(0)
  expect(l.headingTop).toBeLessThan(300)
  // Back on the list, the heading of the list has the focus.
  await page.goBack()
  await expect.poll(async () => (await landing(page)).focused).toMatch(/^h1:/)
})

test('the handout editor opened from a visit opens at its top, with focus on its heading', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await app.goto('#/patients')
  await page.getByTestId('new-patient').click()
  const dialog = page.getByTestId('new-patient-dialog')
  await dialog.getByTestId('patient-name').fill('Ida Brook')
  await dialog.getByTestId('create-patient').click()
  await page.getByTestId('new-visit').click()
  await expect(page.getByTestId('visit-screen')).toBeVisible()
  const button = page.getByTestId('make-handout')
  await button.scrollIntoViewIfNeeded()
  await page.evaluate(() => document.getElementById('main')!.scrollBy(0, 400))
  await button.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New handout')
  await expect.poll(async () => (await landing(page)).focused).toBe('h1:New handout')
  expect((await landing(page)).scrollTop).toBe(0)
  // The search box of the header keeps working from there: typing a query is not a new page.
  await page
    .getByRole('combobox', { name: /search/i })
    .first()
    .fill('cramp')
  await expect(page.getByRole('combobox', { name: /search/i }).first()).toBeFocused()
})

test('clinic details save as they are typed and survive leaving the screen at once', async ({
  page,
  app,
}) => {
  await app.goto('#/settings')
  await page.getByTestId('clinic-name').fill('Harbour Podiatry')
  await page.getByTestId('clinic-phone').fill('01632 960001')
  // Straight to another screen, no button pressed, no pause.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Handouts' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handouts')
  await app.goto('#/settings')
  await expect(page.getByTestId('clinic-name')).toHaveValue('Harbour Podiatry')
  await expect(page.getByTestId('clinic-phone')).toHaveValue('01632 960001')
  // And after the app is closed and opened again.
  await page.getByTestId('clinic-footer').fill('Registered practice 4411.')
  await expect(page.getByTestId('clinic-state')).toHaveText('Saved')
  await app.reload()
  await expect(page.getByTestId('clinic-footer')).toHaveValue('Registered practice 4411.')

  // A colour too light for paper is not saved, is explained, and leaving asks first.
  await page.getByTestId('clinic-accent').fill('#f5e9a0')
  await expect(page.getByTestId('clinic-state')).toHaveText('Not saved')
  await expect(page.getByTestId('clinic-problem')).toContainText('too light to read on white paper')
  let asked = ''
  page.once('dialog', (d) => {
    asked = d.message()
    void d.dismiss()
  })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await expect.poll(() => asked).toContain('Leave Settings anyway?')
  await expect(page).toHaveURL(/#\/settings/)
  await page.getByTestId('clinic-accent').fill('#7a1f5c')
  await expect(page.getByTestId('clinic-state')).toHaveText('Saved')
  await expectAccessible(page)
  for (const [w, h] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await shoot(page, `settings-${w}`)
  }
})

test('at 1024 px the sidebar collapses to icons and keeps its names for screen readers', async ({
  page,
  app,
}) => {
  const nav = page.getByRole('navigation', { name: 'Main' })
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.goto('#/reference')
  expect((await nav.boundingBox())!.width).toBeGreaterThan(200)
  await expect(nav.getByText('Patients', { exact: true })).toBeVisible()
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect.poll(async () => (await nav.boundingBox())!.width).toBeLessThan(72)
  // The name is still the link's accessible name, shown on hover as a tooltip.
  await expect(nav.getByRole('link', { name: 'Patients' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Patients' })).toHaveAttribute('title', 'Patients')
  await nav.getByRole('link', { name: 'Patients' }).click()
  await expect(page).toHaveURL(/#\/patients/)
  const main = await page.locator('#main').boundingBox()
  expect(main!.width).toBeGreaterThan(940)
  await expectAccessible(page)
  await shoot(page, 'sidebar-icons-1024')
})

test('one clinic date format, day or month first, on every screen, field and handout', async ({
  page,
  app,
}) => {
  // Many screens and a real PDF: room for a loaded machine.
  test.setTimeout(180_000)
  const two = (n: number): string => String(n).padStart(2, '0')
  const now = new Date()
  const monthFirst = `${two(now.getMonth() + 1)}/${two(now.getDate())}/${now.getFullYear()}`
  const longMonthFirst = `${now.toLocaleString('en', { month: 'long' })} ${now.getDate()}, ${now.getFullYear()}`

  await app.goto('#/settings')
  await page.getByTestId('clinic-name').fill('Harbour Podiatry')
  await page.getByTestId('clinic-date-month-day').check()
  await expect(page.getByTestId('clinic-state')).toHaveText('Saved')

  await app.goto('#/patients')
  await page.getByTestId('new-patient').click()
  const dialog = page.getByTestId('new-patient-dialog')
  await dialog.getByTestId('patient-name').fill('Ivy North')
  // Typed month first, as the setting says; the field says how, whatever the computer's language.
  await expect(dialog.getByTestId('patient-dob')).toHaveAttribute('placeholder', 'mm/dd/yyyy')
  await dialog.getByTestId('patient-dob').fill('03/07/1950')
  await dialog.getByTestId('create-patient').click()
  await expect(page.getByTestId('patient-screen')).toContainText('Born Mar 7, 1950')

  await page.getByTestId('new-visit').click()
  await expect(page.getByTestId('visit-screen')).toBeVisible()
  await expect(page.getByTestId('visit-when')).toHaveValue(new RegExp(`^${monthFirst} \\d{2}:\\d{2}$`))
  // A date that does not exist is refused in words, and what was typed stays.
  await page.getByTestId('visit-follow-up').fill('02/30/2027')
  await expect(page.getByText('February 2027 has no day 30.')).toBeVisible()
  await expect(page.getByTestId('visit-follow-up')).toHaveValue('02/30/2027')
  await page.getByTestId('visit-follow-up').fill('03/02/2027')
  await expect(page.getByText('February 2027 has no day 30.')).toHaveCount(0)
  await shoot(page, 'dates-month-first-visit')

  await page.getByTestId('make-handout').click()
  await expect(page.getByTestId('handout-date')).toHaveValue(monthFirst)
  await expect(page.getByTestId('handout-preview')).toBeVisible()
  await expect(page.locator('.sub')).toContainText(
    `visit of ${now.toLocaleString('en', { month: 'short' })} ${now.getDate()}, ${now.getFullYear()}`,
  )
  app.dialogs.nextSavePath()
  await expect(page.getByTestId('preview-page').first()).toBeVisible({ timeout: 45_000 })
  await page.getByTestId('handout-save').click()
  await expect(page.getByTestId('handout-notice')).toContainText('Saved as')
  const { readFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const bytes = new Uint8Array(
    readFileSync(join(app.savedDir, app.dialogs.saveRequests.at(-1)!.suggestedName)),
  )
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise
  const first = (await (await doc.getPage(1)).getTextContent()).items
    .map((it) => ('str' in it ? it.str : ''))
    .join(' ')
  expect(first).toContain(longMonthFirst)

  // The list of handouts, the trash and the reference's review dates follow the setting too.
  const shortMonthFirst = `${now.toLocaleString('en', { month: 'short' })} ${now.getDate()}, ${now.getFullYear()}`
  await app.goto('#/handouts')
  await expect(page.getByTestId('recent-handout').first()).toContainText(shortMonthFirst)
  await app.goto('#/patients')
  await page.getByRole('link', { name: /Ivy North/ }).click()
  await page.getByTestId('trash-visit-row').first().click()
  await page.getByTestId('confirm-ok').click()
  await app.goto('#/trash')
  await expect(page.getByTestId('trash-entry').first()).toContainText(`Deleted ${shortMonthFirst}`)
  const iso = /\d{4}-\d{2}-\d{2}/
  await app.goto('#/reference/causes/dehydration')
  const sources = page.getByTestId('source-list')
  await expect(sources).toContainText(/Last reviewed [A-Z][a-z]{2} \d{1,2}, \d{4} by/)
  await expect(sources).not.toContainText(iso)
  await sources.scrollIntoViewIfNeeded()
  await page.setViewportSize({ width: 1024, height: 700 })
  await shoot(page, 'dates-month-first-cause-1024')
  await page.setViewportSize({ width: 1280, height: 800 })
  await shoot(page, 'dates-month-first-cause-1280')
  await page.getByRole('button', { name: 'About' }).click()
  await expect(page.getByTestId('content-version')).toContainText(/reviewed [A-Z][a-z]{2} \d{1,2}, \d{4}/)
  await expect(page.getByTestId('content-version')).not.toContainText(iso)
  await shoot(page, 'dates-month-first-about-1280')
  await page.setViewportSize({ width: 1024, height: 700 })
  await shoot(page, 'dates-month-first-about-1024')
  await page.keyboard.press('Escape')

  // Back to day first: the same record reads day first everywhere.
  await app.goto('#/settings')
  await page.getByTestId('clinic-date-day-month').check()
  await expect(page.getByTestId('clinic-state')).toHaveText('Saved')
  await page.goBack()
  await page.goBack()
  await app.goto('#/patients')
  await expect(page.locator('#main')).toContainText('7 Mar 1950')
})
