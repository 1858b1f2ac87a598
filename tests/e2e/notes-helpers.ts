/** Steps the notes browser tests share: reach the patients, make a patient and a visit, read the database. */
import type { BrowserContext, Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * Every row of every table of the notes database as the app reads it: records are encrypted at
 * rest, so they are opened by the app's test hook with the signed-in session's keys.
 */
export async function dumpDb(page: Page): Promise<Record<string, unknown[]>> {
  // Installed when the harness sets window.__CRAMP_E2E__ (fixtures.ts, or by hand for a context).
  await page.waitForFunction(() => '__crampDump' in window, null, { timeout: 15_000 })
  return page.evaluate(() =>
    (window as unknown as { __crampDump: () => Promise<Record<string, unknown[]>> }).__crampDump(),
  )
}

/** Every row exactly as IndexedDB holds it (sealed records stay sealed), with the plain API. */
export async function rawDb(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    // The database the app opens: a verified restore may have switched it (notes/backup/activeDatabase.ts).
    let name = 'cramp-clinic'
    try {
      name =
        (
          JSON.parse(localStorage.getItem('cramp-clinic.activeDatabase') ?? 'null') as {
            active: string
          } | null
        )?.active ?? name
    } catch {
      // the usual database
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const out: Record<string, unknown[]> = {}
    for (const name of Array.from(db.objectStoreNames)) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll()
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
    }
    db.close()
    return out
  })
}

/**
 * The patient list from the sidebar. A click in the first moments after start can land while the
 * start-up navigation is still settling, so it is repeated until the list shows.
 */
export async function toPatients(page: Page): Promise<void> {
  await expect(async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click()
    await expect(page.getByTestId('patients-screen')).toBeVisible({ timeout: 2000 })
  }).toPass()
}

export async function newPatient(
  page: Page,
  name: string,
  extra: { chart?: string; meds?: string } = {},
): Promise<void> {
  await toPatients(page)
  await page.getByTestId('new-patient').click()
  const dialog = page.getByTestId('new-patient-dialog')
  await dialog.getByTestId('patient-name').fill(name)
  if (extra.chart) await dialog.getByTestId('patient-chart').fill(extra.chart)
  if (extra.meds) await dialog.getByTestId('patient-medicines').fill(extra.meds)
  await dialog.getByTestId('create-patient').click()
  await expect(page.getByTestId('patient-title')).toHaveText(name)
}

export async function newVisit(page: Page): Promise<string> {
  await page.getByTestId('new-visit').click()
  await expect(page.getByTestId('visit-screen')).toBeVisible()
  return /#\/visits\/([^?]+)/.exec(page.url())![1]!
}

export async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
}

export interface StoredVisit {
  id: string
  reason: string
  note: string
  plan: string
  followUpDate: string
  rev: string
  conflicts: string[]
}

export async function storedVisit(page: Page, id: string): Promise<StoredVisit> {
  return (await dumpDb(page))['visits']!.find((v) => (v as { id: string }).id === id) as StoredVisit
}

export async function historyOf(
  page: Page,
  id: string,
): Promise<{ why: string; note: string; record: StoredVisit }[]> {
  return (
    (await dumpDb(page))['history'] as { recordId: string; why: string; note: string; record: StoredVisit }[]
  ).filter((h) => h.recordId === id)
}

/**
 * The page-hide copies of unsaved typing in localStorage, read from a blank page of the app's
 * origin (the app itself would take them into the database after sign-in).
 */
export async function pageHideCopies(
  context: BrowserContext,
  origin: string,
): Promise<Record<string, string>> {
  const blank = await context.newPage()
  await blank.route(`${origin}/__blank`, (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
  )
  await blank.goto(`${origin}/__blank`)
  const copies = await blank.evaluate(() =>
    Object.fromEntries(
      Object.entries(localStorage).filter(
        ([k]) => k.startsWith('cramp.visit-draft.') || k.startsWith('cramp.patient-draft.'),
      ),
    ),
  )
  await blank.close()
  return copies
}

/** Types into a visit's note and closes the window at once, before any autosave is due. */
export async function typeAndClose(page: Page, text: string): Promise<void> {
  await page.getByTestId('visit-note').fill(text)
  // The sealed copy is made in the background as the text changes: well under a millisecond of
  // work, given a generous moment here before the window goes.
  await page.waitForTimeout(150)
  await page.close({ runBeforeUnload: true })
}
