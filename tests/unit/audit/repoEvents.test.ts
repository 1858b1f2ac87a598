import { describe, expect, it } from 'vitest'
import { RepoAuditor, VIEW_QUIET_MS } from '../../../src/renderer/src/audit/repoEvents'

describe('audit events from repository calls', () => {
  it('logs creations, the first save of each run, trash moves and settings', () => {
    const a = new RepoAuditor(() => 0)
    expect(a.event('createPatient', [], { id: 'p1' }, 'cal')).toMatchObject({
      kind: 'patient.created',
      patientId: 'p1',
    })
    expect(a.event('createVisit', ['p1'], { id: 'v1', patientId: 'p1' }, 'cal')?.kind).toBe('visit.created')
    const t = '2026-05-04T09:00:00.000Z'
    const firstSave = { id: 'v1', patientId: 'p1', editStartedAt: t, updatedAt: t }
    expect(a.event('update', ['visit'], firstSave, 'cal')?.kind).toBe('visit.changed')
    // Later saves of the same run (autosave every second) are not logged again.
    expect(
      a.event('update', ['visit'], { ...firstSave, updatedAt: '2026-05-04T09:00:05.000Z' }, 'cal'),
    ).toBeNull()
    expect(
      a.event('trashVisit', ['v1'], { kind: 'visit', visit: { id: 'v1', patientId: 'p1' } }, 'cal'),
    ).toMatchObject({
      kind: 'trash.moved',
      visitId: 'v1',
      patientId: 'p1',
    })
    expect(a.event('setSetting', ['autoLockMinutes', 3], undefined, 'olive')?.kind).toBe('settings.changed')
    expect(a.event('listPatients', [], {}, 'cal')).toBeNull()
  })

  it('logs a record opened once per person and record in the quiet time', () => {
    let now = 0
    const a = new RepoAuditor(() => now)
    const opened = { visit: { id: 'v1', patientId: 'p1' }, patient: { id: 'p1' } }
    expect(a.event('openVisit', ['v1'], opened, 'cal')?.kind).toBe('visit.viewed')
    expect(a.event('openVisit', ['v1'], opened, 'cal')).toBeNull()
    expect(a.event('openVisit', ['v1'], opened, 'olive')?.kind).toBe('visit.viewed')
    now = VIEW_QUIET_MS
    expect(a.event('openVisit', ['v1'], opened, 'cal')?.kind).toBe('visit.viewed')
    expect(a.event('getPatient', ['p1'], { id: 'p1' }, 'cal')?.kind).toBe('patient.viewed')
  })
})
