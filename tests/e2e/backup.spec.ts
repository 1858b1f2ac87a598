/**
 * Encrypted backups (format 2) through the real screens, the real main-process file handlers
 * (streamed) and real IndexedDB in persistent profiles: export, a file that holds no patient
 * words, damaged copies refused with nothing changed, and a restore into a fresh profile with
 * the recovery words, after which the original owner signs in with their own passphrase.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { installBridge, type InstalledBridge } from './bridge'
import { CHROMIUM_ARGS, findChromium } from './chromium'
import { expect, expectAccessible, shoot, test, waitForApp } from './fixtures'
import { dumpDb, newPatient, newVisit, saved } from './notes-helpers'
import { OWNER, setUpClinic, signIn } from './signin'

const NAME = 'Quentin Zephyrwood'
const NOTE = 'Marigold heel fissure; juniper balm twice daily.'

async function profile(
  dir: string,
  appUrl: string,
  savedDir: string,
): Promise<{ context: BrowserContext; page: Page; bridge: InstalledBridge }> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: await findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  })
  await context.route(
    (url) => !url.toString().startsWith(appUrl),
    (r) => r.abort('blockedbyclient'),
  )
  // The app's test hooks: dumpDb reads records through them (they are encrypted at rest).
  await context.addInitScript({ content: 'window.__CRAMP_E2E__ = true' })
  const bridge = await installBridge(context, { appOrigin: appUrl, savedDir, profileDir: dir })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${appUrl}/#/`)
  await waitForApp(page, { signIn: false })
  return { context, page, bridge }
}

async function toSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByTestId('backup-panel')).toBeVisible()
}

test('encrypted backup: no patient words in the file; damaged copies refused; restored into a fresh profile with the recovery words', async ({
  app,
}) => {
  // Three Argon2id set-ups or sign-ins and two browsers on a shared machine.
  test.setTimeout(240_000)
  const src = await profile(join(app.savedDir, '..', 'source-profile'), app.url, app.savedDir)
  let words: string[]
  const file = join(app.savedDir, 'clinic.ccbackup')
  let source: Record<string, unknown[]>
  try {
    const page = src.page
    words = await setUpClinic(page)
    await newPatient(page, NAME, { chart: 'ZP-7' })
    await newVisit(page)
    await page.getByTestId('visit-note').fill(NOTE)
    await saved(page)
    await toSettings(page)
    const panel = page.getByTestId('backup-panel')
    await shoot(page, 'backup-panel')
    await page.setViewportSize({ width: 1024, height: 700 })
    await shoot(page, 'backup-panel-1024')
    await page.setViewportSize({ width: 1280, height: 800 })
    src.bridge.dialogs.nextSavePath(file)
    await panel.getByTestId('export-backup').click()
    await expect(panel.getByTestId('backup-message')).toContainText(
      'Backup saved as “clinic.ccbackup”: 1 patient, 1 visit',
    )
    await expect(panel.getByTestId('backup-message')).toContainText('encrypted')
    await shoot(page, 'backup-exported')
    await expectAccessible(page)

    const bytes = readFileSync(file)
    const header = JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8')) as {
      format: string
      version: number
      counts: Record<string, number>
    }
    expect(header).toMatchObject({ format: 'cramp-clinic-backup-stream', version: 2 })
    expect(header.counts).toMatchObject({ patients: 1, visits: 1, staff: 1, clinicKeys: 1 })
    for (const w of ['Zephyrwood', 'Quentin', 'Marigold', 'juniper', 'ZP-7']) {
      expect(bytes.includes(Buffer.from(w, 'utf8')), `${w} (UTF-8)`).toBe(false)
      expect(bytes.includes(Buffer.from(w, 'utf16le')), `${w} (UTF-16LE)`).toBe(false)
    }
    source = await dumpDb(page)

    // Damaged copies: refused in words, nothing changed here.
    const flipped = join(app.savedDir, 'flipped.ccbackup')
    const bad = Buffer.from(bytes)
    const inFirstChunk = bytes.indexOf(0x0a) + 30
    bad[inFirstChunk] = bad[inFirstChunk]! ^ 0x10
    writeFileSync(flipped, bad)
    src.bridge.dialogs.nextOpenPath(flipped)
    await panel.getByTestId('choose-backup').click()
    await panel.getByTestId('restore-words').fill(words.join(' '))
    await panel.getByTestId('apply-encrypted').click()
    await page.getByTestId('confirm-ok').click()
    await expect(panel.getByTestId('backup-error')).toContainText('changed or damaged')
    await shoot(page, 'backup-refused')
    const cut = join(app.savedDir, 'cut.ccbackup')
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100))
    src.bridge.dialogs.nextOpenPath(cut)
    await panel.getByTestId('choose-backup').click()
    await panel.getByTestId('restore-words').fill(words.join(' '))
    await panel.getByTestId('apply-encrypted').click()
    await page.getByTestId('confirm-ok').click()
    await expect(panel.getByTestId('backup-error')).toContainText('incomplete')
    const now = await dumpDb(page)
    // Only the audit trail grew (the export itself is audited); every record is as it was.
    for (const t of Object.keys(source))
      if (!['audit', 'auditHead'].includes(t)) expect(now[t], t).toEqual(source[t])
  } finally {
    await src.context.close()
  }

  // A fresh profile (a new computer): the first-run screen restores the clinic with the recovery
  // words instead of setting up a new one.
  const fresh = await profile(join(app.savedDir, '..', 'fresh-profile'), app.url, app.savedDir)
  try {
    const p2 = fresh.page
    await p2.getByTestId('setup-restore-instead').click()
    const panel2 = p2.getByTestId('setup-restore')
    fresh.bridge.dialogs.nextOpenPath(file)
    await panel2.getByTestId('choose-backup').click()
    await expect(panel2.getByTestId('encrypted-preview')).toBeVisible()
    await expect(panel2.getByTestId('encrypted-counts')).toContainText('1 patient, 1 visit, 1 staff member')
    // Nothing is here yet, so nothing is said to be kept aside.
    await expect(panel2.getByTestId('restore-explainer')).not.toContainText('kept aside')
    await panel2.getByTestId('restore-words').fill(words!.join(' '))
    await expectAccessible(p2)
    await shoot(p2, 'backup-restore-preview')
    await p2.setViewportSize({ width: 1024, height: 700 })
    await shoot(p2, 'backup-restore-preview-1024')
    await panel2.getByTestId('apply-encrypted').click()
    await p2.getByTestId('confirm-ok').click()
    await expect(panel2.getByTestId('backup-message')).toContainText('Restored: 1 patient and 1 visit')
    await shoot(p2, 'backup-restored')
    // The app restarts on the restored database; the original owner signs in.
    await p2.waitForEvent('load', { timeout: 15_000 })
    await waitForApp(p2, { signIn: false })
    await signIn(p2, OWNER.name, OWNER.passphrase)
    const restored = await dumpDb(p2)
    for (const t of ['patients', 'visits', 'staff', 'clinicKeys', 'signatures', 'addenda', 'history']) {
      expect(restored[t], t).toEqual(source![t])
    }
    await p2.goto(p2.url().replace(/#.*$/, '#/patients'))
    await p2.getByTestId('patient-row').filter({ hasText: 'Zephyrwood' }).click()
    await p2.getByTestId('visit-link').first().click()
    await expect(p2.getByTestId('visit-note')).toHaveValue(NOTE)

    // With localStorage cleared the app still opens the restored records (the pointer is in
    // IndexedDB), not the empty database from before the restore.
    await p2.evaluate(() => localStorage.clear())
    await p2.goto(p2.url().replace(/#.*$/, '#/patients'))
    await p2.reload()
    await waitForApp(p2, { signIn: false })
    await signIn(p2, OWNER.name, OWNER.passphrase)
    await p2.goto(p2.url().replace(/#.*$/, '#/patients'))
    await expect(p2.getByTestId('patient-row').filter({ hasText: 'Zephyrwood' })).toBeVisible()

    // The fresh install's empty database held nothing: deleted, not set aside for the owner.
    const names = () => p2.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
    // Restored notes databases, without their search snapshots beside them.
    const restoredDbs = async () =>
      (await names()).filter((n) => n?.startsWith('cramp-clinic-restored-') && !n.endsWith('-note-index'))
    expect(await names()).not.toContain('cramp-clinic')
    await toSettings(p2)
    const aside = p2.getByTestId('set-aside-databases')
    await expect(aside.getByTestId('set-aside-none')).toBeVisible()

    // Restored again over the clinic: the records in use are set aside, listed in Settings →
    // Storage with their counts, and the owner removes them. Their sealed search snapshot
    // (written a few seconds after sign-in) is deleted with the switch.
    const [first] = await restoredDbs()
    await expect.poll(names, { timeout: 30_000 }).toContain(`${first}-note-index`)
    const panel3 = p2.getByTestId('backup-panel')
    fresh.bridge.dialogs.nextOpenPath(file)
    await panel3.getByTestId('choose-backup').click()
    await expect(panel3.getByTestId('restore-explainer')).toContainText('kept aside on this computer')
    await panel3.getByTestId('restore-words').fill(words!.join(' '))
    await panel3.getByTestId('apply-encrypted').click()
    await p2.getByTestId('confirm-ok').click()
    await expect(panel3.getByTestId('backup-message')).toContainText('kept aside, not deleted')
    await p2.waitForEvent('load', { timeout: 15_000 })
    await waitForApp(p2, { signIn: false })
    await signIn(p2, OWNER.name, OWNER.passphrase)
    await toSettings(p2)
    await expect(aside.getByTestId('set-aside-entry')).toHaveCount(1)
    await expect(aside.getByTestId('set-aside-entry')).toContainText('1 patient, 1 visit')
    expect(await restoredDbs(), 'the one in use and the one set aside').toHaveLength(2)
    expect(await names(), 'the sealed search snapshot of the one set aside is gone').not.toContain(
      `${first}-note-index`,
    )
    await aside.scrollIntoViewIfNeeded()
    await p2.setViewportSize({ width: 1280, height: 800 })
    await aside.scrollIntoViewIfNeeded()
    await expectAccessible(p2)
    await shoot(p2, 'storage-set-aside')
    await p2.setViewportSize({ width: 1024, height: 700 })
    await aside.scrollIntoViewIfNeeded()
    await shoot(p2, 'storage-set-aside-1024')
    await aside.getByTestId('remove-set-aside').click()
    const confirm = p2.getByTestId('confirm-dialog')
    await expect(confirm).toContainText('This cannot be undone')
    await shoot(p2, 'storage-set-aside-confirm-1024')
    await confirm.getByTestId('confirm-ok').click()
    await expect(aside.getByTestId('set-aside-message')).toContainText('was removed')
    await expect(aside.getByTestId('set-aside-none')).toBeVisible()
    expect(await restoredDbs()).toHaveLength(1)
  } finally {
    await fresh.context.close()
  }
})
