import type Dexie from 'dexie'
import type { Table } from 'dexie'
import type { StaffMember } from './staff'
import { NO_FAILURES, type ThrottleState } from './throttle'
import type { RecoveryWrap } from './wrap'

/** The clinic's own record: its name and the recovery key's wrap of the data key. */
export interface ClinicKeys {
  id: 'clinic'
  clinicName: string
  createdAt: string
  recoveryWrap: RecoveryWrap
}

/**
 * Where staff and the clinic's key wraps live. The notes database implements it with the
 * AUTH_TABLES below (added in a later schema version); tests run it on fake-indexeddb.
 */
export interface AuthStore {
  clinic(): Promise<ClinicKeys | undefined>
  /** First run: clinic and owner together, or nothing (refused if a clinic exists). */
  setup(clinic: ClinicKeys, owner: StaffMember): Promise<void>
  putClinic(clinic: ClinicKeys): Promise<void>
  staff(): Promise<StaffMember[]>
  staffMember(id: string): Promise<StaffMember | undefined>
  putStaff(member: StaffMember): Promise<void>
  throttle(key: string): Promise<ThrottleState>
  putThrottle(key: string, state: ThrottleState): Promise<void>
}

export const AUTH_TABLES = {
  staff: 'id',
  clinicKeys: 'id',
  signInThrottle: 'key',
} as const

export class ClinicAlreadySetUpError extends Error {
  constructor() {
    super('This clinic is already set up. Sign in instead.')
    this.name = 'ClinicAlreadySetUpError'
  }
}

export class DexieAuthStore implements AuthStore {
  constructor(
    private readonly db: Dexie,
    private readonly staffTable: Table<StaffMember, string>,
    private readonly clinicTable: Table<ClinicKeys, string>,
    private readonly throttleTable: Table<ThrottleState & { key: string }, string>,
  ) {}

  clinic(): Promise<ClinicKeys | undefined> {
    return this.clinicTable.get('clinic')
  }

  async setup(clinic: ClinicKeys, owner: StaffMember): Promise<void> {
    await this.db.transaction('rw', this.clinicTable, this.staffTable, async () => {
      if (await this.clinicTable.get('clinic')) throw new ClinicAlreadySetUpError()
      await this.clinicTable.add(clinic)
      await this.staffTable.add(owner)
    })
  }

  async putClinic(clinic: ClinicKeys): Promise<void> {
    await this.clinicTable.put(clinic)
  }

  staff(): Promise<StaffMember[]> {
    return this.staffTable.toArray()
  }

  staffMember(id: string): Promise<StaffMember | undefined> {
    return this.staffTable.get(id)
  }

  async putStaff(member: StaffMember): Promise<void> {
    await this.staffTable.put(member)
  }

  async throttle(key: string): Promise<ThrottleState> {
    const row = await this.throttleTable.get(key)
    return row ? { failures: row.failures, lastFailureAt: row.lastFailureAt } : NO_FAILURES
  }

  async putThrottle(key: string, state: ThrottleState): Promise<void> {
    await this.throttleTable.put({ key, ...state })
  }
}
