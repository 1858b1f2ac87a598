import type { ClinicAuth } from './auth'
import { StaffError, TamperedDataError } from './errors'
import { RecoveryKey } from './recovery'
import { recoverySheet, type RecoverySheet } from './recoverySheet'
import {
  assertKeepsAnOwner,
  parseStaffInput,
  sealStaff,
  staffSealValid,
  stripSeal,
  summarize,
  type StaffInput,
  type StaffMember,
  type StaffSummary,
} from './staff'
import { wrapWithPassphrase, wrapWithRecoveryKey } from './wrap'

/**
 * The owner's staff management. Nobody is ever deleted; a deactivated account keeps its record
 * (signatures stay attributable) but loses its key wrap, so its old passphrase opens nothing,
 * not even on a copy of the disk made later.
 */
export class StaffAdmin {
  constructor(private readonly auth: ClinicAuth) {}

  private get store() {
    return this.auth.opts.store
  }
  private get session() {
    return this.auth.opts.session
  }

  async list(): Promise<StaffSummary[]> {
    this.auth.assert('staff.manage')
    const all = await this.store.staff()
    return all
      .map(summarize)
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name))
  }

  /** A stored member whose seal still holds (an edit on disk is refused, not built upon). */
  private async member(id: string): Promise<StaffMember> {
    const m = await this.store.staffMember(id)
    if (!m) throw new StaffError('That staff member is not here any more.')
    if (!(await staffSealValid(this.session.ring.sealKey, m)))
      throw new TamperedDataError(`The account of ${m.name}`)
    return m
  }

  private async save(next: Omit<StaffMember, 'seal'>): Promise<StaffMember> {
    const sealed = await sealStaff(this.session.ring.sealKey, next)
    await this.store.putStaff(sealed)
    this.auth.refreshUser(sealed)
    return sealed
  }

  private async wrapFor(id: string, passphrase: string, inputs: string[]) {
    const clinic = await this.store.clinic()
    await this.auth.assertStrong(passphrase, [...inputs, clinic?.clinicName ?? ''])
    return wrapWithPassphrase(this.session.dataKey, passphrase, id, this.auth.kdfCost, this.auth.clock())
  }

  /** The owner types a first passphrase; the new person must change it at their first sign-in. */
  async add(input: StaffInput, temporaryPassphrase: string): Promise<StaffSummary> {
    const owner = this.auth.assert('staff.manage')
    const clean = parseStaffInput(input)
    const id = this.auth.newId()
    const now = this.auth.clock().toISOString()
    const saved = await this.save({
      id,
      ...clean,
      active: true,
      mustChangePassphrase: true,
      wrap: await this.wrapFor(id, temporaryPassphrase, [clean.name, clean.registration]),
      createdAt: now,
      updatedAt: now,
    })
    await this.auth.audit({
      kind: 'staff.added',
      actorId: owner.id,
      detail: { staffId: id, name: clean.name, role: clean.role },
    })
    return summarize(saved)
  }

  async update(id: string, input: StaffInput): Promise<StaffSummary> {
    const owner = this.auth.assert('staff.manage')
    const clean = parseStaffInput(input)
    const current = await this.member(id)
    const next = { ...stripSeal(current), ...clean, updatedAt: this.auth.clock().toISOString() }
    assertKeepsAnOwner(await this.list(), summarize({ ...next, seal: '' }))
    const saved = await this.save(next)
    const changed = (['name', 'role', 'registration'] as const).filter((k) => current[k] !== clean[k])
    await this.auth.audit({
      kind: 'staff.changed',
      actorId: owner.id,
      detail: { staffId: id, changed: changed.join(', ') },
    })
    return summarize(saved)
  }

  async deactivate(id: string): Promise<StaffSummary> {
    const owner = this.auth.assert('staff.manage')
    if (id === owner.id)
      throw new StaffError('You cannot switch off your own account while signed in with it.')
    const current = await this.member(id)
    const next = {
      ...stripSeal(current),
      active: false,
      wrap: null,
      updatedAt: this.auth.clock().toISOString(),
    }
    assertKeepsAnOwner(await this.list(), summarize({ ...next, seal: '' }))
    const saved = await this.save(next)
    await this.auth.audit({
      kind: 'staff.deactivated',
      actorId: owner.id,
      detail: { staffId: id, name: current.name },
    })
    return summarize(saved)
  }

  async reactivate(id: string, temporaryPassphrase: string): Promise<StaffSummary> {
    const owner = this.auth.assert('staff.manage')
    const current = await this.member(id)
    const saved = await this.save({
      ...stripSeal(current),
      active: true,
      mustChangePassphrase: true,
      wrap: await this.wrapFor(id, temporaryPassphrase, [current.name, current.registration]),
      updatedAt: this.auth.clock().toISOString(),
    })
    await this.auth.audit({
      kind: 'staff.reactivated',
      actorId: owner.id,
      detail: { staffId: id, name: current.name },
    })
    return summarize(saved)
  }

  /** Rewraps the data key under a passphrase the owner chose; nothing is re-encrypted. */
  async resetPassphrase(id: string, temporaryPassphrase: string): Promise<StaffSummary> {
    const owner = this.auth.assert('staff.resetPassphrase')
    const current = await this.member(id)
    if (!current.active)
      throw new StaffError(`${current.name}’s account is switched off. Switch it back on instead.`)
    const saved = await this.save({
      ...stripSeal(current),
      mustChangePassphrase: id !== owner.id,
      wrap: await this.wrapFor(id, temporaryPassphrase, [current.name, current.registration]),
      updatedAt: this.auth.clock().toISOString(),
    })
    await this.auth.audit({
      kind: 'staff.passphraseReset',
      actorId: owner.id,
      detail: { staffId: id, name: current.name },
    })
    return summarize(saved)
  }

  /** A new recovery key replaces the old wrap; the old words no longer open this database. */
  async newRecoveryKey(holder: string): Promise<{ sheet: RecoverySheet }> {
    const owner = this.auth.assert('recovery.manage')
    const clinic = await this.store.clinic()
    if (!clinic) throw new StaffError('This clinic is not set up yet.')
    const now = this.auth.clock()
    const recovery = RecoveryKey.generate()
    await this.store.putClinic({
      ...clinic,
      recoveryWrap: await wrapWithRecoveryKey(this.session.dataKey, recovery, holder, now),
    })
    await this.auth.audit({ kind: 'recovery.replaced', actorId: owner.id })
    return {
      sheet: recoverySheet({
        clinicName: clinic.clinicName,
        ownerName: owner.name,
        words: recovery.words,
        createdAt: now,
      }),
    }
  }
}
