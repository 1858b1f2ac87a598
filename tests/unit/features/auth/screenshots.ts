/**
 * Screenshots of the auth screens at 1280x800 and 1024x700 into screenshots/auth/, from the
 * harness page served by Vite (not routed into the app yet). Run:
 *   node --import tsx tests/unit/features/auth/screenshots.ts
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { chromium, type Page } from '@playwright/test'
import { createServer } from 'vite'
import { CHROMIUM_ARGS, findChromium } from '../../../e2e/chromium'

const ROOT = resolve(import.meta.dirname, '../../../..')
const OUT = resolve(ROOT, 'screenshots/auth')
const OWNER_PASS = 'amber kettle violin harbour'

type Step = (page: Page) => Promise<void>
const SHOTS: [string, string, Step?][] = [
  ['setup', 'setup-empty'],
  [
    'setup',
    'setup-weak',
    async (p) => {
      await p.getByTestId('setup-clinic').fill('Riverside Foot Clinic')
      await p.getByTestId('setup-name').fill('Olive Okafor')
      await p.getByTestId('setup-registration').fill('HCPC CH10001')
      await p.getByTestId('setup-passphrase').fill('riverside2024')
      await p.getByTestId('strength').getByText('too easy').waitFor()
    },
  ],
  [
    'setup',
    'setup-recovery',
    async (p) => {
      await p.getByTestId('setup-clinic').fill('Riverside Foot Clinic')
      await p.getByTestId('setup-name').fill('Olive Okafor')
      await p.getByTestId('setup-registration').fill('HCPC CH10001')
      await p.getByTestId('setup-passphrase').fill(OWNER_PASS)
      await p.getByTestId('setup-confirm').fill(OWNER_PASS)
      await p.getByTestId('strength').getByText('Good').waitFor()
      await p.getByTestId('setup-create').click()
      await p.getByTestId('recovery-sheet').waitFor()
    },
  ],
  ['signin', 'signin-people'],
  [
    'signin',
    'signin-wrong',
    async (p) => {
      await p.getByRole('button', { name: /Olive Okafor/ }).click()
      await p.getByTestId('signin-passphrase').fill('amber kettle')
      await p.getByTestId('signin-submit').click()
      await p.getByTestId('signin-error').waitFor()
    },
  ],
  [
    'signin',
    'signin-recovery',
    async (p) => {
      await p.getByRole('button', { name: /Olive Okafor/ }).click()
      await p.getByText('Forgot your passphrase?').click()
      await p.getByTestId('open-recovery').click()
      await p.getByTestId('recovery-form').waitFor()
    },
  ],
  ['lock', 'lock'],
  ['change', 'change-required'],
  ['staff', 'staff-list'],
  [
    'staff',
    'staff-add',
    async (p) => {
      await p.getByTestId('staff-management').locator('tbody tr').nth(3).waitFor()
      await p.getByTestId('add-staff').click()
      await p.getByTestId('staff-name').fill('Priya Nair')
      await p.getByTestId('staff-role-reception').check()
    },
  ],
]

const server = await createServer({
  configFile: false,
  root: resolve(import.meta.dirname, 'harness'),
  plugins: [vue()],
  resolve: {
    alias: { '@renderer': resolve(ROOT, 'src/renderer/src'), '@shared': resolve(ROOT, 'src/shared') },
  },
  server: { host: '127.0.0.1', port: 0, fs: { allow: [ROOT] } },
  logLevel: 'warn',
})
await server.listen()
const address = server.httpServer?.address()
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
mkdirSync(OUT, { recursive: true })
const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS })
try {
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    const context = await browser.newContext({ viewport: { width, height } })
    for (const [scene, name, step] of SHOTS) {
      const page = await context.newPage()
      page.setDefaultTimeout(60_000)
      await page.goto(`${url}#${scene}`)
      await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' })
      await page.waitForLoadState('networkidle')
      if (step) await step(page)
      await page.waitForTimeout(300)
      await page.screenshot({ path: `${OUT}/${name}-${width}x${height}.png` })
      await page.close()
    }
    await context.close()
  }
} finally {
  await browser.close()
  await server.close()
}
console.log(`screenshots in ${OUT}`)
