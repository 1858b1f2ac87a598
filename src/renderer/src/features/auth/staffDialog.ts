import type { StaffSummary } from '@renderer/security/staff'

/** What the staff dialog is open for. */
export type StaffDialogMode =
  | { kind: 'add' }
  | { kind: 'edit'; member: StaffSummary }
  | { kind: 'reset'; member: StaffSummary }
  | { kind: 'reactivate'; member: StaffSummary }
