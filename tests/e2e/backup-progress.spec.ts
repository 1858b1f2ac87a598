/**
 * A long backup and a long restore in the real app: each shows its progress with the time left,
 * and Cancel on either leaves nothing behind (no file, no half-written temp file, the records
 * as they were). The CPU is slowed through the DevTools protocol so a few thousand visits take
 * long enough to see the bar and press Cancel.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, shoot, test, waitForApp } from './fixtures'
import { dumpDb, newPatient, newVisit, saved } from './notes-helpers'
import { setUpClinic } from './signin'

const COPIES = 3000

/** Copies the one visit COPIES times through the app's own table (sealed on the way in). */
async function manyVisits(page: Page, visitId: string): Promise<void> {
  await page.evaluate(
    async ([id, n]) => {
      type Table = { get(id: string): Promise<object>; bulkPut(rows: object[]): Promise<unknown> }
      const visits = (window as unknown as { __crampTable: (t: string) => Table }).__crampTable('visits')
      const one = await visits.get(id)
      const rows = Array.from({ length: n as number }, (_, i) => ({ ...one, id: `${id}-copy-${i}` }))
      await visits.bulkPut(rows)
    },
    [visitId, COPIES] as const,
  )
}

async function slowCpu(page: Page, rate: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  return async () => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await cdp.detach()
  }
}

test('a long backup and restore show progress with time left; Cancel on either leaves nothing behind', async ({
  app,
}) => {
  test.setTimeout(300_000)
  const page = app.context.pages()[0] ?? (await app.context.newPage())
  await page.goto(`${app.url}/#/`)
  await waitForApp(page, { signIn: false })
  const words = await setUpClinic(page)
  await newPatient(page, 'Petra Progress')
  const visitId = await newVisit(page)
  await page.getByTestId('visit-note').fill('Night cramps in both calves.')
  await saved(page)
  await manyVisits(page, visitId)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const panel = page.getByTestId('backup-panel')
  await expect(panel).toBeVisible()

  // A whole export, slowed: its progress with the time left.
  const file = join(app.savedDir, 'whole.ccbackup')
  let fast = await slowCpu(page, 10)
  app.dialogs.nextSavePath(file)
  await panel.getByTestId('export-backup').click()
  await expect(panel.getByTestId('export-progress')).toContainText(/[1-9]\d*% · (Less than|About)/, {
    timeout: 60_000,
  })
  await shoot(page, 'backup-export-progress')
  await expect(panel.getByTestId('backup-message')).toContainText(
    `${(COPIES + 1).toLocaleString('en')} visits`,
    {
      timeout: 120_000,
    },
  )
  const before = await dumpDb(page)

  // Another, cancelled as soon as it starts: no file, no half-written temp file.
  const cancelledFile = join(app.savedDir, 'cancelled.ccbackup')
  app.dialogs.nextSavePath(cancelledFile)
  await panel.getByTestId('export-backup').click()
  await panel.getByTestId('export-progress-cancel').click()
  await fast()
  await expect(panel.getByTestId('backup-error')).toContainText('cancelled')
  expect(existsSync(cancelledFile)).toBe(false)
  expect(readdirSync(app.savedDir).filter((f) => f.includes('cancelled'))).toEqual([])

  // A restore, cancelled as soon as it starts: the records as they were.
  app.dialogs.nextOpenPath(file)
  await panel.getByTestId('choose-backup').click()
  await panel.getByTestId('restore-words').fill(words.join(' '))
  fast = await slowCpu(page, 10)
  await panel.getByTestId('apply-encrypted').click()
  await page.getByTestId('confirm-ok').click()
  await panel.getByTestId('restore-progress-cancel').click()
  await expect(panel.getByTestId('backup-error')).toContainText('cancelled')
  const after = await dumpDb(page)
  // Only the audit trail may grow; every record is as it was.
  for (const t of Object.keys(before))
    if (!['audit', 'auditHead'].includes(t)) expect(after[t], t).toEqual(before[t])

  // The same restore run to the end, slowed: its bar, then every visit back after the restart.
  app.dialogs.nextOpenPath(file)
  await panel.getByTestId('choose-backup').click()
  await panel.getByTestId('restore-words').fill(words.join(' '))
  await panel.getByTestId('apply-encrypted').click()
  await page.getByTestId('confirm-ok').click()
  const restoring = panel.getByTestId('restore-progress')
  await expect(restoring).toBeVisible()
  await restoring.scrollIntoViewIfNeeded()
  await shoot(page, 'backup-restore-progress')
  await expect(panel.getByTestId('backup-message')).toContainText(
    `Restored: 1 patient and ${(COPIES + 1).toLocaleString('en')} visits`,
    { timeout: 120_000 },
  )
  await fast()
  await page.waitForEvent('load', { timeout: 15_000 })
  await waitForApp(page)
  expect((await dumpDb(page))['visits']).toHaveLength(COPIES + 1)
})
