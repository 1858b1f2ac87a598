/**
 * Nothing typed or saved is lost: a real crash (SIGKILL of the browser), two windows editing,
 * "Keep both", the version history, and a merged backup whose copy of a visit went its own way.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { backupFromRecords } from '../../src/renderer/src/notes/backup'
import { canonicalJson, sha256Hex } from '../../src/renderer/src/notes/canonical'
import type { PatientRow, VisitRow } from '../../src/renderer/src/notes/db'
import type { HandoutRow, HistoryEntry } from '../../src/renderer/src/notes/model'
import { fromPatientRow, fromVisitRow } from '../../src/renderer/src/notes/rows'
import { CHROMIUM_ARGS } from './chromium'
import { expect, expectAccessible, shoot, test, waitForApp } from './fixtures'
import {
  dumpDb,
  historyOf,
  newPatient,
  newVisit,
  pageHideCopies,
  saved,
  storedVisit,
  typeAndClose,
} from './notes-helpers'

/** Chromium started by this test, on a profile folder it keeps, driven over CDP. */
async function launchOwnChromium(
  executablePath: string,
  profile: string,
): Promise<{ child: ChildProcess; browser: Browser }> {
  const child = spawn(
    executablePath,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 60_000)
    child.stderr!.on('data', (d: Buffer) => {
      seen += String(d)
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
  })
  return { child, browser: await chromium.connectOverCDP(endpoint) }
}

async function appPage(browser: Browser, url: string): Promise<Page> {
  const context = browser.contexts()[0]!
  const page = context.pages()[0] ?? (await context.newPage())
  // Nothing may leave the machine here either.
  await context.route(
    (u) => !u.toString().startsWith(url) && !/^(data|blob|about):/.test(u.toString()),
    (r) => r.abort('blockedbyclient'),
  )
  await page.goto(`${url}/#/patients`)
  await waitForApp(page)
  return page
}

test('a crash (SIGKILL) after 12 s of steady typing loses at most 1.5 s of it', async ({
  server,
  executablePath,
}) => {
  test.setTimeout(180_000)
  const profile = mkdtempSync(join(tmpdir(), 'cramp-crash-'))
  try {
    let { child, browser } = await launchOwnChromium(executablePath, profile)
    let page = await appPage(browser, server.url)
    await newPatient(page, 'Cass Crash')
    const id = await newVisit(page)
    await saved(page)
    const note = page.getByTestId('visit-note')
    await note.click()
    // Steady typing, a key every 100 ms: never the pause a debounce alone would wait for.
    const typed: { ch: string; at: number }[] = []
    const words = 'calf cramps wake her twice a night since the new tablets '
    // The kill comes at any moment of the save cycle, not in step with it.
    const jitter = Math.floor(Math.random() * 1000)
    const start = Date.now()
    for (let i = 0; Date.now() - start < 12_000 + jitter; i++) {
      const ch = words[i % words.length]!
      await page.keyboard.type(ch)
      typed.push({ ch, at: Date.now() })
      const next = start + (i + 1) * 100
      if (next > Date.now()) await page.waitForTimeout(next - Date.now())
    }
    const killedAt = Date.now()
    // The whole browser, at once, as a crash or a power cut would end it.
    process.kill(-child.pid!, 'SIGKILL')
    await new Promise((r) => child.once('exit', r))
    await browser.close().catch(() => undefined)

    ;({ child, browser } = await launchOwnChromium(executablePath, profile))
    page = await appPage(browser, server.url)
    await page.goto(`${server.url}/#/visits/${id}`)
    await expect(page.getByTestId('visit-screen')).toBeVisible()
    const back = await page.getByTestId('visit-note').inputValue()
    const all = typed.map((t) => t.ch).join('')
    expect(all.startsWith(back), 'what came back is what was typed, in order').toBe(true)
    const firstLost = typed[back.length]
    const lostMs = firstLost ? killedAt - firstLost.at : 0
    console.log(
      `crash test: ${typed.length} keys typed over ${12_000 + jitter} ms, ${typed.length - back.length} lost (${lostMs} ms)`,
    )
    test.info().annotations.push({
      type: 'crash',
      description: `${typed.length} keys typed over 12 s; ${typed.length - back.length} lost, the last ${lostMs} ms`,
    })
    expect(back.length).toBeGreaterThan(0)
    expect(lostMs).toBeLessThanOrEqual(1500)
    await browser.close()
    process.kill(-child.pid!, 'SIGKILL')
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
})

test('a window closed with unsaved typing leaves only a sealed copy; it comes back after sign-in', async ({
  page,
  app,
}) => {
  await newPatient(page, 'Cora Closing')
  const id = await newVisit(page)
  await saved(page)
  const words = ['Brindlewhisk', 'quorvantine']
  await typeAndClose(page, `Woke with ${words[0]} cramps; tried ${words[1]} stretches.`)
  const copies = await pageHideCopies(app.context, app.url)
  const keys = Object.keys(copies)
  expect(keys).toEqual([expect.stringContaining(id)])
  const stored = copies[keys[0]!]!
  expect(JSON.parse(stored)).toMatchObject({ sealed: 2 })
  for (const w of words) expect(stored.toLowerCase()).not.toContain(w.toLowerCase())
  expect(stored).not.toContain('Woke')

  // Relaunch: the copy waits, sealed, until someone signs in (restart signs in), then comes back.
  const again = await app.restart()
  await again.goto(`${app.url}/#/visits/${id}`)
  await expect(again.getByTestId('visit-note')).toHaveValue(
    `Woke with ${words[0]} cramps; tried ${words[1]} stretches.`,
  )
  await expect(again.getByTestId('unreadable-copy')).toHaveCount(0)
  await expect.poll(async () => Object.keys(await pageHideCopies(app.context, app.url))).toEqual([])
})

test('a copy of unsaved typing that does not open is kept, and the visit says so', async ({ page, app }) => {
  await newPatient(page, 'Ula Unreadable')
  const id = await newVisit(page)
  await saved(page)
  // As another clinic's key, or an edit on disk, would leave it: sealed, but not by these keys.
  const key = `cramp.visit-draft.${id}@gone-window`
  const copy = JSON.stringify({ sealed: 2, c: 'A'.repeat(64) })
  await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, copy])
  await app.reload(page)
  const notice = page.getByTestId('unreadable-copy')
  await expect(notice).toContainText('could not be read')
  await expect(notice).toContainText('nothing was changed')
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(copy)
  await expectAccessible(page)
  await shoot(page, 'notes-unreadable-copy')
  await page.setViewportSize({ width: 1024, height: 700 })
  await shoot(page, 'notes-unreadable-copy-1024')
})

test('two windows changing different fields of a visit: both changes are kept, nobody is asked', async ({
  page,
  app,
}) => {
  await newPatient(page, 'Dot Different')
  const id = await newVisit(page)
  await saved(page)
  const other = await app.newPage(`#/visits/${id}`)
  await page.getByTestId('visit-plan').fill('Calf stretches before bed.')
  await other.getByTestId('visit-reason').fill('Night cramps, left calf')
  await expect
    .poll(async () => {
      const v = await storedVisit(page, id)
      return [v.plan, v.reason]
    })
    .toEqual(['Calf stretches before bed.', 'Night cramps, left calf'])
  await saved(page)
  await saved(other)
  await expect(page.getByTestId('conflict')).toHaveCount(0)
  await expect(other.getByTestId('conflict')).toHaveCount(0)
  await expect(page.getByTestId('visit-reason')).toHaveValue('Night cramps, left calf')
  await expect(other.getByTestId('visit-plan')).toHaveValue('Calf stretches before bed.')
  await other.close()
})

test('"Keep both" keeps both windows\' versions in full, every field', async ({ page, app }) => {
  await newPatient(page, 'Flo Both')
  const id = await newVisit(page)
  await saved(page)
  const other = await app.newPage(`#/visits/${id}`)
  // Both windows type into the same fields before either save lands: a real clash, field by field.
  const fields: [string, (n: string) => string][] = [
    ['visit-reason', (n) => `Reason ${n}`],
    ['visit-note', (n) => `Note written in window ${n}.`],
    ['visit-plan', (n) => `Plan ${n}.`],
    ['visit-follow-up', (n) => (n === 'one' ? '01/12/2026' : '24/12/2026')],
  ]
  for (const [testid, value] of fields) {
    await page.getByTestId(testid).fill(value('one'))
    await other.getByTestId(testid).fill(value('two'))
  }
  await page.getByTestId('visit-reason').focus()
  await other.getByTestId('visit-reason').focus()
  await expect
    .poll(
      async () =>
        (await page.getByTestId('conflict').count()) + (await other.getByTestId('conflict').count()),
    )
    .toBe(1)
  const [loser, mine, theirs] = (await other.getByTestId('conflict').count())
    ? [other, 'two', 'one']
    : [page, 'one', 'two']
  const differences = loser.getByTestId('conflict-differences')
  for (const field of ['Reason for visit', 'Note', 'Plan', 'Follow-up date']) {
    await expect(differences.locator(`[data-field="${field}"]`)).toBeVisible()
  }
  await expectAccessible(loser)
  await shoot(loser, 'notes-conflict')
  await loser.setViewportSize({ width: 1024, height: 700 })
  await shoot(loser, 'notes-conflict-1024')
  await loser.getByTestId('conflict-combine').click()
  await saved(loser)
  await expect(loser.getByTestId('save-notice')).toContainText('Follow-up date')
  const v = await storedVisit(page, id)
  expect(v.note).toContain(`Note written in window ${theirs}.`)
  expect(v.note).toContain(`Note written in window ${mine}.`)
  expect(v.plan).toContain(`Plan ${theirs}.`)
  expect(v.plan).toContain(`Plan ${mine}.`)
  expect(v.reason).toBe(`Reason ${theirs} / Reason ${mine}`)
  // Each version exactly as it was, whole, in the history.
  const kept = (await historyOf(page, id)).map((h) => h.record)
  for (const n of ['one', 'two']) {
    expect(kept).toContainEqual(
      expect.objectContaining({
        reason: `Reason ${n}`,
        note: `Note written in window ${n}.`,
        plan: `Plan ${n}.`,
        followUpDate: n === 'one' ? '2026-12-01' : '2026-12-24',
      }),
    )
  }
  await other.close()
})

test('the history of a visit: see what changed, bring an earlier version back', async ({ page, app }) => {
  await newPatient(page, 'Gus History')
  const id = await newVisit(page)
  await page.getByTestId('visit-note').fill('Cramps in both calves at night.')
  await page.getByTestId('visit-plan').fill('Stretch before bed.')
  await saved(page)
  // Another window changes it: the version it replaces is kept at once.
  const other = await app.newPage(`#/visits/${id}`)
  await other.getByTestId('visit-note').fill('Cramps in the left calf only, most nights.')
  await saved(other)
  await other.close()
  await expect(page.getByTestId('visit-note')).toHaveValue('Cramps in the left calf only, most nights.')
  await page.getByTestId('open-history').click()
  const dialog = page.getByTestId('history-dialog')
  await expect(dialog.getByTestId('history-version')).toHaveCount(1)
  await expect(dialog.getByTestId('history-version').first()).toContainText('in this window')
  const field = dialog.locator('[data-field="Note"]')
  await expect(field).toBeVisible()
  expect((await field.getByTestId('only-left').allTextContents()).join(' ')).toMatch(/both.*calves.*at/)
  expect((await field.getByTestId('only-right').allTextContents()).join(' ')).toMatch(/the left.*calf.*only/)
  await expectAccessible(page)
  await shoot(page, 'notes-history')
  await page.setViewportSize({ width: 1024, height: 700 })
  await shoot(page, 'notes-history-1024')
  await dialog.getByTestId('bring-back').click()
  await expect(page.getByTestId('visit-note')).toHaveValue('Cramps in both calves at night.')
  await saved(page)
  await expect(page.getByTestId('open-history')).toContainText('2')
  expect((await historyOf(page, id)).map((h) => h.record.note)).toContain(
    'Cramps in the left calf only, most nights.',
  )
})

test('a merged backup whose copy of a visit changed apart: both kept, the difference shown, the user decides', async ({
  page,
  app,
}) => {
  await newPatient(page, 'Hana Merge')
  const id = await newVisit(page)
  await page.getByTestId('visit-note').fill('Seen for arch cramps.')
  await saved(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const panel = page.getByTestId('backup-panel')
  // An older (version 1, unencrypted) backup of this database, as another computer would have
  // made it: merging is kept for these files (encrypted ones restore whole).
  const rows = await dumpDb(page)
  const v1 = await backupFromRecords(
    {
      patients: (rows['patients'] as PatientRow[]).map(fromPatientRow),
      visits: (rows['visits'] as VisitRow[]).map(fromVisitRow),
      history: rows['history'] as HistoryEntry[],
      handouts: rows['handouts'] as HandoutRow[],
      trash: [],
      handoutTemplates: [],
      settings: [],
    },
    { appVersion: 'other computer' },
  )
  const doc = JSON.parse(new TextDecoder().decode(v1.bytes)) as {
    checksum: { value: string }
    data: { visits: Record<string, unknown>[] }
  }
  const visit = doc.data.visits.find((v) => v['id'] === id)!
  Object.assign(visit, {
    plan: 'Orthotic review in four weeks (other computer).',
    lineage: [visit['rev'], ...(visit['lineage'] as string[])],
    rev: `${Number(visit['revision']) + 1}-0ther0comp`,
    revision: Number(visit['revision']) + 1,
    savedBy: { device: 'other-computer', window: 'w', authorId: null },
    updatedAt: '2027-11-21T10:00:00.000Z',
    editStartedAt: '2027-11-21T10:00:00.000Z',
  })
  doc.checksum.value = await sha256Hex(new TextEncoder().encode(canonicalJson(doc.data)))
  const merged = join(app.savedDir, 'other-computer.json')
  writeFileSync(merged, JSON.stringify(doc))
  await page.goto(page.url().replace(/#.*$/, `#/visits/${id}`))
  await page.getByTestId('visit-note').fill('Seen for arch cramps. Better with new shoes.')
  await saved(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  app.dialogs.nextOpenPath(merged)
  await panel.getByTestId('choose-backup').click()
  await panel.getByTestId('apply-backup').click()
  await expect(panel.getByTestId('backup-message')).toContainText('changed both here and in the backup')
  await page.goto(page.url().replace(/#.*$/, `#/visits/${id}`))
  const kept = page.getByTestId('kept-version')
  await expect(kept).toContainText('another computer')
  await expect(kept.locator('[data-field="Plan"]')).toContainText('Orthotic review')
  await expect(kept.locator('[data-field="Note"]')).toContainText('Better with new shoes')
  // This computer's version stays shown until the user chooses: no clock decided.
  await expect(page.getByTestId('visit-note')).toHaveValue('Seen for arch cramps. Better with new shoes.')
  await expectAccessible(page)
  await shoot(page, 'notes-kept-version')
  await page.setViewportSize({ width: 1024, height: 700 })
  await shoot(page, 'notes-kept-version-1024')
  await kept.getByTestId('kept-both').click()
  await expect(kept).toHaveCount(0)
  await expect(page.getByTestId('visit-plan')).toHaveValue('Orthotic review in four weeks (other computer).')
  await expect(page.getByTestId('visit-note')).toHaveValue('Seen for arch cramps. Better with new shoes.')
  await saved(page)
  expect((await storedVisit(page, id)).conflicts).toEqual([])
})

test('at start the notes storage is asked to be kept (not evicted), and Settings says honestly what was answered', async ({
  page,
  app,
}) => {
  // Without persistent storage Chromium may clear the notes database under disk pressure.
  const asked = async (): Promise<boolean> =>
    (await page.evaluate(() => navigator.storage.persisted())) ||
    ((await dumpDb(page))['settings'] ?? []).some(
      (s) => (s as { key: string }).key === 'storage.persistRequested',
    )
  await expect.poll(asked, { timeout: 20_000 }).toBe(true)
  const granted = await page.evaluate(() => navigator.storage.persisted())
  await app.goto('#/settings')
  await expect(page.getByTestId('storage-persisted')).toContainText(granted ? 'Granted' : 'Not granted')
  await expect(page.getByTestId('request-persist')).toHaveCount(granted ? 0 : 1)
})
