/**
 * Staff sign-in (issue 12) in the real app on a persistent profile: first-run setup, sign-in,
 * locking and coming back to the same typing, and a reception account that cannot open a visit
 * note by any route. Argon2id costs about a second per derivation, so each test keeps them few.
 */
import { expect, shoot, test, waitForApp } from './fixtures'
import { newPatient, newVisit, rawDb, saved, storedVisit, toPatients } from './notes-helpers'
import {
  OWNER,
  RECEPTION,
  addAndSignInReception,
  authPhase,
  setUpClinic,
  signIn,
  switchPerson,
} from './signin'

test('first run sets the clinic up; a restart asks who is signing in, and shows nothing before', async ({
  app,
}) => {
  const page = app.context.pages()[0] ?? (await app.context.newPage())
  await page.goto(`${app.url}/#/patients`)
  await waitForApp(page, { signIn: false })
  expect(await authPhase(page)).toBe('needs-setup')
  await expect(page.getByTestId('setup-form')).toBeVisible()
  await expect(page.getByTestId('patients-screen')).toHaveCount(0)
  await shoot(page, 'auth-setup')
  // A weak passphrase is refused in plain words before anything is written.
  await page.getByTestId('setup-passphrase').fill('riverside2024')
  await expect(page.getByTestId('strength')).toContainText(/easy|weak/i)
  const words = await setUpClinic(page)
  expect(words).toHaveLength(12)
  await expect(page.getByTestId('signed-in-as')).toContainText(OWNER.name)
  await newPatient(page, 'Dora Private')

  // The same profile in a new window, signed out: only the sign-in screen, no patient name.
  const tab = await app.context.newPage()
  await tab.goto(`${app.url}/#/patients`)
  await waitForApp(tab, { signIn: false })
  expect(await authPhase(tab)).toBe('signed-out')
  await expect(tab.getByTestId('signin-people')).toContainText(OWNER.name)
  expect(await tab.locator('body').innerText()).not.toContain('Dora Private')
  await shoot(tab, 'auth-signin')
  await tab.setViewportSize({ width: 1024, height: 700 })
  await shoot(tab, 'auth-signin-1024')
  // A wrong passphrase is refused; the right one opens the list where the URL pointed.
  await tab
    .getByTestId('signin-people')
    .getByRole('button', { name: new RegExp(OWNER.name) })
    .click()
  await tab.getByTestId('signin-passphrase').fill('amber kettle violin')
  await tab.getByTestId('signin-submit').click()
  await expect(tab.getByTestId('signin-error')).toBeVisible({ timeout: 30_000 })
  await signIn(tab)
  await expect(tab.getByTestId('patients-screen')).toContainText('Dora Private')
})

test('Lock now hides the note; unlocking returns to the same typing, saved', async ({ page }) => {
  await newPatient(page, 'Lena Locke')
  const id = await newVisit(page)
  // Rows as stored (sealed): the revision is in clear, the note is not.
  const rawVisit = async () =>
    ((await rawDb(page))['visits'] as { id: string; rev: string; note?: string }[]).find((v) => v.id === id)!
  const before = (await rawVisit()).rev
  await page.getByTestId('visit-note').fill('Typed just before the lock')
  await page.keyboard.press('Control+Shift+L')
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect(page.getByTestId('visit-note')).toBeHidden()
  expect(await page.locator('body').innerText()).not.toContain('Typed just before the lock')
  expect(await page.locator('body').innerText()).not.toContain('Lena Locke')
  await shoot(page, 'auth-locked')
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset['auth'])).toBe('locked')
  // The typing was saved (sealed) before the keys went: a new version, nothing readable.
  const locked = await rawVisit()
  expect(locked.rev).not.toBe(before)
  expect(locked.note).toBeUndefined()
  await page.getByTestId('unlock-passphrase').fill(OWNER.passphrase)
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('visit-note')).toHaveValue('Typed just before the lock', { timeout: 30_000 })
  // That version is the typing: nothing had to be saved after the unlock.
  expect(await storedVisit(page, id)).toMatchObject({ note: 'Typed just before the lock', rev: locked.rev })
  await expect(page).toHaveURL(new RegExp(`#/visits/${id}`))
  await page.getByTestId('visit-note').press('End')
  await page.keyboard.type(' and after it.')
  await saved(page)
  expect((await storedVisit(page, id)).note).toBe('Typed just before the lock and after it.')
  const stored = (await storedVisit(page, id)) as unknown as { savedBy: { authorId: string | null } }
  expect(stored.savedBy.authorId).toBeTruthy()
})

test('auto-lock after the set minutes without input hides the note; unlock keeps the typing', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await page.getByTestId('auto-lock-minutes').fill('0')
  await page.getByTestId('auto-lock-save').click()
  await expect(page.getByRole('alert')).toContainText('1 or more')
  await page.getByTestId('auto-lock-minutes').fill('1')
  await page.getByTestId('auto-lock-save').click()
  await expect(page.getByTestId('auto-lock-message')).toContainText('1 minute')
  await newPatient(page, 'Ida Idle')
  await newVisit(page)
  await page.getByTestId('visit-note').fill('Left mid-sentence')
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 100_000 })
  await expect(page.getByTestId('visit-note')).toBeHidden()
  await page.getByTestId('unlock-passphrase').fill(OWNER.passphrase)
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('visit-note')).toHaveValue('Left mid-sentence', { timeout: 30_000 })
})

test('reception sees names and contacts but cannot open a visit note by any route', async ({ page, app }) => {
  test.setTimeout(180_000)
  await newPatient(page, 'Vera Visit')
  const id = await newVisit(page)
  await page.getByTestId('visit-note').fill('Clinical words reception must not see')
  await saved(page)
  await addAndSignInReception(page, (hash) => app.goto(hash))
  // The patient list and details: yes. The visit: no, by link, by URL typed in, by search.
  await toPatients(page)
  await page.getByText('Vera Visit').click()
  await expect(page.getByTestId('patient-title')).toHaveText('Vera Visit')
  expect(await page.locator('body').innerText()).not.toContain('Clinical words')
  // The screen offers only what the repository allows reception: contact details, no visits.
  await expect(page.getByTestId('patient-name')).toBeVisible()
  await expect(page.getByTestId('new-visit')).toHaveCount(0)
  await expect(page.getByTestId('trash-patient')).toHaveCount(0)
  await expect(page.getByTestId('patient-visits')).toHaveCount(0)
  await expect(page.getByTestId('patient-medicines')).toHaveCount(0)
  await expect(page.getByTestId('patient-alerts')).toHaveCount(0)
  await expect(page.getByTestId('patient-feet-at-risk')).toHaveCount(0)
  await shoot(page, 'auth-reception-patient')
  await page.goto(page.url().replace(/#.*$/, `#/visits/${id}`))
  await expect(page.getByTestId('not-allowed-message')).toContainText('cannot open visit notes')
  expect(await page.locator('body').innerText()).not.toContain('Clinical words')
  await shoot(page, 'auth-reception-refused')
})

test("reception reprints a handout from the patient's history; the trail says reissued; no note by any route", async ({
  page,
  app,
}) => {
  test.setTimeout(240_000)
  // The owner gives a handout at a visit whose note reception must never see.
  await newPatient(page, 'Hana Handout')
  const visitId = await newVisit(page)
  await page.getByTestId('visit-note').fill('Clinical words reception must not see')
  await saved(page)
  await page.getByTestId('make-handout').click()
  await expect(page.getByTestId('preview-page').first()).toBeVisible({ timeout: 60_000 })
  app.dialogs.nextSavePath()
  await page.getByTestId('handout-save').click()
  await expect(page.getByTestId('handout-notice')).toContainText('noted on the visit', { timeout: 30_000 })

  await addAndSignInReception(page, (hash) => app.goto(hash))
  await toPatients(page)
  await page.getByText('Hana Handout').click()
  await expect(page.getByTestId('patient-title')).toHaveText('Hana Handout')
  // Of the history, only the handouts given: no visits, no versions of the record.
  await expect(page.getByTestId('patient-handout')).toHaveCount(1)
  await expect(page.getByTestId('patient-visits')).toHaveCount(0)
  await expect(page.getByTestId('open-history')).toHaveCount(0)
  await expect(page.getByTestId('visit-link')).toHaveCount(0)
  expect(await page.locator('body').innerText()).not.toContain('Clinical words')
  await shoot(page, 'auth-reception-handouts')
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.getByTestId('patient-handouts').scrollIntoViewIfNeeded()
  await shoot(page, 'auth-reception-handouts-1024')
  await page.setViewportSize({ width: 1280, height: 800 })

  // Reprint it: the same file, noted once; the screen offers no way into the visit.
  await page.getByTestId('patient-reprint').click()
  await expect(page.getByTestId('reissue-identical')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('link', { name: /visit/i })).toHaveCount(0)
  app.dialogs.nextSavePath()
  await page.getByTestId('handout-save').click()
  await expect(page.getByTestId('handout-notice')).toContainText('already lists this handout', {
    timeout: 30_000,
  })
  expect(await page.locator('body').innerText()).not.toContain('Clinical words')
  await shoot(page, 'auth-reception-reprint')
  await expect(page.getByTestId('reissue-patient')).toBeVisible()

  // The visit note by any route: a typed URL, the handouts list, the search.
  await page.goto(page.url().replace(/#.*$/, `#/visits/${visitId}`))
  await expect(page.getByTestId('not-allowed-message')).toContainText('cannot open visit notes')
  expect(await page.locator('body').innerText()).not.toContain('Clinical words')
  await app.goto('#/handouts')
  await expect(page.getByTestId('recent-handout')).toHaveCount(1)
  await expect(page.getByTestId('recent-handout').getByRole('link', { name: 'Open visit' })).toHaveCount(0)
  // Making a handout is clinical: no "New handout", no templates to use.
  await expect(page.getByTestId('new-handout')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Saved templates' })).toHaveCount(0)
  await shoot(page, 'auth-reception-handouts-home')
  await page.getByTestId('header-search').fill('Clinical words')
  await page.waitForTimeout(500)
  expect(await page.locator('body').innerText()).not.toContain('Clinical words reception')

  // The owner's audit screen lists the reprint as reissued, by reception.
  await switchPerson(page)
  await signIn(page)
  await app.goto('#/audit')
  await page.getByTestId('audit-kind').selectOption('handout.reissued')
  const rows = page.getByTestId('audit-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(RECEPTION.name)
  await expect(rows.first()).toContainText('Handout reprinted')
  await page.getByTestId('audit-kind').selectOption('visit.viewed')
  await expect(page.getByTestId('audit-table')).not.toContainText(RECEPTION.name)
})

test('signing a visit makes it read-only; an addendum shows under the original; it cannot be trashed', async ({
  page,
}) => {
  await newPatient(page, 'Sana Signed')
  const id = await newVisit(page)
  await page.getByTestId('visit-note').fill('Calf cramps at night, twice a week.')
  await page.getByTestId('sign-visit').click()
  await expect(page.getByTestId('signed-by')).toContainText(`Signed by ${OWNER.name}`)
  await expect(page.getByTestId('visit-note')).toBeDisabled()
  await expect(page.getByTestId('trash-visit')).toBeDisabled()
  await expect(page.getByTestId('kept-why')).toContainText('cannot be moved to the trash')
  expect((await storedVisit(page, id)).note).toBe('Calf cramps at night, twice a week.')
  // The side panel shows the findings as signed: nothing to tick, no save error to meet.
  await page.getByTestId('tab-finder').click()
  await expect(page.getByTestId('finder-signed')).toContainText('This visit is signed')
  const box = page.locator('[data-testid="visit-side-panel"] input[data-finding]').first()
  await expect(box).toBeDisabled()
  await box.click({ force: true })
  await expect(box).not.toBeChecked()
  await expect(page.getByTestId('visit-side-panel').getByRole('alert')).toHaveCount(0)
  expect(((await storedVisit(page, id)) as { findings?: string[] }).findings).toEqual([])
  await shoot(page, 'auth-signed-finder')
  await page.getByTestId('add-addendum').click()
  await page.getByTestId('addendum-reason').fill('result came back')
  await page.getByTestId('addendum-text').fill('Ferritin low; started iron.')
  await page.getByTestId('addendum-save').click()
  await expect(page.getByTestId('addendum')).toContainText('Ferritin low; started iron.')
  await expect(page.getByTestId('addendum')).toContainText('result came back')
  await expect(page.getByTestId('visit-note')).toHaveValue('Calf cramps at night, twice a week.')
  await shoot(page, 'auth-signed-visit')
  await page.setViewportSize({ width: 1024, height: 700 })
  await shoot(page, 'auth-signed-visit-1024')
  await page.setViewportSize({ width: 1280, height: 800 })

  // The owner's audit screen lists each of these, and the chain verifies.
  await page.keyboard.press('Control+Shift+L')
  await page.getByTestId('unlock-passphrase').fill(OWNER.passphrase)
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('app-unlocked')).toBeVisible({ timeout: 30_000 })
  await page.goto(page.url().replace(/#.*$/, '#/audit'))
  const kinds = page.getByTestId('audit-row')
  for (const k of [
    'clinic.setup',
    'patient.created',
    'visit.created',
    'visit.signed',
    'visit.addendum',
    'session.lock',
    'session.unlock',
  ]) {
    await expect(kinds.and(page.locator(`[data-kind="${k}"]`)).first(), k).toBeVisible()
  }
  await page.getByTestId('audit-verify').click()
  await expect(page.getByTestId('audit-verify-result')).toContainText('The trail is whole')
  await page.getByTestId('audit-kind').selectOption('visit.signed')
  await expect(kinds).toHaveCount(1)
  await shoot(page, 'auth-audit')
  await page.setViewportSize({ width: 1024, height: 700 })
  await shoot(page, 'auth-audit-1024')
})

test('a visit left unsigned for over a day is listed for its author at the next sign-in', async ({
  page,
  app,
}) => {
  await newPatient(page, 'Ula Unsigned')
  const id = await newVisit(page)
  await page.getByTestId('visit-note').fill('Meant to finish this one.')
  await saved(page)
  // Two days on (the page's clock only), a new window asks who is signing in.
  const tab = await app.context.newPage()
  await tab.clock.install({ time: Date.now() + 2 * 24 * 60 * 60 * 1000 })
  await tab.goto(`${app.url}/#/patients`)
  await waitForApp(tab, { signIn: false })
  await signIn(tab)
  const notice = tab.getByTestId('unsigned-drafts')
  await expect(notice).toContainText('A visit of yours is not signed yet', { timeout: 30_000 })
  await expect(tab.getByTestId('unsigned-draft-link')).toContainText('Ula Unsigned')
  await shoot(tab, 'auth-unsigned-drafts')
  await tab.getByTestId('unsigned-draft-link').click()
  await expect(tab).toHaveURL(new RegExp(`#/visits/${id}`))
  await expect(notice).toHaveCount(0)
})
