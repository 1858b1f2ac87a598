// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import LockScreen from '@renderer/features/auth/LockScreen.vue'
import SignInScreen from '@renderer/features/auth/SignInScreen.vue'
import { OWNER_PASS, setUpClinic } from '../../security/helpers'
import { mountWithAuth, until } from './helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

const CAL = { name: 'Cal Clinician', role: 'clinician' as const, registration: 'HCPC CH20002' }
const CAL_PASS = 'orbit pebble saffron tundra'
const NEW_PASS = 'velvet thimble orchard comet'

async function clinicWithCal() {
  const t = await setUpClinic()
  const cal = await t.auth.addStaff(CAL, CAL_PASS)
  await t.auth.signOut()
  return { ...t, cal }
}

describe('SignInScreen', () => {
  it('lists every active person; one click and a passphrase signs in', async () => {
    const t = await clinicWithCal()
    const w = mountWithAuth(t.auth, SignInScreen, { clinicName: 'Riverside Foot Clinic' })
    await until(() => expect(w.findAll('[data-testid="signin-people"] button')).toHaveLength(2))
    expect(w.get('[data-testid="signin-people"]').text()).toMatch(
      /Cal Clinician\s*Clinician.*Olive Owner\s*Owner/s,
    )
    await w.get(`[data-staff="${t.cal.id}"]`).trigger('click')
    expect(w.get('label[for="signin-pass"]').text()).toBe('Passphrase for Cal Clinician')
    await w.get('[data-testid="signin-passphrase"]').setValue(CAL_PASS)
    await w.get('[data-testid="signin-form"]').trigger('submit')
    await until(() => expect(w.findComponent(SignInScreen).emitted('signed-in')).toHaveLength(1))
    expect(w.findComponent(SignInScreen).emitted('signed-in')![0]).toEqual([
      expect.objectContaining({
        user: expect.objectContaining({ id: t.cal.id }),
        mustChangePassphrase: true,
      }),
    ])
  })

  it('says a wrong passphrase plainly, clears it, and counts down the wait after three', async () => {
    const t = await clinicWithCal()
    const w = mountWithAuth(t.auth, SignInScreen, { preselect: t.ownerId })
    await until(() => expect(w.find('[data-testid="signin-form"]').exists()).toBe(true))
    for (let i = 0; i < 3; i++) {
      await w.get('[data-testid="signin-passphrase"]').setValue('not it at all')
      await w.get('[data-testid="signin-form"]').trigger('submit')
      await until(() =>
        expect(w.get('[data-testid="signin-error"]').text()).toContain('passphrase is not right'),
      )
      expect((w.get('[data-testid="signin-passphrase"]').element as HTMLInputElement).value).toBe('')
    }
    await w.get('[data-testid="signin-passphrase"]').setValue(OWNER_PASS)
    await w.get('[data-testid="signin-form"]').trigger('submit')
    await until(() => expect(w.get('[data-testid="signin-error"]').text()).toMatch(/Wait 1 second/))
    expect(w.get('[data-testid="signin-submit"]').attributes('disabled')).toBeDefined()
    expect(t.auth.state.phase).toBe('signed-out')
  })

  it('shows the owner the recovery route, which opens with the words and sets a new passphrase', async () => {
    const t = await clinicWithCal()
    const w = mountWithAuth(t.auth, SignInScreen, { preselect: t.ownerId })
    await until(() => expect(w.find('[data-testid="signin-form"]').exists()).toBe(true))
    await w.get('.linklike').trigger('click')
    expect(w.get('[data-testid="signin-forgot"]').text()).toContain('Ask the clinic owner to reset it')
    await w.get('[data-testid="open-recovery"]').trigger('click')
    await w.get('[data-testid="recovery-words-input"]').setValue(t.words)
    await w.get('[data-testid="recovery-passphrase"]').setValue(NEW_PASS)
    await w.get('[data-testid="recovery-confirm"]').setValue(NEW_PASS)
    await w.get('[data-testid="recovery-form"]').trigger('submit')
    await until(() => expect(w.findComponent(SignInScreen).emitted('signed-in')).toHaveLength(1), {
      timeout: 20_000,
    })
    await t.auth.signOut()
    await t.auth.signIn(t.ownerId, NEW_PASS)
  })

  it('a clinician who forgot is told to ask the owner, with no recovery route', async () => {
    const t = await clinicWithCal()
    const w = mountWithAuth(t.auth, SignInScreen, { preselect: t.cal.id })
    await until(() => expect(w.find('[data-testid="signin-form"]').exists()).toBe(true))
    await w.get('.linklike').trigger('click')
    expect(w.find('[data-testid="open-recovery"]').exists()).toBe(false)
  })

  it('refuses recovery words that are not the clinic’s, changing nothing', async () => {
    const t = await clinicWithCal()
    const other = await setUpClinic()
    const w = mountWithAuth(t.auth, SignInScreen, { preselect: t.ownerId })
    await until(() => expect(w.find('[data-testid="signin-form"]').exists()).toBe(true))
    await w.get('.linklike').trigger('click')
    await w.get('[data-testid="open-recovery"]').trigger('click')
    await w.get('[data-testid="recovery-words-input"]').setValue(other.words)
    await w.get('[data-testid="recovery-passphrase"]').setValue(NEW_PASS)
    await w.get('[data-testid="recovery-confirm"]').setValue(NEW_PASS)
    await w.get('[data-testid="recovery-form"]').trigger('submit')
    await until(
      () =>
        expect(w.get('[data-testid="recovery-error"]').text()).toContain('do not open this clinic’s records'),
      {
        timeout: 20_000,
      },
    )
    await t.auth.signIn(t.ownerId, OWNER_PASS)
  })
})

describe('LockScreen', () => {
  it('shows only who locked it; the right passphrase unlocks, a wrong one says so', async () => {
    const t = await clinicWithCal()
    await t.auth.signIn(t.ownerId, OWNER_PASS)
    await t.auth.lock()
    const user = t.auth.state.phase === 'locked' ? t.auth.state.user : null
    const w = mountWithAuth(t.auth, LockScreen, { user })
    const text = w.get('[data-testid="lock-screen"]').text()
    expect(text).toContain('Cramp Clinic is locked')
    expect(text).toContain('Olive Owner')
    await w.get('[data-testid="unlock-passphrase"]').setValue('nope')
    await w.get('[data-testid="unlock-form"]').trigger('submit')
    await until(() =>
      expect(w.get('[data-testid="unlock-error"]').text()).toContain('passphrase is not right'),
    )
    await w.get('[data-testid="unlock-passphrase"]').setValue(OWNER_PASS)
    await w.get('[data-testid="unlock-form"]').trigger('submit')
    await until(() => expect(w.findComponent(LockScreen).emitted('unlocked')).toHaveLength(1))
    expect(t.auth.state.phase).toBe('unlocked')
    const kinds = (await t.audit.page({}, 5)).map((e) => e.kind)
    expect(kinds.slice(0, 3)).toEqual(['session.unlock', 'session.signInFailed', 'session.lock'])
  })

  it('offers to switch person', async () => {
    const t = await clinicWithCal()
    await t.auth.signIn(t.ownerId, OWNER_PASS)
    await t.auth.lock()
    const w = mountWithAuth(t.auth, LockScreen, { user: (t.auth.state as { user: unknown }).user })
    await w.get('[data-testid="switch-person"]').trigger('click')
    expect(w.findComponent(LockScreen).emitted('switch')).toHaveLength(1)
  })
})
