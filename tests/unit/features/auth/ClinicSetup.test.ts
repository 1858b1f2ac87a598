// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import ClinicSetup from '@renderer/features/auth/ClinicSetup.vue'
import { OWNER_PASS, makeAuth } from '../../security/helpers'
import { mountWithAuth, until } from './helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

async function filled(passphrase = OWNER_PASS) {
  const t = makeAuth()
  await t.auth.init()
  const w = mountWithAuth(t.auth, ClinicSetup)
  await w.get('[data-testid="setup-clinic"]').setValue('Riverside Foot Clinic')
  await w.get('[data-testid="setup-name"]').setValue('Olive Owner')
  await w.get('[data-testid="setup-registration"]').setValue('HCPC CH10001')
  await w.get('[data-testid="setup-passphrase"]').setValue(passphrase)
  await w.get('[data-testid="setup-confirm"]').setValue(passphrase)
  return { t, w }
}

describe('ClinicSetup', () => {
  it('says what is missing, in words beside each field', async () => {
    const t = makeAuth()
    await t.auth.init()
    const w = mountWithAuth(t.auth, ClinicSetup)
    await w.get('form').trigger('submit')
    const text = w.text()
    expect(text).toContain('The clinic’s name is needed')
    expect(text).toContain('Your professional registration number is needed')
    expect(text).toContain('Choose a passphrase.')
    expect(await t.db.staff.count()).toBe(0)
  })

  it('rates the passphrase as it is typed and refuses a weak one', async () => {
    const { t, w } = await filled('password1234')
    await until(() => expect(w.get('[data-testid="strength"]').text()).toContain('too easy to guess'), {
      timeout: 20_000,
    })
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(await t.db.staff.count()).toBe(0)
    expect(w.find('[data-testid="recovery-sheet"]').exists()).toBe(false)
  })

  it('sets up the owner, shows the 12 recovery words, and asks two of them back', async () => {
    const { t, w } = await filled()
    await until(() => expect(w.get('[data-testid="strength"]').text()).toContain('Good'), { timeout: 20_000 })
    await w.get('form').trigger('submit')
    await until(() => expect(w.find('[data-testid="recovery-sheet"]').exists()).toBe(true), {
      timeout: 20_000,
    })
    expect(t.auth.state.phase).toBe('unlocked')
    const words = w.findAll('[data-testid="recovery-words"] .word').map((x) => x.text())
    expect(words).toHaveLength(12)
    expect(w.get('[data-testid="recovery-sheet"]').text()).toContain('Riverside Foot Clinic')

    await w.get('[data-testid="check-a"]').setValue('wrong')
    await w.get('[data-testid="check-b"]').setValue(words[9]!)
    await w.get('[data-testid="setup-recovery"] form').trigger('submit')
    expect(w.text()).toContain('That is not what the sheet says')
    expect(w.findComponent(ClinicSetup).emitted('done')).toBeUndefined()

    await w.get('[data-testid="check-a"]').setValue(` ${words[2]!.toUpperCase()} `)
    await w.get('[data-testid="setup-recovery"] form').trigger('submit')
    expect(w.findComponent(ClinicSetup).emitted('done')).toHaveLength(1)
  })
})
