import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { seedBatches } from '../../scripts/seed-data'
import { backupFromRecords } from '../../src/renderer/src/notes/backup'
import type { Patient, Visit } from '../../src/renderer/src/notes/model'
import { expectAccessible, expect, shoot, sidewaysOverflow, test, waitForApp } from './fixtures'
import { dumpDb, newPatient, newVisit, saved, toPatients } from './notes-helpers'

const TRICKY = 'Crampe nocturne 🦶 Señora Ñúñez, تقلص عضلي, <script>alert("x")</script> &amp; done'

test('a note typed and reloaded at once is there, and after a browser restart too', async ({ page, app }) => {
  await newPatient(page, 'Ann Müller', { chart: 'AB-12' })
  await shoot(page, 'notes-patient')
  await expectAccessible(page)
  await newVisit(page)
  const note = page.getByTestId('visit-note')
  await note.fill(TRICKY)
  // No waiting for the autosave: reload straight away.
  await app.reload(page)
  await expect(page.getByTestId('visit-note')).toHaveValue(TRICKY)
  await saved(page)
  await page.getByTestId('visit-note').press('End')
  await page.keyboard.type(' more typed')
  await saved(page)
  const restarted = await app.restart()
  await app.goto(page.url().replace(/^.*#/, '#'), restarted).catch(() => undefined)
  await restarted.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await restarted.getByTestId('patient-row').first().click()
  await restarted.getByTestId('visit-link').first().click()
  await expect(restarted.getByTestId('visit-note')).toHaveValue(`${TRICKY} more typed`)
  // User text is shown as text: no script element was made from it.
  await expect(restarted.locator('script:text("alert")')).toHaveCount(0)
})

test('patients list: search by name and chart number, user text shown as text', async ({ page }) => {
  await newPatient(page, '<b>Bold</b> Ñúñez', { chart: 'ZX-900' })
  await newPatient(page, 'Bob Stone', { chart: 'QQ-1' })
  await page.getByRole('link', { name: 'Patients' }).first().click()
  await expect(page.getByTestId('patient-row')).toHaveCount(2)
  await expect(page.getByTestId('patient-row').first()).toContainText('Bob Stone')
  await page.getByTestId('patient-search').fill('nunez')
  await expect(page.getByTestId('patient-row')).toHaveCount(1)
  await expect(page.getByTestId('patient-row').first()).toContainText('<b>Bold</b> Ñúñez')
  await page.getByTestId('patient-search').fill('qq-')
  await expect(page.getByTestId('patient-row')).toHaveCount(1)
  await expect(page.getByTestId('patient-row').first()).toContainText('Bob Stone')
  await page.getByTestId('patient-search').fill('')
  await expectAccessible(page)
  await shoot(page, 'notes-patients-list')
  await page.getByTestId('new-patient').click()
  await expect(page.getByTestId('new-patient-dialog')).toBeVisible()
  await page.getByTestId('create-patient').click()
  await expect(page.getByTestId('new-patient-dialog')).toContainText('A name is needed')
  await expectAccessible(page)
  await shoot(page, 'notes-new-patient')
})

test('a cause added from the side panel is kept on the visit; findings too', async ({ page, app }) => {
  await newPatient(page, 'Cy Oak', { meds: 'furosemide' })
  await newVisit(page)
  const panel = page.getByTestId('visit-side-panel')
  await panel.getByTestId('reference-search').fill('dehydration')
  await panel.locator('[data-hit^="cause:"]').first().click()
  await panel.getByTestId('add-to-visit').click()
  await expect(panel.getByTestId('add-to-visit')).toHaveText(/Added to visit/)
  await expect(page.getByTestId('visit-causes').locator('li')).toHaveCount(1)
  await panel.getByTestId('tab-finder').click()
  await panel.locator('input[type="checkbox"]').first().check()
  await expect(page.getByTestId('visit-findings').locator('li')).toHaveCount(1)
  await panel.getByTestId('tab-medicines').click()
  await expect(panel.getByTestId('visit-medcheck')).toContainText(/furosemide/i)
  await saved(page)
  await expectAccessible(page)
  await shoot(page, 'notes-visit')
  await app.reload(page)
  await expect(page.getByTestId('visit-causes').locator('li')).toHaveCount(1)
  await expect(page.getByTestId('visit-findings').locator('li')).toHaveCount(1)
})

test('the header search finds the visit and opens it at the match', async ({ page }) => {
  await newPatient(page, 'Dee Finder')
  const id = await newVisit(page)
  await page.getByTestId('visit-note').fill('First line.\nSecond line mentions quinine tonic water at night.')
  await saved(page)
  await page.getByTestId('header-search').fill('quinine ton')
  const results = page.getByTestId('header-search-results')
  await expect(results.getByText('Visit notes')).toBeVisible()
  await results
    .getByRole('option', { name: /Dee Finder/ })
    .first()
    .click()
  await expect(page).toHaveURL(new RegExp(`#/visits/${id}\\?`))
  const selection = await page
    .getByTestId('visit-note')
    .evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))
  expect(selection).toMatch(/^quinine|^tonic/)
  await page.getByTestId('header-search').fill('Dee Fin')
  await expect(results.getByText('Patients', { exact: true })).toBeVisible()
})

test('trash and restore a visit and a patient; empty the trash after confirming', async ({ page }) => {
  await newPatient(page, 'Eve Trash')
  await newVisit(page)
  await page.getByTestId('visit-note').fill('to be trashed')
  await saved(page)
  await page.getByTestId('trash-visit').click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('patient-screen')).toBeVisible()
  await expect(page.getByTestId('visit-link')).toHaveCount(0)
  await page.getByTestId('trash-patient').click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('patients-screen')).toBeVisible()
  await page.getByTestId('patients-screen').getByRole('link', { name: 'Trash', exact: true }).click()
  await expect(page.getByTestId('trash-entry')).toHaveCount(2)
  await expectAccessible(page)
  await shoot(page, 'notes-trash')
  // The visit cannot come back before its patient.
  await page.getByTestId('trash-entry').filter({ hasText: 'Visit of' }).getByTestId('restore').click()
  await expect(page.getByRole('alert')).toContainText('Restore the patient first')
  await page.getByTestId('trash-entry').filter({ hasText: 'Patient · ' }).getByTestId('restore').click()
  await page.getByTestId('trash-entry').filter({ hasText: 'Visit of' }).getByTestId('restore').click()
  await expect(page.getByTestId('trash-entry')).toHaveCount(0)
  await page.getByRole('link', { name: 'Patients' }).first().click()
  await page.getByTestId('patient-row').first().click()
  await page.getByTestId('visit-link').first().click()
  await expect(page.getByTestId('visit-note')).toHaveValue('to be trashed')
  // Empty the trash: asks first.
  await page.getByTestId('trash-visit').click()
  await page.getByTestId('confirm-ok').click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await page.getByTestId('patients-screen').getByRole('link', { name: 'Trash', exact: true }).click()
  await page.getByTestId('empty-trash').click()
  await expect(page.getByTestId('confirm-dialog')).toContainText('cannot be undone')
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('trash-entry')).toHaveCount(0)
})

test('two windows on the same visit: the conflict is detected and both texts can be kept', async ({
  page,
  app,
}) => {
  await newPatient(page, 'Fay Twin')
  const id = await newVisit(page)
  await saved(page)
  const other = await app.newPage(`#/visits/${id}`)
  await expect(other.getByTestId('visit-screen')).toBeVisible()
  await page.getByTestId('visit-note').fill('Written in window one.')
  await other.getByTestId('visit-note').fill('Written in window two.')
  const conflictTwo = other.getByTestId('conflict')
  await expect
    .poll(async () => (await page.getByTestId('conflict').count()) + (await conflictTwo.count()))
    .toBe(1)
  const loser = (await conflictTwo.count()) ? other : page
  await expect(loser.getByTestId('conflict')).toContainText('changed in another window')
  await expectAccessible(loser)
  await shoot(loser, 'notes-conflict')
  await loser.getByTestId('conflict-combine').click()
  await saved(loser)
  const stored = (await dumpDb(page))['visits']!.find((v) => (v as { id: string }).id === id) as {
    note: string
  }
  expect(stored.note).toContain('Written in window one.')
  expect(stored.note).toContain('Written in window two.')
  await other.close()
})

// The backup export and restore (encrypted, format 2) is tested in backup.spec.ts.

test('a save that fails says "Not saved", keeps the text, and offers Retry', async ({ page, app }) => {
  await newPatient(page, 'Ivy Fail')
  const id = await newVisit(page)
  await saved(page)
  // Another window moves the visit to the trash: this window's next save cannot succeed.
  const other = await app.newPage(`#/visits/${id}`)
  await other.getByTestId('trash-visit').click()
  await other.getByTestId('confirm-ok').click()
  await expect(other.getByTestId('patient-screen')).toBeVisible()
  await other.close()
  await page.getByTestId('visit-note').fill('Text that must not be lost.')
  const status = page.getByTestId('save-status')
  await expect(status).toHaveAttribute('data-state', 'error')
  await expect(status).toContainText('Not saved')
  await expect(status).toContainText('no longer exists')
  await expect(page.getByTestId('visit-note')).toHaveValue('Text that must not be lost.')
  await expectAccessible(page)
  await shoot(page, 'notes-not-saved')
  // Restore from the trash in another window, then Retry here saves the text.
  const third = await app.newPage('#/trash')
  await third.getByTestId('restore').first().click()
  await expect(third.getByTestId('trash-entry')).toHaveCount(0)
  await third.close()
  // The restored visit is the version this window started from, so Retry simply saves.
  await page.getByTestId('retry-save').click()
  await saved(page)
  await app.reload(page)
  await expect(page.getByTestId('visit-note')).toHaveValue('Text that must not be lost.')
})

test('the visit screen works at 1024x700 and by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await newPatient(page, 'Jo Small Screen', { meds: 'atorvastatin' })
  await newVisit(page)
  await page.getByTestId('visit-note').focus()
  await page.keyboard.type('Typed with the keyboard only.')
  await page.keyboard.press('Tab')
  await saved(page)
  // Layout at the smallest supported window: nothing sideways, the field being typed in and the
  // save status on screen, and the reference panel beside the note rather than pushed under it.
  expect(await sidewaysOverflow(page), 'visit screen at 1024x700').toEqual([])
  await expect(page.locator(':focus')).toBeInViewport()
  await expect(page.getByTestId('save-status')).toBeInViewport()
  const note = (await page.getByTestId('visit-note').boundingBox())!
  const panel = (await page.getByTestId('visit-side-panel').boundingBox())!
  expect(panel.x, 'side panel beside the note').toBeGreaterThanOrEqual(note.x + note.width)
  expect(panel.y, 'side panel beside the note').toBeLessThan(note.y + note.height)
  await expectAccessible(page)
  await shoot(page, 'notes-visit-1024')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await expect(page.getByText('Jo Small Screen').first()).toBeInViewport()
  expect(await sidewaysOverflow(page), 'patients list at 1024x700').toEqual([])
  await shoot(page, 'notes-patients-1024')
})

test('"Add to visit" on a cause page: a clear hint with no visit open, adds to the open visit otherwise', async ({
  page,
}) => {
  await page.goto(page.url().replace(/#.*$/, '#/reference/causes/dehydration'))
  await page.reload()
  await waitForApp(page)
  const button = page.getByTestId('add-to-visit')
  await expect(button).toBeDisabled()
  await expect(page.getByText("Open a patient's visit first")).toBeVisible()
  await newPatient(page, 'Kit Cause')
  const id = await newVisit(page)
  await saved(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reference' }).click()
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  await page.goto(page.url().replace(/#.*$/, '#/reference/causes/dehydration'))
  await expect(button).toBeEnabled()
  await expect(page.getByText('Visit: Kit Cause')).toBeVisible()
  await button.click()
  await expect(button).toHaveText(/Added to visit/)
  await page.goto(page.url().replace(/#.*$/, `#/visits/${id}`))
  await expect(page.getByTestId('visit-causes')).toContainText('Dehydration')
})

test('a 1 MB note survives an immediate reload exactly', async ({ page, app }) => {
  // Measured: Chromium's first layout of this text (19,000 lines, an emoji on each) takes 8 to
  // 11 s on a loaded 2-core machine, so the test took 50 s of the default 60.
  test.setTimeout(120_000)
  await newPatient(page, 'Lou Long')
  await newVisit(page)
  const big = `${'Line of a very long note, with accents é and emoji 🦶.\n'.repeat(19_000)}THE END`
  expect(big.length).toBeGreaterThan(1_000_000)
  // As if pasted: Playwright's fill() types in chunks too slowly above 1 MB.
  await page.getByTestId('visit-note').evaluate((el: HTMLTextAreaElement, text) => {
    el.value = text
    el.dispatchEvent(new Event('input', { bubbles: true }))
  }, big)
  await app.reload(page)
  const back = await page.getByTestId('visit-note').inputValue()
  expect(back.length).toBe(big.length)
  expect(back === big).toBe(true)
  await saved(page)
  await page.getByTestId('visit-side-panel').getByTestId('tab-finder').click()
  await shoot(page, 'notes-visit-finder-tab')
})

test('leaving the visit straight after typing saves the text first', async ({ page }) => {
  await newPatient(page, 'Max Leave')
  const id = await newVisit(page)
  await page.getByTestId('visit-note').fill('typed, then straight to another screen')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByTestId('backup-panel')).toBeVisible()
  await page.goto(page.url().replace(/#.*$/, `#/visits/${id}`))
  await expect(page.getByTestId('visit-note')).toHaveValue('typed, then straight to another screen')
  await saved(page)
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cramp.visit-draft'))),
  ).toEqual([])
})

test('a seeded backup merges into the list, which pages by 50 and finds a patient by date of birth', async ({
  page,
  app,
}) => {
  const data = { patients: [] as Patient[], visits: [] as Visit[] }
  for (const b of seedBatches({ patients: 120, visits: 600 })) {
    data.patients.push(...b.patients)
    data.visits.push(...b.visits)
  }
  const file = join(app.savedDir, 'seed.json')
  writeFileSync(file, (await backupFromRecords(data, { appVersion: 'seed' })).bytes)
  await newPatient(page, 'Already Here')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const panel = page.getByTestId('backup-panel')
  app.dialogs.nextOpenPath(file)
  await panel.getByTestId('choose-backup').click()
  await expect(panel.getByTestId('backup-counts')).toContainText('120 patients, 600 visits')
  await panel.getByTestId('apply-backup').click()
  await expect(panel.getByTestId('backup-message')).toContainText(
    'Merged: 120 patients and 600 visits added.',
  )
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await expect(page.getByText('1–50 of 121').first()).toBeVisible()
  await expect(page.getByTestId('patient-row')).toHaveCount(50)
  // Newest activity first: the patient created just now has no visit but the newest creation.
  await expect(page.getByTestId('patient-row').first()).toContainText('Already Here')
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByText('51–100 of 121').first()).toBeVisible()
  await shoot(page, 'notes-patients-paged')
  const someone = data.patients[42]!
  const [y, m, d] = someone.dateOfBirth.split('-')
  await page.getByTestId('patient-search').fill(`${Number(d)}/${Number(m)}/${y}`)
  await expect(page.getByTestId('patient-row').filter({ hasText: someone.chartNumber })).toHaveCount(1)
})

test('closing a window straight after typing keeps the text, even if that visit is never opened again', async ({
  page,
  app,
}) => {
  await newPatient(page, 'Ora Close')
  const id = await newVisit(page)
  await saved(page)
  const other = await app.newPage(`#/visits/${id}`)
  await other.getByTestId('visit-note').fill('typed, then the window was closed')
  await other.close({ runBeforeUnload: true })
  // A later start of the app (here: a reload of the remaining window) saves any copy left behind.
  await app.reload(page)
  await expect
    .poll(async () => {
      const visits = (await dumpDb(page))['visits'] as { id: string; note: string }[]
      return visits.find((v) => v.id === id)?.note
    })
    .toBe('typed, then the window was closed')
})

test('patient details typed then reloaded or left at once are kept; markup in any field is only text', async ({
  page,
  app,
}) => {
  const name = '<img src=x onerror="window.__pwned=1"> Zoë <b>Ünal</b> 🦶 مريم'
  const chart = '<i>CH-7</i>'
  const meds = '<script>window.__pwned=1</script>\nfurosemide'
  await newPatient(page, name)
  await page.getByTestId('patient-chart').fill(chart)
  await page.getByTestId('patient-medicines').fill(meds)
  await page.getByTestId('patient-alerts').fill(TRICKY)
  // Straight to a reload: nothing waited for the autosave.
  await app.reload(page)
  await expect(page.getByTestId('patient-chart')).toHaveValue(chart)
  await expect(page.getByTestId('patient-medicines')).toHaveValue(meds)
  await expect(page.getByTestId('patient-alerts')).toHaveValue(TRICKY)
  await expect(page.getByTestId('patient-alerts-banner')).toContainText(TRICKY)
  await expect(page.getByTestId('patient-title')).toHaveText(name)
  // Straight to another screen.
  await page.locator('#patient-phone').fill('555 0199')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  const row = page.getByTestId('patient-row').filter({ hasText: 'Zoë' })
  await expect(row).toContainText(name)
  await expect(row).toContainText(chart)
  await expect(row.getByTestId('patient-alert-badge')).toHaveText('Alerts')
  await row.getByRole('link').click()
  await expect(page.locator('#patient-phone')).toHaveValue('555 0199')

  const id = await newVisit(page)
  await page.getByTestId('visit-reason').fill(TRICKY)
  await page.getByTestId('visit-plan').fill(`Plan: ${TRICKY}`)
  await page.getByTestId('visit-note').fill('zebrafinch check')
  await saved(page)
  await expect(page.getByTestId('visit-patient')).toHaveText(name)
  await page.getByTestId('header-search').fill('zebrafinch')
  const results = page.getByTestId('header-search-results')
  await expect(results.getByRole('option').first()).toContainText('Zoë <b>Ünal</b>')
  await page.keyboard.press('Escape')
  await page.goto(page.url().replace(/#.*$/, `#/handouts/new?visit=${id}`))
  await expect(page.getByTestId('handout-patient')).toHaveValue(name)
  await page.goto(page.url().replace(/#.*$/, `#/visits/${id}`))
  await page.getByTestId('visit-patient').click()
  await expect(page.getByTestId('visit-link').first()).toContainText(TRICKY)
  await page.getByTestId('trash-patient').click()
  await page.getByTestId('confirm-ok').click()
  await page.getByTestId('patients-screen').getByRole('link', { name: 'Trash', exact: true }).click()
  await expect(page.getByTestId('trash-entry').first()).toContainText(name)
  await expect(page.getByTestId('trash-entry').first()).toContainText(chart)
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(await page.locator('img[src="x"]').count()).toBe(0)
})

test('a visit is moved to the trash from the patient page with the keyboard alone', async ({ page }) => {
  await newPatient(page, 'Gil Keys')
  await newVisit(page)
  await page.getByTestId('visit-reason').fill('first visit')
  await page.getByTestId('visit-patient').click()
  await newVisit(page)
  await page.getByTestId('visit-reason').fill('second visit, to delete')
  await page.getByTestId('visit-note').fill('a note about the second visit')
  await page.getByTestId('visit-patient').click()
  await expect(page.getByTestId('visit-link')).toHaveCount(2)
  // Newest first: the second visit is at the top.
  await expect(page.getByTestId('visit-link').first()).toContainText('second visit, to delete')
  await page.getByTestId('visit-link').first().focus()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('trash-visit-row').first()).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('confirm-dialog')
  await expect(dialog).toContainText('second visit, to delete')
  await expectAccessible(page)
  // The dialog opens on its safe choice; Tab reaches the action.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('confirm-ok')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('visit-link')).toHaveCount(1)
  await expect(page.getByTestId('visit-link').first()).toContainText('first visit')
  await shoot(page, 'notes-patient-visits')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await page.getByTestId('patients-screen').getByRole('link', { name: 'Trash', exact: true }).click()
  await expect(page.getByTestId('trash-entry')).toHaveCount(1)
  await expect(page.getByTestId('trash-entry')).toContainText('second visit, to delete')
  await expect(page.getByTestId('trash-entry')).toContainText('a note about the second visit')
  // "Add to visit" no longer aims at the visit in the trash.
  await page.goto(page.url().replace(/#.*$/, '#/reference/causes/dehydration'))
  await expect(page.getByTestId('add-to-visit')).toBeDisabled()
  await expect(page.getByText("Open a patient's visit first")).toBeVisible()
})

test('two windows on the same patient: the conflict is shown with both versions, never saved over silently', async ({
  page,
  app,
}) => {
  await newPatient(page, 'Hal Twin')
  const id = /#\/patients\/([^?]+)/.exec(page.url())![1]!
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  const other = await app.newPage(`#/patients/${id}`)
  await expect(other.getByTestId('patient-title')).toHaveText('Hal Twin')
  await page.locator('#patient-phone').fill('111 one')
  await other.locator('#patient-phone').fill('222 two')
  await expect
    .poll(
      async () =>
        (await page.getByTestId('conflict').count()) + (await other.getByTestId('conflict').count()),
    )
    .toBe(1)
  const [loser, winner, mine, theirs] = (await other.getByTestId('conflict').count())
    ? [other, page, '222 two', '111 one']
    : [page, other, '111 one', '222 two']
  const phone = loser.getByTestId('conflict-differences').locator('[data-field="Phone"]')
  // Every difference in the field is marked: theirs struck through, mine underlined.
  await expect(phone.getByTestId('only-left')).toHaveText(theirs.split(' '))
  await expect(phone.getByTestId('only-right')).toHaveText(mine.split(' '))
  await expect(loser.getByTestId('save-status')).toContainText('Not saved')
  await expectAccessible(loser)
  await shoot(loser, 'notes-patient-conflict')
  await loser.getByTestId('conflict-keep-mine').click()
  await expect(loser.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  // The other window had nothing unsaved: it follows quietly.
  await expect(winner.locator('#patient-phone')).toHaveValue(mine)
  const db = await dumpDb(page)
  const stored = db['patients']!.find((p) => (p as { id: string }).id === id) as { phone: string }
  expect(stored.phone).toBe(mine)
  // The version not chosen is kept in the history, whole.
  const kept = (db['history'] as { recordId: string; why: string; record: { phone: string } }[]).filter(
    (h) => h.recordId === id,
  )
  expect(kept.map((h) => [h.why, h.record.phone])).toContainEqual(['conflict', theirs])
  await other.close()
})

test('dark theme: patient, visit, not-saved state, trash and backup screens stay readable', async ({
  page,
  app,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await newPatient(page, 'Ida Dark', { chart: 'DK-1', meds: 'furosemide' })
  await page.getByTestId('patient-alerts').fill('Allergic to latex')
  await expect(page.getByTestId('patient-alerts-banner')).toBeVisible()
  await expectAccessible(page)
  await shoot(page, 'notes-patient-dark')
  const id = await newVisit(page)
  await page.getByTestId('visit-reason').fill('Night cramps in both calves')
  await page.getByTestId('visit-note').fill('Woken twice a night this week.')
  await saved(page)
  await expectAccessible(page)
  await shoot(page, 'notes-visit-dark')
  const other = await app.newPage(`#/visits/${id}`)
  await other.getByTestId('trash-visit').click()
  await other.getByTestId('confirm-ok').click()
  await expect(other.getByTestId('patient-screen')).toBeVisible()
  await other.close()
  await page.getByTestId('visit-note').fill('Woken twice a night this week. More text.')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error')
  await expectAccessible(page)
  await shoot(page, 'notes-not-saved-dark')
  // Leaving with unsaved text asks first; here the user accepts (the copy stays on this computer).
  const asked: string[] = []
  page.on('dialog', (d) => {
    asked.push(d.message())
    void d.accept()
  })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await expect.poll(() => asked.join('|')).toContain('could not be saved')
  await expect(page.getByTestId('patients-screen')).toBeVisible()
  await page.getByTestId('patients-screen').getByRole('link', { name: 'Trash', exact: true }).click()
  await expect(page.getByTestId('trash-entry')).toHaveCount(1)
  await expectAccessible(page)
  await shoot(page, 'notes-trash-dark')
  await page.goto(page.url().replace(/#.*$/, '#/settings'))
  await page.getByTestId('backup-panel').scrollIntoViewIfNeeded()
  await expectAccessible(page)
  await shoot(page, 'notes-settings-dark')
})

test('the backup reminder appears once the last backup is more than 7 days old', async ({ page, app }) => {
  await newPatient(page, 'Jay Reminder')
  const setLastBackup = (daysAgo: number): Promise<void> =>
    page.evaluate(async (days) => {
      const at = new Date(Date.now() - days * 24 * 3600 * 1000).toISOString()
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('cramp-clinic')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('settings', 'readwrite')
        tx.objectStore('settings').put({ key: 'lastBackupAt', value: at, updatedAt: at })
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    }, daysAgo)
  const panel = page.getByTestId('backup-panel')
  const toSettings = async (): Promise<void> => {
    await app.reload(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await expect(panel).toBeVisible()
  }
  await setLastBackup(7)
  await toSettings()
  await expect(panel.getByTestId('last-backup')).toContainText('(7 days ago)')
  await expect(panel.getByTestId('backup-reminder')).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await expect(page.getByTestId('patient-row')).toHaveCount(1)
  await expect(page.getByTestId('patients-backup-reminder')).toHaveCount(0)

  await setLastBackup(8)
  await toSettings()
  await expect(panel.getByTestId('last-backup')).toContainText('(8 days ago)')
  await expect(panel.getByTestId('backup-reminder')).toContainText('more than 7 days old')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await expect(page.getByTestId('patients-backup-reminder')).toContainText('The last backup was 8 days ago.')
})

test('a new-patient form closed by mistake gives back what was typed', async ({ page }) => {
  await toPatients(page)
  await page.getByTestId('new-patient').click()
  const dialog = page.getByTestId('new-patient-dialog')
  await dialog.getByTestId('patient-name').fill('Kim Escape')
  await dialog.getByTestId('patient-medicines').fill('furosemide, 40 mg each morning')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await page.getByTestId('new-patient').click()
  await expect(dialog.getByTestId('patient-name')).toHaveValue('Kim Escape')
  await expect(dialog.getByTestId('patient-medicines')).toHaveValue('furosemide, 40 mg each morning')
  await dialog.getByTestId('create-patient').click()
  await expect(page.getByTestId('patient-title')).toHaveText('Kim Escape')
  await expect(page.getByTestId('patient-medicines')).toHaveValue('furosemide, 40 mg each morning')
  // A field without a message beside it still says what is wrong.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await page.getByTestId('new-patient').click()
  await dialog.getByTestId('patient-name').fill('Lou Longchart')
  await dialog.getByTestId('patient-chart').fill('C'.repeat(101))
  await dialog.getByTestId('create-patient').click()
  await expect(dialog.getByRole('alert')).toHaveText(
    'Chart number is too long to save: at most 100 characters. Shorten it; your text stays here meanwhile.',
  )
  await dialog.getByTestId('patient-chart').fill('C-101')
  await dialog.getByTestId('create-patient').click()
  await expect(page.getByTestId('patient-title')).toHaveText('Lou Longchart')
  // Once created, the next new patient starts empty.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
  await page.getByTestId('new-patient').click()
  await expect(dialog.getByTestId('patient-name')).toHaveValue('')
})

test('an alert or medicine added in another window shows at once on the open visit', async ({
  page,
  app,
}) => {
  await newPatient(page, 'Lea Live', { meds: 'atorvastatin' })
  const patientUrl = page.url().replace(/^.*#/, '#')
  await newVisit(page)
  await page.getByTestId('visit-note').fill('Seen for calf cramps.')
  await saved(page)
  const other = await app.newPage(patientUrl)
  await other.getByTestId('patient-alerts').fill('Allergic to latex')
  await other.getByTestId('patient-medicines').fill('atorvastatin\nfurosemide')
  await other.getByTestId('patient-name').fill('Lea Live-Stone')
  await other.getByTestId('patient-name').blur()
  await expect(other.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  await other.close()
  await expect(page.locator('.alerts')).toContainText('Allergic to latex')
  await expect(page.getByTestId('visit-patient')).toHaveText('Lea Live-Stone')
  await page.getByTestId('visit-side-panel').getByTestId('tab-medicines').click()
  await expect(page.getByTestId('visit-medcheck')).toContainText(/furosemide/i)
  await expect(page.getByTestId('visit-note')).toHaveValue('Seen for calf cramps.')
  await saved(page)
})

test('going from one visit to another through the header search saves first, and asks if it cannot', async ({
  page,
  app,
}) => {
  await newPatient(page, 'Mo Hop')
  const first = await newVisit(page)
  await page.getByTestId('visit-note').fill('kingfisher sighting in the first visit')
  await saved(page)
  await page.getByTestId('visit-patient').click()
  const second = await newVisit(page)
  await page.getByTestId('visit-note').fill('typed here, then straight to the other visit')
  await page.getByTestId('header-search').fill('kingfisher')
  await page
    .getByTestId('header-search-results')
    .getByRole('option', { name: /Mo Hop/ })
    .first()
    .click()
  await expect(page).toHaveURL(new RegExp(`#/visits/${first}\\?`))
  await expect(page.getByTestId('visit-note')).toHaveValue('kingfisher sighting in the first visit')
  await page.goto(page.url().replace(/#.*$/, `#/visits/${second}`))
  await expect(page.getByTestId('visit-note')).toHaveValue('typed here, then straight to the other visit')
  await saved(page)

  // This visit is moved to the trash elsewhere: its next save fails, and hopping away asks first.
  const other = await app.newPage(`#/visits/${second}`)
  await other.getByTestId('trash-visit').click()
  await other.getByTestId('confirm-ok').click()
  await expect(other.getByTestId('patient-screen')).toBeVisible()
  await other.close()
  await page.getByTestId('visit-note').fill('text that could not be saved')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error')
  const asked: string[] = []
  page.on('dialog', (d) => {
    asked.push(d.message())
    void d.dismiss()
  })
  await page.getByTestId('header-search').fill('kingfisher')
  await page
    .getByTestId('header-search-results')
    .getByRole('option', { name: /Mo Hop/ })
    .first()
    .click()
  await expect.poll(() => asked.join('|')).toContain('could not be saved')
  await expect(page).toHaveURL(new RegExp(`#/visits/${second}`))
  await expect(page.getByTestId('visit-note')).toHaveValue('text that could not be saved')
})
