import { expectAccessible, expect, shoot, sidewaysOverflow, test } from './fixtures'
import { loadContent } from '../../scripts/content-fs'

const content = loadContent()

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
  await box.fill('dehydrashun')
  await expect(page.getByTestId('reference-no-results')).toBeVisible()
  await expect(page.getByTestId('reference-no-results')).toContainText(/Did you mean: Dehydration/)
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
  await expect(page.getByTestId('lookup-badge')).toContainText('Not named by the sources: one of the statins')
})

test('a search outside the reference says "not covered"; "liver" finds liver disease, not "live"', async ({
  page,
}) => {
  const box = page.getByRole('combobox', { name: 'Find a cause, topic or medicine' })
  await box.fill('plantar fasciitis')
  const none = page.getByTestId('reference-not-covered')
  await expect(none).toContainText('is not covered by this reference')
  await expect(none).toContainText(/It covers foot, ankle and leg cramps/)
  await expect(page.getByTestId('reference-results')).toBeHidden()
  await expectAccessible(page)
  await shoot(page, 'reference-not-covered')
  await box.fill('liver')
  const results = page.getByTestId('reference-results')
  await expect(results.getByRole('option').first()).toContainText('Liver disease')
  await expect(results.locator('[data-hit="topic:exercises"]')).toHaveCount(0)
  await box.fill('jumpy legs')
  await expect(results.getByRole('option').first()).toContainText('Is it a cramp?')
})

test('a source marker opens by keyboard and by tap, naming the kind of source', async ({ page, app }) => {
  await app.goto('#/reference/causes/peripheral-artery-disease')
  const marker = page.locator('[data-section="guideline"] [data-testid="source-marker"]')
  await expect(marker).toContainText('Guideline')
  await marker.focus()
  await page.keyboard.press('Enter')
  const pop = page.getByTestId('source-popover')
  await expect(pop).toBeVisible()
  await expect(pop).toContainText('National Institute for Health and Care Excellence')
  await shoot(page, 'reference-source-popover')
  await page.keyboard.press('Escape')
  await expect(pop).toBeHidden()
  await marker.tap().catch(async () => marker.click())
  await expect(pop).toBeVisible()
  // Every finder weight on the page names its sources too.
  await expect(page.getByTestId('cause-weights').locator('li').first()).toContainText('Claudication')
  await expect(page.getByTestId('source-list')).toContainText('https://')
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

  await page.getByLabel('Numbness or tingling').check()
  const results = page.getByTestId('finder-results')
  const banner = page.getByTestId('red-flag-banner')
  await expect(banner).toHaveAttribute('data-urgency', 'unspecified')
  await expect(banner).toContainText('See a doctor: the sources give no urgency')
  await page.getByLabel('Numbness or tingling').uncheck()

  // The claudication picture: an older smoker with calf pain on walking that eases with rest.
  await page.getByLabel('Calf or thigh pain on walking, easing with rest').check()
  await page.getByLabel('Calf', { exact: true }).check()
  await page.getByLabel('Older age').check()
  await page.getByLabel('Alcohol or smoking').check()
  await expect(results.locator('li').first()).toHaveAttribute('data-cause', 'peripheral-artery-disease')
  const pad = results.locator('li').first()
  await expect(pad).toContainText('Calf or thigh pain on walking, easing with rest')
  await expect(pad.getByTestId('cause-fit')).toHaveText('Strong fit')
  await expect(pad).not.toContainText(/score \d/)
  await expect(pad.getByTestId('source-marker').first()).toContainText('Guideline')
  await expect(banner).toHaveAttribute('data-urgency', 'soon')
  await expect(banner).toContainText('Red flag: to be seen within days')
  // The distinction the clinician needs: claudication, night cramp and rest pain.
  await expect(banner.locator('[data-flag="claudication"]')).toContainText(/night cramp/)
  await expect(banner.locator('[data-flag="claudication"]')).toContainText(/rest pain/)
  await expectAccessible(page)
  await shoot(page, 'finder-claudication')

  await page.getByLabel('Pain at rest (toes, worse with the leg raised)').check()
  await expect(banner).toHaveAttribute('data-urgency', 'now')
  await expect(banner.locator('[data-flag="pain-at-rest"]')).toContainText('Same day')
  await expect(banner.locator('li').first()).toHaveAttribute('data-flag', 'pain-at-rest')

  await page.getByTestId('finder-medicines').fill('Lasix 40 mg, Lipitor, metformin')
  await expect(results.locator('[data-cause="medications"]')).toContainText(/Takes Lasix/)
  await expect(page.getByTestId('medicines-unknown')).toContainText('metformin')
  await expectAccessible(page)
  await shoot(page, 'finder-red-flag')

  await results.locator('[data-cause="peripheral-artery-disease"] button.cause-link').click()
  await expect(page).toHaveURL(/#\/reference\/causes\/peripheral-artery-disease/)
  await page.goBack()
  // The ticks are kept while the clinician looks at a cause and comes back.
  await expect(page.getByLabel('Pain at rest (toes, worse with the leg raised)')).toBeChecked()
  await page.getByRole('button', { name: 'Start again' }).click()
  await expect(page.getByTestId('red-flag-banner')).toHaveCount(0)
})

test('disturbed sleep alone is routine, not urgent, and points to no cause', async ({ page, app }) => {
  await app.goto('#/finder')
  await page.getByLabel('Disturbing sleep or getting about').check()
  const banner = page.getByTestId('red-flag-banner')
  await expect(banner).toHaveAttribute('data-urgency', 'routine')
  await expect(banner).toContainText('See a doctor: a routine GP appointment')
  await expect(banner).not.toContainText(/same day|within days/i)
  await shoot(page, 'finder-routine')
  await expect(page.getByTestId('finder-no-cause')).toContainText(/no particular cause.*red flag above/)
  await page.getByLabel('At night or in bed').check()
  await expect(page.getByTestId('finder-no-cause')).toHaveCount(0)
  await expect(page.getByTestId('finder-results').locator('li').first()).toBeVisible()
})

test('the cause finder opens with findings and medicines passed in the address', async ({ page, app }) => {
  await app.goto('#/finder?findings=cold-exposure,no-such-finding&medicines=Lasix')
  await expect(page.getByRole('checkbox', { name: 'Cold exposure' })).toBeChecked()
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
  await expect(results.locator('[data-drug="atorvastatin"]')).toContainText(
    'Not named by the sources: one of the statins',
  )
  await expect(results.locator('[data-drug="atorvastatin"]')).toContainText(/What the sources say of statins/)
  await expect(results).not.toContainText(/member of|Name lookup/)
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
  // Grouped by urgency, each with its tier and the source that gives it.
  await expect(page.locator('section[data-tier="now"] [data-flag="pain-at-rest"]')).toBeVisible()
  await expect(page.locator('section[data-tier="soon"] [data-flag="claudication"]')).toContainText(
    'Urgency from',
  )
  await expect(
    page.locator('section[data-tier="routine"] [data-flag="disturbed-sleep-mobility"]'),
  ).toBeVisible()
  await expect(page.locator('section[data-tier="unspecified"] [data-flag="numbness"]')).toBeVisible()
  await expect(page.locator('[data-topic="when-to-seek-help"]')).toBeVisible()
  await expectAccessible(page)
  await shoot(page, 'help')
})

test('screens fit a 1024x700 window', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  for (const [hash, name] of [
    ['#/reference', 'reference'],
    ['#/reference/causes/peripheral-artery-disease', 'cause'],
    ['#/reference/topics/is-it-a-cramp', 'clinician-topic'],
    ['#/finder', 'finder'],
    ['#/help', 'help'],
  ] as const) {
    await app.goto(hash)
    // Content lives in a scrolling pane, so the page's own scroll width would miss it.
    expect(await sidewaysOverflow(page), `${hash} at 1024x700`).toEqual([])
    await shoot(page, `small-${name}`)
  }
})

test('the ranking stays in view while ticking, on the finder screen and beside a visit', async ({
  page,
  app,
}) => {
  await app.goto('#/finder')
  // The last finding of the list is far down; the ranking beside it is still on screen.
  await page.getByLabel('Sores that do not heal').check()
  await page.getByLabel('Nerve compression near the spine').scrollIntoViewIfNeeded()
  await page.getByLabel('Nerve compression near the spine').check()
  await expect(page.getByTestId('finder-results').locator('li').first()).toBeInViewport()
  await expect(page.getByTestId('red-flag-banner')).toBeInViewport()
  await shoot(page, 'finder-in-view')

  // Beside a visit the panel is narrow: a strip pinned above the list names the answer.
  await app.goto('#/patients')
  await page.getByTestId('new-patient').click()
  await page.getByTestId('new-patient-dialog').getByTestId('patient-name').fill('Ivy Strand')
  await page.getByTestId('create-patient').click()
  await page.getByTestId('new-visit').click()
  await expect(page.getByTestId('visit-screen')).toBeVisible()
  await page.getByTestId('tab-finder').click()
  const panel = page.getByTestId('visit-side-panel')
  await panel.getByLabel('Calf or thigh pain on walking, easing with rest').check()
  await panel.getByLabel('Nerve compression near the spine').scrollIntoViewIfNeeded()
  await panel.getByLabel('Nerve compression near the spine').check()
  const strip = panel.getByTestId('finder-strip')
  await expect(strip).toBeInViewport()
  await expect(strip).toContainText('Peripheral artery disease')
  await expect(strip.locator('[data-tier="soon"]')).toBeVisible()
  await shoot(page, 'visit-finder-strip')
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect(strip).toBeInViewport()
  await shoot(page, 'visit-finder-strip-small')
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

test('About says what the reference rests on and what changed in this content version', async ({ page }) => {
  await page.getByRole('button', { name: 'About' }).click()
  const dialog = page.getByTestId('about-dialog')
  await expect(dialog.getByTestId('about-claims')).toContainText('8 guideline source notes')
  await expect(dialog.getByTestId('about-claims')).toContainText('4 web articles')
  await expect(dialog.getByTestId('about-claims')).not.toContainText(
    'Every clinical statement cites its source article',
  )
  const changes = dialog.getByTestId('content-changes')
  await expect(changes).toContainText(`What changed in content ${content.meta.version}`)
  await expect(changes).toContainText(/quinine/)
  // Earlier versions' changes stay a click away.
  await changes.locator('summary').click()
  await expect(changes).toContainText(/Feet at risk/)
  await expectAccessible(page)
  await shoot(page, 'about-content-changes')
})
