/**
 * Feet at risk, end to end (issue 8): a handout made from the visit of a patient with diabetes
 * carries the guideline foot-care block near the top and no heat, hot-water or barefoot advice;
 * the editor says why and what it changed. The saved PDF's pages are rendered to PNG for a
 * person to look at (screenshots/, git-ignored).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadContent } from '../../scripts/content-fs'
import { expectAccessible, expect, SCREENSHOT_DIR, shoot, test } from './fixtures'

const content = loadContent()
const footCare = content.topics.find((t) => t.id === 'feet-at-risk')!

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const tc = await (await doc.getPage(i)).getTextContent()
    pages.push(
      tc.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    )
  }
  await doc.destroy()
  return pages
}

// Real PDFs made in Chromium: room for a loaded machine (pdfmake loads cold in each profile).
test.describe.configure({ timeout: 180_000 })

test('a handout from a diabetic patient’s visit: foot-care block near the top, no heat advice', async ({
  page,
  app,
}) => {
  // A patient whose alerts say diabetic; the feet-at-risk box is not ticked.
  await app.goto('#/patients')
  await page.getByTestId('new-patient').click()
  const dialog = page.getByTestId('new-patient-dialog')
  await dialog.getByTestId('patient-name').fill('Rosa Dunmore')
  await dialog.getByTestId('patient-alerts').fill('Type 2 diabetic. Allergic to plasters.')
  await expect(dialog.getByTestId('patient-feet-at-risk')).not.toBeChecked()
  await dialog.getByTestId('create-patient').click()
  await expect(page.getByTestId('patient-screen')).toBeVisible()
  await shoot(page, 'patient-feet-at-risk-field')
  await page.getByTestId('new-visit').click()
  await expect(page.getByTestId('visit-screen')).toBeVisible()
  const visitUrl = page.url()
  // A cause whose self-care includes warmth, and one with barefoot sand walking and marbles.
  for (const id of ['cold-exposure', 'muscle-imbalance']) {
    await app.goto(`#/reference/causes/${id}`)
    await page.getByTestId('add-to-visit').first().click()
  }
  await page.goto(visitUrl)
  await expect(page.getByTestId('visit-causes')).toContainText('Cold')
  await page.getByTestId('make-handout').click()
  await expect(page).toHaveURL(/#\/handouts\/new\?visit=/)
  await page.getByTestId('section-exercises').check()
  await page.getByTestId('section-during-a-cramp').check()

  // The editor says why the feet count as at risk, and what it changed.
  const notice = page.getByTestId('foot-safety')
  await expect(page.getByTestId('foot-safety-reasons')).toContainText('alerts mention “diabetic”')
  await expect(page.getByTestId('foot-safety-omitted')).toContainText('Use warmth')
  await expect(page.getByTestId('foot-safety-omitted')).toContainText('Walking on sand with bare feet')
  await expect(page.getByTestId('foot-safety-ask-first')).toContainText('Picking up marbles')
  await expect(notice.getByTestId('source-marker').first()).toContainText('Guideline')
  await expect(page.getByTestId('preview-page').first()).toBeVisible({ timeout: 45_000 })
  await expectAccessible(page)
  await notice.scrollIntoViewIfNeeded()
  await shoot(page, 'handout-editor-feet-at-risk')

  app.dialogs.nextSavePath()
  await page.getByTestId('handout-save').click()
  await expect(page.getByTestId('handout-notice')).toContainText('noted on the visit', { timeout: 30_000 })
  const request = app.dialogs.saveRequests.at(-1)!
  const file = join(app.savedDir, request.suggestedName)
  const bytes = new Uint8Array(readFileSync(file))
  const pages = await pdfPages(bytes)
  const all = pages.join(' ')
  // The foot-care block, on page 1, before the causes.
  expect(pages[0]).toContain(footCare.title)
  expect(pages[0]).toContain('Never walk barefoot')
  expect(all.indexOf(footCare.title)).toBeLessThan(all.indexOf('What may be causing your cramps'))
  // No heat, hot water, soaking or barefoot advice anywhere outside that block.
  const outside = all.replace(
    /Looking after feet at risk.*?If you see a change.*?out-of-\s?hours service\./,
    '',
  )
  expect(outside).not.toMatch(
    /heating pad|heat pad|warm water for a short time|soak the foot|Walk barefoot on sand/i,
  )
  expect(all).not.toContain('Walking on sand with bare feet')
  expect(all).toContain('Ask your podiatrist first.')

  // Render every page to PNG to look at.
  if (existsSync('/usr/bin/pdftoppm'))
    execFileSync('pdftoppm', ['-png', '-r', '70', file, join(SCREENSHOT_DIR, 'handout-feet-at-risk')])
})

test('the clinician can mark a patient’s feet as at risk, and the handout follows', async ({ page, app }) => {
  await app.goto('#/patients')
  await page.getByTestId('new-patient').click()
  const dialog = page.getByTestId('new-patient-dialog')
  await dialog.getByTestId('patient-name').fill('Owen Tarrant')
  await dialog.getByTestId('patient-feet-at-risk').check()
  await dialog.getByTestId('create-patient').click()
  await expect(page.getByTestId('patient-screen')).toBeVisible()
  await expect(page.getByTestId('patient-feet-at-risk')).toBeChecked()
  await page.getByTestId('new-visit').click()
  await expect(page.getByTestId('visit-screen')).toBeVisible()
  await page.getByTestId('make-handout').click()
  await expect(page.getByTestId('handout-feet-at-risk')).toBeChecked()
  await expect(page.getByTestId('foot-safety-omitted')).toContainText('Use warmth')
  // Unticked in the editor (no other reason): the usual advice comes back.
  await page.getByTestId('handout-feet-at-risk').uncheck()
  await expect(page.getByTestId('foot-safety-omitted')).toHaveCount(0)
})

test('diabetes on the visit keeps the feet at risk when the handout leaves it out', async ({ page, app }) => {
  await app.goto('#/patients')
  await page.getByTestId('new-patient').click()
  const dialog = page.getByTestId('new-patient-dialog')
  await dialog.getByTestId('patient-name').fill('Ida Penrose')
  await dialog.getByTestId('create-patient').click()
  await expect(page.getByTestId('patient-screen')).toBeVisible()
  await page.getByTestId('new-visit').click()
  await expect(page.getByTestId('visit-screen')).toBeVisible()
  const visitUrl = page.url()
  for (const id of ['diabetes', 'cold-exposure']) {
    await app.goto(`#/reference/causes/${id}`)
    await page.getByTestId('add-to-visit').first().click()
  }
  await page.goto(visitUrl)
  await expect(page.getByTestId('visit-causes')).toContainText('Diabetes')
  await page.getByTestId('make-handout').click()
  await expect(page.getByTestId('chosen-cause-diabetes')).toBeVisible()
  // The clinician takes diabetes off this handout: the feet stay at risk, and the editor says why.
  await page.getByTestId('chosen-cause-diabetes').getByRole('button').click()
  await expect(page.getByTestId('chosen-cause-diabetes')).toHaveCount(0)
  await expect(page.getByTestId('foot-safety-reasons')).toContainText(
    'The visit records Diabetes (not on this handout)',
  )
  await expect(page.getByTestId('foot-safety-omitted')).toContainText('Use a heat pad')
  // Looked at in both window sizes the team checks.
  await page.getByTestId('foot-safety').scrollIntoViewIfNeeded()
  await shoot(page, 'handout-editor-visit-cause')
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.getByTestId('foot-safety').scrollIntoViewIfNeeded()
  await shoot(page, 'handout-editor-visit-cause-1024')
})
