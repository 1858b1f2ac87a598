import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { exportBackup, readBackup } from '../../../src/renderer/src/notes/backup'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { contentHash } from '../../../src/renderer/src/notes/version'
import { canonicalJson } from '../../../src/renderer/src/notes/canonical'
import { makeSpec } from '../handouts/helpers'

/**
 * One test per schema version: data written by a database that only knows the versions up to
 * n - 1 must open with the current class and read back as the current model.
 */
describe('schema versions', () => {
  it('declares version 5 with the indexes the screens rely on', async () => {
    const db = new NotesDB(`schema-${Math.random()}`)
    await db.open()
    // A new database has no clear rows to wait for (schemaGate.ts): it starts at the latest.
    expect(db.verno).toBe(5)
    const indexes = (t: string): string[] =>
      db
        .table(t)
        .schema.indexes.map((i) => i.name)
        .sort()
    expect(indexes('patients')).toEqual(['chartTokens', 'dobToken', 'listOrder', 'nameTokens', 'updatedAt'])
    expect(indexes('visits')).toEqual([
      '[patientId+dateTime]',
      '[savedBy.authorId+createdAt]',
      'dateTime',
      'patientId',
      'updatedAt',
    ])
    expect(indexes('handouts')).toEqual(['createdAt', 'visitId'])
    expect(indexes('history')).toEqual(['[recordId+savedAt]'])
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'addenda',
      'audit',
      'auditHead',
      'auditPending',
      'clinicKeys',
      'drafts',
      'handoutTemplates',
      'handouts',
      'history',
      'patients',
      'settings',
      'signInThrottle',
      'signatures',
      'staff',
      'trash',
      'visits',
    ])
    db.close()
  })

  it('opens a database written by version 1: every record kept, handouts moved to their table', async () => {
    const name = `schema-upgrade-${Math.random()}`
    // Version 1 as it was written: rows exactly as the version-1 repository stored them.
    const v1 = new Dexie(name)
    NotesDB.declareVersions(v1, 1)
    const at = '2026-03-01T10:00:00.000Z'
    const handout = (id: string, visitId: string) => ({
      id,
      createdAt: '2026-03-01T10:05:00.000Z',
      fileName: `${id}.pdf`,
      sha256: 'a'.repeat(64),
      spec: makeSpec({ visitId }),
    })
    const patient = {
      id: 'p1',
      name: 'Old Record',
      dateOfBirth: '1950-03-07',
      chartNumber: 'OLD-1',
      phone: '',
      medicines: ['furosemide'],
      alerts: '',
      lastVisitAt: at,
      createdAt: at,
      updatedAt: at,
      revision: 3,
      nameWords: ['old', 'record'],
      chartKey: 'old-1',
      listOrder: at,
    }
    const visit = {
      id: 'v1',
      patientId: 'p1',
      dateTime: at,
      reason: 'night cramps',
      note: 'written by version 1',
      findings: ['night'],
      causeIds: ['dehydration'],
      plan: 'stretch',
      followUpDate: '2026-04-01',
      handouts: [handout('h1', 'v1')],
      createdAt: at,
      updatedAt: at,
      revision: 2,
      words: ['written', 'version', 'night', 'cramps', 'stretch'],
    }
    const trashedVisit = { ...visit, id: 'v2', note: 'in the trash', handouts: [handout('h2', 'v2')] }
    await v1.table('patients').add(patient)
    await v1.table('visits').add(visit)
    await v1.table('trash').add({
      id: 't1',
      kind: 'visit',
      deletedAt: at,
      visit: (({ words: _w, ...rest }) => rest)(trashedVisit),
      patientName: 'Old Record',
    })
    v1.close()

    const current = new NotesDB(name)
    const repo = new NotesRepository(current)
    const opened = (await repo.openVisit('v1'))!
    expect(opened.visit.note).toBe('written by version 1')
    expect(opened.visit.followUpDate).toBe('2026-04-01')
    expect('handouts' in opened.visit).toBe(false)
    expect(opened.visit.revision).toBe(2)
    const { words: _w, handouts: _h, revision: _r, ...content } = visit
    expect(opened.visit.rev).toBe(`2-h${contentHash(canonicalJson(content))}`)
    expect(opened.visit.savedBy.device).toBe('before-history')
    expect(opened.patient.rev).toMatch(/^3-h[0-9a-f]{14}$/)
    expect((await repo.findPatients('old'))[0]?.id).toBe('p1')
    expect((await repo.handoutsOf('v1')).map((h) => [h.id, h.visitId, h.patientId])).toEqual([
      ['h1', 'v1', 'p1'],
    ])
    expect((await current.handouts.get('h2'))?.visitId).toBe('v2')
    const [entry] = await repo.listTrash()
    expect(entry?.kind === 'visit' && 'handouts' in entry.visit).toBe(false)
    // Editing an upgraded record keeps the version from before the upgrade in the history.
    await repo.update('visit', 'v1', opened.visit.rev, { note: 'edited after the upgrade' })
    expect((await repo.historyOf('v1')).map((h) => (h.record as { note: string }).note)).toEqual([
      'written by version 1',
    ])
    // And what it holds is a backup a restore accepts.
    await readBackup((await exportBackup(current, { appVersion: 'test' })).bytes)
    current.close()
  })
})
