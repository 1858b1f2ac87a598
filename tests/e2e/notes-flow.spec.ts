/**
 * The consultation flow without friction (issue 10), each check one that failed before it was
 * fixed. `npm start` refusing to move to another port is tests/unit/scripts/start.test.ts: it
 * needs no browser.
 */
import { expect, expectAccessible, shoot, test } from './fixtures'
import { newPatient, newVisit, saved, toPatients } from './notes-helpers'

test('the new patient dialog opens on the name: a first space typed stays in the name', async ({ page }) => {
  await toPatients(page)
  await page.getByTestId('new-patient').click()
  const dialog = page.getByTestId('new-patient-dialog')
  await expect(dialog.getByTestId('patient-name')).toBeFocused()
  await page.keyboard.type(' Ann Space')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('patient-name')).toHaveValue(' Ann Space')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('patient-title')).toHaveText('Ann Space')
})

test('a new visit puts the cursor in the note', async ({ page }) => {
  await newPatient(page, 'Bea Cursor')
  await newVisit(page)
  await expect(page.getByTestId('visit-note')).toBeFocused()
  await page.keyboard.type('Typed straight away.')
  await saved(page)
  await expect(page.getByTestId('visit-note')).toHaveValue('Typed straight away.')
})

test('moving a visit to the trash offers Undo for a few seconds, from the visit and from the list', async ({
  page,
}) => {
  await newPatient(page, 'Cal Undo')
  await newVisit(page)
  await page.getByTestId('visit-reason').fill('first visit')
  await saved(page)
  await page.getByTestId('trash-visit').click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('patient-screen')).toBeVisible()
  const toast = page.getByTestId('undo-toast')
  await expect(toast).toContainText('moved to the trash')
  // Keyboard focus on Undo holds the offer (as for a user reaching for it) while the checks and
  // screenshots below take their time on a loaded machine; it ran out during them before.
  await toast.getByTestId('undo').focus()
  await expect(page.getByTestId('visit-link')).toHaveCount(0)
  await expectAccessible(page)
  await shoot(page, 'notes-undo-toast')
  await page.setViewportSize({ width: 1024, height: 700 })
  await shoot(page, 'notes-undo-toast-1024')
  await toast.getByTestId('undo').click()
  await expect(page.getByTestId('visit-link')).toHaveCount(1)
  await expect(page.getByTestId('visit-link').first()).toContainText('first visit')
  await expect(toast).toHaveCount(0)
  // From the patient's list of visits too; left alone, the offer goes after a few seconds.
  await page.getByTestId('trash-visit-row').first().click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('visit-link')).toHaveCount(0)
  await expect(toast).toBeVisible()
  await expect(toast).toHaveCount(0, { timeout: 15_000 })
  await expect(page.getByTestId('visit-link')).toHaveCount(0)
})

test("at 1024x700 a patient's visits are in view without scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await newPatient(page, 'Dee Fold', { chart: 'F-1', meds: 'furosemide\natorvastatin' })
  await page.getByTestId('patient-alerts').fill('Allergic to latex')
  for (const reason of ['first', 'second', 'third']) {
    await newVisit(page)
    await page.getByTestId('visit-reason').fill(`${reason} visit`)
    await saved(page)
    await page.getByTestId('visit-patient').click()
  }
  const first = page.getByTestId('visit-link').first()
  await expect(first).toContainText('third visit')
  const box = (await first.boundingBox())!
  expect(box.y + box.height).toBeLessThanOrEqual(700)
  await expectAccessible(page)
  await shoot(page, 'notes-patient-1024')
  await page.setViewportSize({ width: 1280, height: 800 })
  await shoot(page, 'notes-patient')
})

test('the header search puts patients and notes first in the notes, the reference first elsewhere', async ({
  page,
}) => {
  await newPatient(page, 'Nia Nightingale')
  await newVisit(page)
  await page.getByTestId('visit-note').fill('Night cramps for a month.')
  await saved(page)
  const groups = page.getByTestId('header-search-results').locator('[role="group"]')
  const order = async (): Promise<string[]> =>
    (await groups.allTextContents()).map((t) => /^(Patients|Visit notes)/.exec(t)?.[1] ?? 'Reference')
  await page.getByTestId('header-search').fill('night')
  await expect(groups).toHaveCount(3)
  expect((await order())[0]).not.toBe('Reference')
  await shoot(page, 'notes-header-search')
  await page.keyboard.press('Escape')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference' }).click()
  await page.getByTestId('header-search').fill('night')
  await expect(groups).toHaveCount(3)
  expect((await order())[0]).toBe('Reference')
})

test('counts are said in words, never "patient(s)"', async ({ page, app }) => {
  await newPatient(page, 'Eli Words')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const panel = page.getByTestId('backup-panel')
  app.dialogs.nextSavePath()
  await panel.getByTestId('export-backup').click()
  await expect(panel.getByTestId('backup-message')).toContainText('1 patient, no visits')
  await expect(page.getByTestId('storage-panel')).toContainText('1 patient, no visits')
  await expect(page.locator('main')).not.toContainText('(s)')
  await shoot(page, 'notes-settings-backup')
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.getByTestId('storage-panel').scrollIntoViewIfNeeded()
  await shoot(page, 'notes-settings-storage-1024')
})
