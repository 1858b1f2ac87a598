/**
 * Encryption at rest, in a real browser with a persistent profile: what a patient told the clinic
 * is nowhere in the profile folder's files once the browser is closed (issue 13).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, shoot, test } from './fixtures'
import { newPatient, newVisit, pageHideCopies, rawDb, saved, typeAndClose } from './notes-helpers'
import { OWNER } from './signin'

/** Distinctive words found in no dictionary, UI text or reference content. */
const WORDS = ['Quallbrook', 'QX-48151', 'Glimmerazine', 'vortexia', 'zorblatt', 'Plimbrosk']

/** When the sealed note index snapshot was last written ('' if never); runs in the page. */
async function snapshotSavedAt(): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('cramp-clinic-note-index')
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error as Error)
  })
  try {
    if (!db.objectStoreNames.contains('snapshots')) return ''
    const row = await new Promise<{ savedAt?: string } | undefined>((resolve, reject) => {
      const req = db.transaction('snapshots').objectStore('snapshots').get('notes')
      req.onsuccess = () => resolve(req.result as { savedAt?: string } | undefined)
      req.onerror = () => reject(req.error as Error)
    })
    return row?.savedAt ?? ''
  } finally {
    db.close()
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    const s = statSync(path, { throwIfNoEntry: false })
    if (!s) return []
    return s.isDirectory() ? filesUnder(path) : s.isFile() ? [path] : []
  })
}

/** Where each word occurs, as UTF-8 or UTF-16LE bytes, in either case as typed or folded. */
function occurrences(files: string[], words: string[]): string[] {
  const needles = words.flatMap((w) =>
    [w, w.toLowerCase()].flatMap((v) => [
      { label: `${v} (UTF-8)`, bytes: Buffer.from(v, 'utf8') },
      { label: `${v} (UTF-16LE)`, bytes: Buffer.from(v, 'utf16le') },
    ]),
  )
  const found: string[] = []
  for (const file of files) {
    const bytes = readFileSync(file)
    for (const n of needles) if (bytes.includes(n.bytes)) found.push(`${n.label} in ${file}`)
  }
  return found
}

test('a patient and a note leave no readable trace in the profile folder', async ({ page, app }) => {
  test.setTimeout(180_000)
  await newPatient(page, 'Zephyrine Quallbrook', { chart: 'QX-48151', meds: 'Glimmerazine' })
  const id = await newVisit(page)
  await page.getByTestId('visit-reason').fill('vortexia of the left calf')
  await page.getByTestId('visit-note').fill('Night cramps, zorblatt pattern, vortexia after walking.')
  await page.getByTestId('visit-plan').fill('Stretch before bed; review the zorblatt pattern.')
  await saved(page)
  // The app reads them back, and what IndexedDB holds is sealed.
  const raw = await rawDb(page)
  const rows = [...raw['patients']!, ...raw['visits']!] as { sealed?: unknown }[]
  expect(rows.length).toBe(2)
  for (const row of rows) expect(row.sealed).toBeTruthy()
  await expect(page.getByTestId('visit-note')).toHaveValue(/zorblatt/)
  // The note search index, which holds these words, is saved sealed a few seconds after the
  // visit was indexed (notes/searchSnapshot.ts): wait for it, so the file search below covers it.
  const after = new Date().toISOString()
  await expect
    .poll(async () => (await page.evaluate(snapshotSavedAt)) > after, { timeout: 60_000, intervals: [1000] })
    .toBe(true)

  expect(await page.locator('body').innerText()).toContain('Quallbrook')

  // Settings → Storage says every record is encrypted (a new profile has nothing to convert).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const line = page.getByTestId('storage-encryption')
  await expect(line).toHaveText('Every record is encrypted on this computer.')
  await line.scrollIntoViewIfNeeded()
  await shoot(page, 'storage-encryption-1280')
  await page.setViewportSize({ width: 1024, height: 700 })
  await line.scrollIntoViewIfNeeded()
  await shoot(page, 'storage-encryption-1024')
  // Typing left unsaved when the window closes: its page-hide copy is in the scan below too.
  await page.goto(`${app.url}/#/visits/${id}`)
  await expect(page.getByTestId('visit-note')).toHaveValue(/zorblatt/)
  await typeAndClose(page, 'Unsaved: Plimbrosk cramps in the morning.')
  expect(Object.keys(await pageHideCopies(app.context, app.url))).toHaveLength(1)
  await app.context.close()

  const files = filesUnder(app.profileDir)
  expect(files.length).toBeGreaterThan(10)
  expect(occurrences(files, WORDS)).toEqual([])
  // The search does find what is stored in clear: the staff name (sealed, not secret; README).
  expect(occurrences(files, [OWNER.name]).length).toBeGreaterThan(0)
})
