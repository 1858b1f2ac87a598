/**
 * Signing in for the browser tests, through the real screens: the first start of a profile sets
 * the clinic up (the owner below, the recovery words read off the sheet and asked back), and a
 * later start (a reload, a restart, a second tab) signs the owner in. Each costs one Argon2id
 * derivation (64 MiB, about a second here), so a test pays it once per page load.
 */
import { expect, type Page } from '@playwright/test'

export const OWNER = {
  clinic: 'Riverside Foot Clinic',
  name: 'Olive Okafor',
  registration: 'HCPC CH10001',
  passphrase: 'amber kettle violin harbour',
}

export type AuthPhase = 'loading' | 'needs-setup' | 'signed-out' | 'unlocked' | 'locked'

export async function authPhase(page: Page): Promise<AuthPhase> {
  const handle = await page.waitForFunction(
    () => {
      const p = document.documentElement.dataset['auth']
      return p && p !== 'loading' ? p : null
    },
    null,
    { timeout: 15_000 },
  )
  return (await handle.jsonValue()) as AuthPhase
}

/** Sets up the clinic through the first-run screen; returns the 12 recovery words. */
export async function setUpClinic(page: Page, owner = OWNER): Promise<string[]> {
  await page.getByTestId('setup-clinic').fill(owner.clinic)
  await page.getByTestId('setup-name').fill(owner.name)
  await page.getByTestId('setup-registration').fill(owner.registration)
  await page.getByTestId('setup-passphrase').fill(owner.passphrase)
  await page.getByTestId('setup-confirm').fill(owner.passphrase)
  await page.getByTestId('setup-create').click()
  await expect(page.getByTestId('recovery-words').locator('.word')).toHaveCount(12, { timeout: 30_000 })
  const all = await page.getByTestId('recovery-words').locator('.word').allTextContents()
  await page.getByTestId('check-a').fill(all[2]!.trim())
  await page.getByTestId('check-b').fill(all[9]!.trim())
  await page.getByTestId('setup-done').click()
  await expect(page.getByTestId('app-unlocked')).toBeVisible({ timeout: 30_000 })
  return all.map((w) => w.trim())
}

/** Signs a person in from the sign-in screen. */
export async function signIn(page: Page, name = OWNER.name, passphrase = OWNER.passphrase): Promise<void> {
  await page
    .getByTestId('signin-people')
    .getByRole('button', { name: new RegExp(name) })
    .click()
  await page.getByTestId('signin-passphrase').fill(passphrase)
  await page.getByTestId('signin-submit').click()
  await expect(page.getByTestId('app-unlocked')).toBeVisible({ timeout: 30_000 })
}

/** Whatever the page shows first, ends signed in as the owner (setting the clinic up if new). */
export async function ensureSignedIn(page: Page): Promise<void> {
  const phase = await authPhase(page)
  if (phase === 'needs-setup') await setUpClinic(page)
  else if (phase === 'signed-out') await signIn(page)
  else if (phase === 'locked') {
    await page.getByTestId('unlock-passphrase').fill(OWNER.passphrase)
    await page.getByTestId('unlock-submit').click()
    await expect(page.getByTestId('app-unlocked')).toBeVisible({ timeout: 30_000 })
  }
}

export const RECEPTION = {
  name: 'Rachel Evans',
  first: 'lantern meadow copper fig',
  own: 'quiet orchard pebble lamp',
}

/**
 * The owner, signed in, adds a reception account (Staff), switches person and signs it in for
 * the first time, choosing its own passphrase as a first sign-in asks. Ends signed in as it.
 */
export async function addAndSignInReception(
  page: Page,
  goto: (hash: string) => Promise<void>,
): Promise<void> {
  await goto('#/staff')
  await page.getByTestId('add-staff').click()
  await page.getByTestId('staff-name').fill(RECEPTION.name)
  await page.getByTestId('staff-role-reception').check()
  await page.getByTestId('staff-passphrase').fill(RECEPTION.first)
  await page.getByTestId('staff-confirm').fill(RECEPTION.first)
  await page.getByTestId('staff-save').click()
  await expect(page.getByTestId('staff-management')).toContainText(RECEPTION.name, { timeout: 30_000 })
  // Switch person: the window starts afresh on the sign-in screen.
  await switchPerson(page)
  await page
    .getByTestId('signin-people')
    .getByRole('button', { name: new RegExp(RECEPTION.name) })
    .click()
  await page.getByTestId('signin-passphrase').fill(RECEPTION.first)
  await page.getByTestId('signin-submit').click()
  // First sign-in with a passphrase the owner chose: choose one's own.
  await expect(page.getByTestId('passphrase-change')).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('change-current').fill(RECEPTION.first)
  await page.getByTestId('change-new').fill(RECEPTION.own)
  await page.getByTestId('change-confirm').fill(RECEPTION.own)
  await page.getByTestId('change-submit').click()
  await expect(page.getByTestId('app-unlocked')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('signed-in-as')).toContainText('Reception')
}

/** "Switch person" in the header: the window starts afresh on the sign-in screen. */
export async function switchPerson(page: Page): Promise<void> {
  await page.getByTestId('header-switch').click()
  await page.waitForLoadState('load')
  await page.locator('html[data-auth="signed-out"]').waitFor({ timeout: 30_000 })
}
