import { expectAccessible, expect, shoot, sidewaysOverflow, test } from './fixtures'

test('browse: causes by category and general topics, each with its summary', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Reference' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Circulation' })).toBeVisible()
  await expect(page.locator('[data-cause-link="peripheral-artery-disease"]')).toContainText(/claudication/i)
  await expect(page.locator('[data-topic-link="night-cramps"]')).toBeVisible()
  await expectAccessible(page)
  await shoot(page, 'reference-browse')
})

test('search as you type with lay words, arrow keys and Enter open a cause with its sources', async ({
  page,
}) => {
  const box = page.getByRole('combobox', { name: 'Find a cause, topic or medicine' })
  await box.click()
  await box.pressSequentially('bad circ')
  const results = page.getByTestId('reference-results')
  const first = results.getByRole('option').first()
  await expect(first).toContainText('Peripheral artery disease')
  await expect(first.locator('mark').first()).toBeVisible()
  await expectAccessible(page)
  await shoot(page, 'reference-search')

  await box.fill('')
  await box.pressSequentially('water pills')
  await expect(results.getByRole('option').first()).toContainText(/Diuretics|Medicines/)
  await box.fill('')
  await box.pressSequentially('hypokalaemia')
  await expect(results.getByRole('option').first()).toContainText('Low potassium')
  await box.press('ArrowDown')
  await box.press('ArrowUp')
  await box.press('Enter')

  await expect(page).toHaveURL(/#\/reference\/causes\/low-potassium/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Low potassium/)
  await expect(page.getByRole('heading', { name: 'Why it causes cramps' })).toBeVisible()
  await expect(page.locator('[data-section="why"] [data-testid="source-marker"]')).toBeVisible()
  const sources = page.getByTestId('source-list')
  await expect(sources.getByRole('listitem').first()).toBeVisible()
  await expect(page.getByTestId('add-to-visit')).toBeVisible()
  await expectAccessible(page)
  await shoot(page, 'reference-cause')

  // Back returns to the same results: the query lives in the URL.
  await page.goBack()
  await expect(box).toHaveValue('hypokalaemia')
})

test('a search with no results suggests what to try', async ({ page }) => {
  const box = page.getByRole('combobox', { name: 'Find a cause, topic or medicine' })
  await box.fill('dehidratoin')
  await expect(page.getByTestId('reference-no-results')).toBeVisible()
  await expect(page.getByTestId('reference-no-results')).toContainText(/charley horse/)
  await expectAccessible(page)
  await shoot(page, 'reference-no-results')
})

test('the header search finds a brand name and opens the medication check for it', async ({ page }) => {
  const header = page.getByTestId('header-search')
  await header.click()
  await header.pressSequentially('Lipitor')
  const popup = page.getByTestId('header-search-results')
  await expect(popup.getByRole('option').first()).toContainText('Atorvastatin')
  await expect(popup.getByRole('option', { name: /Medicines that can cause cramps/ })).toBeVisible()
  await shoot(page, 'reference-header-search')
  // Other providers (patients, notes) answer a moment later and re-render the list; a click is
  // not thrown off by that (arrow keys and Enter are covered on the reference screen).
  await popup.getByRole('option').first().click()
  await expect(page).toHaveURL(/#\/finder\/medicines\?q=Atorvastatin/)
  await expect(page.getByTestId('lookup-badge')).toContainText('member of Statins')
})

test('a topic page shows its exercises with their source markers', async ({ page, app }) => {
  await app.goto('#/reference/topics/exercises')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/exercises/i)
  await expect(page.locator('[data-exercise]').first()).toBeVisible()
  await expect(page.locator('[data-exercise] [data-testid="source-marker"]').first()).toBeVisible()
  await expectAccessible(page)
  await shoot(page, 'reference-topic')
})

test('cause finder ranks causes with reasons and raises the red-flag banner at once', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cause finder' }).click()
  await expect(page.getByTestId('decision-support')).toHaveText(/Decision support, not a diagnosis/)
  await expect(page.getByTestId('red-flag-banner')).toHaveCount(0)

  await page.getByLabel('When walking, easing with rest').check()
  await page.getByLabel('Calf', { exact: true }).check()
  const results = page.getByTestId('finder-results')
  await expect(results.locator('li').first()).toHaveAttribute('data-cause', 'peripheral-artery-disease')
  await expect(results.locator('li').first()).toContainText('When walking, easing with rest')
  await expect(page.getByTestId('red-flag-banner')).toHaveCount(0)

  await page.getByLabel('Pain at rest').check()
  const banner = page.getByTestId('red-flag-banner')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('Pain at rest')

  await page.getByTestId('finder-medicines').fill('Lasix 40 mg, Lipitor, metformin')
  await expect(results.locator('[data-cause="medications"]')).toContainText(/Takes Lasix/)
  await expect(page.getByTestId('medicines-unknown')).toContainText('metformin')
  await expectAccessible(page)
  await shoot(page, 'finder-red-flag')

  await results.locator('[data-cause="peripheral-artery-disease"] button').click()
  await expect(page).toHaveURL(/#\/reference\/causes\/peripheral-artery-disease/)
  await page.goBack()
  // The ticks are kept while the clinician looks at a cause and comes back.
  await expect(page.getByLabel('Pain at rest')).toBeChecked()
  await page.getByRole('button', { name: 'Start again' }).click()
  await expect(page.getByTestId('red-flag-banner')).toHaveCount(0)
})

test('a red-flag finding that points to no cause says so beside the banner', async ({ page, app }) => {
  await app.goto('#/finder')
  await page.getByLabel('Disturbing sleep or getting about').check()
  await expect(page.getByTestId('red-flag-banner')).toBeVisible()
  await expect(page.getByTestId('finder-no-cause')).toContainText(/no particular cause.*red flag above/)
  await page.getByLabel('At night or in bed').check()
  await expect(page.getByTestId('finder-no-cause')).toHaveCount(0)
  await expect(page.getByTestId('finder-results').locator('li').first()).toBeVisible()
})

test('the cause finder opens with findings and medicines passed in the address', async ({ page, app }) => {
  await app.goto('#/finder?findings=cold-exposure,no-such-finding&medicines=Lasix')
  await expect(page.getByLabel('Cold exposure')).toBeChecked()
  await expect(page.getByTestId('finder-medicines')).toHaveValue('Lasix')
  await expect(page.getByTestId('finder-results').locator('li').first()).toHaveAttribute(
    'data-cause',
    /cold-exposure|medications/,
  )
})

test('medication check: brand, generic, misspelt and unknown names', async ({ page, app }) => {
  await app.goto('#/finder/medicines')
  await page
    .getByTestId('medcheck-input')
    .fill('Lipitor 20mg\nfurosemyde; Neurontin, aspirin\tZocor ramipril')
  const results = page.getByTestId('medicine-results')
  await expect(results.locator('[data-drug="atorvastatin"]')).toContainText('Name lookup: member of Statins')
  await expect(results.locator('[data-drug="atorvastatin"]')).toContainText(/What the sources say of Statins/)
  await expect(results.locator('[data-drug="furosemide"]')).toContainText('Named by the sources')
  await expect(results.locator('[data-drug="furosemide"]')).toContainText('Read as Furosemide')
  await expect(results.locator('[data-drug="gabapentin"]')).toContainText('May help, not a cause')
  await expect(page.getByTestId('medicines-unknown')).toContainText('aspirin')
  await expect(page.getByRole('status').filter({ hasText: 'found in the reference' })).toHaveText(
    '4 of 6 found in the reference; not in it: aspirin, ramipril',
  )
  await expectAccessible(page)
  await shoot(page, 'medcheck')
  await page.getByRole('link', { name: 'Use in the cause finder' }).click()
  await expect(page.getByTestId('finder-results').locator('li').first()).toHaveAttribute(
    'data-cause',
    'medications',
  )
})

test('"When to seek help" is one click from the header on any screen', async ({ page, app }) => {
  await app.goto('#/finder/medicines')
  await page.getByTestId('seek-help').click()
  await expect(page).toHaveURL(/#\/help/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('When to seek help')
  await expect(page.locator('[data-flag="pain-at-rest"]')).toContainText(/What to do/)
  await expect(page.locator('[data-topic="when-to-seek-help"]')).toBeVisible()
  await expectAccessible(page)
  await shoot(page, 'help')
})

test('screens fit a 1024x700 window', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  for (const [hash, name] of [
    ['#/reference', 'reference'],
    ['#/reference/causes/peripheral-artery-disease', 'cause'],
    ['#/finder', 'finder'],
  ] as const) {
    await app.goto(hash)
    // Content lives in a scrolling pane, so the page's own scroll width would miss it.
    expect(await sidewaysOverflow(page), `${hash} at 1024x700`).toEqual([])
    await shoot(page, `small-${name}`)
  }
})

test('dark theme: cause page, finder with a red flag and the medication check stay readable', async ({
  page,
  app,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.goto('#/reference/topics/exercises')
  await expect(page.locator('[data-exercise] img').first()).toBeVisible()
  await expectAccessible(page)
  await shoot(page, 'dark-topic')
  await app.goto('#/finder')
  await page.getByLabel('Sores that do not heal').check()
  await page.getByTestId('finder-medicines').fill('Zocor, aspirin')
  await expect(page.getByTestId('red-flag-banner')).toBeVisible()
  await expectAccessible(page)
  await shoot(page, 'dark-finder')
  await app.goto('#/finder/medicines?q=Lipitor')
  await expect(page.getByTestId('lookup-badge')).toBeVisible()
  await expectAccessible(page)
  await shoot(page, 'dark-medcheck')
})
