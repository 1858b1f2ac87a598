// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import PassphraseChange from '@renderer/features/auth/PassphraseChange.vue'
import StaffManagement from '@renderer/features/auth/StaffManagement.vue'
import { OWNER_PASS, setUpClinic } from '../../security/helpers'
import { mountWithAuth, until } from './helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

const NEW_PASS = 'velvet thimble orchard comet'
const FIRST = 'lantern meadow copper fig'
const $ = (sel: string) => document.body.querySelector(sel) as HTMLElement | null

async function setValue(sel: string, value: string): Promise<void> {
  const el = $(sel) as HTMLInputElement | null
  if (!el) throw new Error(`no ${sel}`)
  el.value = value
  el.dispatchEvent(new Event('input'))
  if (el.type === 'radio') el.dispatchEvent(new Event('change'))
}

describe('PassphraseChange', () => {
  it('changes the passphrase; the old one stops working', async () => {
    const t = await setUpClinic()
    const w = mountWithAuth(t.auth, PassphraseChange)
    await w.get('[data-testid="change-current"]').setValue(OWNER_PASS)
    await w.get('[data-testid="change-new"]').setValue(NEW_PASS)
    await w.get('[data-testid="change-confirm"]').setValue(NEW_PASS)
    await until(() => expect(w.get('[data-testid="strength"]').text()).toContain('Good'), { timeout: 20_000 })
    await w.get('form').trigger('submit')
    await until(() => expect(w.find('[data-testid="change-done"]').exists()).toBe(true), { timeout: 20_000 })
    await t.auth.signOut()
    await expect(t.auth.signIn(t.ownerId, OWNER_PASS)).rejects.toThrow(/not right/)
    await t.auth.signIn(t.ownerId, NEW_PASS)
  })

  it('says a wrong current passphrase or a mismatch, changing nothing', async () => {
    const t = await setUpClinic()
    const w = mountWithAuth(t.auth, PassphraseChange, { required: true })
    expect(w.text()).toContain('The clinic owner set your current passphrase')
    await w.get('[data-testid="change-current"]').setValue(OWNER_PASS)
    await w.get('[data-testid="change-new"]').setValue(NEW_PASS)
    await w.get('[data-testid="change-confirm"]').setValue(`${NEW_PASS}x`)
    await w.get('form').trigger('submit')
    // The strength is asked afresh before the pair is compared, so the message comes a moment later.
    await until(
      () =>
        expect(w.get('[data-testid="change-error"]').text()).toBe('The two passphrases are not the same.'),
      { timeout: 20_000 },
    )
    await w.get('[data-testid="change-current"]').setValue('wrong')
    await w.get('[data-testid="change-confirm"]').setValue(NEW_PASS)
    await w.get('form').trigger('submit')
    await until(
      () => expect(w.get('[data-testid="change-error"]').text()).toContain('passphrase is not right'),
      {
        timeout: 20_000,
      },
    )
    await t.auth.signOut()
    await t.auth.signIn(t.ownerId, OWNER_PASS)
  })
})

describe('StaffManagement', () => {
  it('lists staff and adds a receptionist who must choose their own passphrase', async () => {
    const t = await setUpClinic()
    const w = mountWithAuth(t.auth, StaffManagement)
    await until(() => expect(w.findAll('tbody tr')).toHaveLength(1))
    expect(w.get('tbody').text()).toMatch(/Olive Owner\s*\(you\)\s*HCPC CH10001\s*Owner\s*Active/)
    await w.get('[data-testid="add-staff"]').trigger('click')
    await until(() => expect($('[data-testid="staff-dialog"]')).not.toBeNull())
    await setValue('[data-testid="staff-name"]', 'Rae Reception')
    ;($('[data-testid="staff-role-reception"]') as HTMLInputElement).click()
    await setValue('[data-testid="staff-passphrase"]', FIRST)
    await setValue('[data-testid="staff-confirm"]', FIRST)
    await until(
      () => expect($('[data-testid="staff-dialog"] [data-testid="strength"]')!.textContent).toContain('Good'),
      {
        timeout: 20_000,
      },
    )
    $('[data-testid="staff-save"]')!.click()
    await until(() => expect(w.findAll('tbody tr')).toHaveLength(2), { timeout: 20_000 })
    expect(w.get('[data-testid="staff-notice"]').text()).toContain('Rae Reception is added')
    expect(w.get('tbody').text()).toContain('Not signed in yet')
    const rae = (await t.db.staff.toArray()).find((s) => s.name === 'Rae Reception')!
    expect(rae).toMatchObject({ role: 'reception', mustChangePassphrase: true })
  })

  it('switches an account off after asking, and never deletes it', async () => {
    const t = await setUpClinic()
    const cal = await t.auth.addStaff(
      { name: 'Cal Clinician', role: 'clinician', registration: 'HCPC CH2' },
      FIRST,
    )
    const w = mountWithAuth(t.auth, StaffManagement)
    await until(() => expect(w.findAll('tbody tr')).toHaveLength(2))
    const row = w.get(`tr[data-staff="${cal.id}"]`)
    expect(row.text()).toContain('Switch off')
    expect(w.get(`tr[data-staff="${t.ownerId}"]`).text()).not.toContain('Switch off')
    await row
      .findAll('button')
      .find((b) => b.text() === 'Switch off')!
      .trigger('click')
    await until(() => expect($('[data-testid="confirm-dialog"]')).not.toBeNull())
    $('[data-testid="confirm-ok"]')!.click()
    await until(() => expect(w.get(`tr[data-staff="${cal.id}"]`).text()).toContain('Switched off'))
    expect(await t.db.staff.get(cal.id)).toMatchObject({ active: false, wrap: null })
  })

  it('makes a new recovery key after asking; the old words stop opening the records', async () => {
    const t = await setUpClinic()
    const w = mountWithAuth(t.auth, StaffManagement)
    await until(() => expect(w.findAll('tbody tr')).toHaveLength(1))
    await w.get('[data-testid="new-recovery"]').trigger('click')
    await until(() => expect($('[data-testid="confirm-dialog"]')).not.toBeNull())
    $('[data-testid="confirm-ok"]')!.click()
    await until(() => expect(w.findAll('[data-testid="recovery-words"] .word')).toHaveLength(12))
    const words = w.findAll('[data-testid="recovery-words"] .word').map((x) => x.text())
    await t.auth.signOut()
    await expect(t.auth.recover(t.words, t.ownerId, NEW_PASS)).rejects.toThrow(/do not open/)
    await t.auth.recover(words.join(' '), t.ownerId, NEW_PASS)
  })

  it('a reception account sees a refusal, not the list', async () => {
    const t = await setUpClinic()
    const rae = await t.auth.addStaff({ name: 'Rae', role: 'reception', registration: '' }, FIRST)
    await t.auth.signIn(rae.id, FIRST)
    const w = mountWithAuth(t.auth, StaffManagement)
    await until(() =>
      expect(w.get('[data-testid="staff-list-error"]').text()).toBe(
        'Only the clinic owner can add, change or deactivate staff.',
      ),
    )
    expect(w.find('tbody').exists()).toBe(false)
  })
})
