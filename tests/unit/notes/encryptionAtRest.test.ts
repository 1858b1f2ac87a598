import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import { NotesRepository } from '../../../src/renderer/src/notes/repository'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { LockedError, TamperedDataError } from '../../../src/renderer/src/security/errors'
import { createDataKey, deriveKeyRing } from '../../../src/renderer/src/security/keyring'
import { SEALED_TABLES } from '../../../src/renderer/src/notes/rowSealing'
import { dump, freshRepo, testRing } from './helpers'
import { makeSpec } from '../handouts/helpers'

const SECRET_WORDS = [
  'Quillfeather',
  'zanzibarite',
  'Plumtree Lane 42',
  'warfarinexa',
  'obscurocramp',
  '1951-07-04',
]

/** The rows exactly as IndexedDB holds them, read without the row codec. */
async function rawTables(name: string): Promise<Record<string, Record<string, unknown>[]>> {
  const raw = new Dexie(name)
  await raw.open()
  const out: Record<string, Record<string, unknown>[]> = {}
  for (const t of raw.tables) out[t.name] = await t.toArray()
  raw.close()
  return out
}

/** Every string anywhere in a value (ciphertext bytes are not strings). */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out))
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    Object.values(value).forEach((v) => stringsIn(v, out))
  }
  return out
}

async function fillEveryTable() {
  const t = freshRepo()
  const { repo, db } = t
  const patient = await repo.createPatient({
    ...emptyPatientInput(),
    name: 'Ada Quillfeather',
    dateOfBirth: '1951-07-04',
    chartNumber: 'ZQ-9917',
    phone: 'Plumtree Lane 42',
    medicines: ['warfarinexa'],
    alerts: 'zanzibarite allergy',
  })
  const visit = await repo.createVisit(patient.id, {
    reason: 'obscurocramp at night',
    note: 'Quillfeather calf obscurocramp',
    plan: 'stretch zanzibarite',
    findings: ['obscurocramp finding'],
  })
  t.advance(120_000)
  const edited = await repo.update('visit', visit.id, visit.rev, { note: 'obscurocramp second version' })
  await repo.writeCrashCopy('visit', visit.id, edited.rev, { note: 'obscurocramp unsaved typing' })
  await repo.addHandout(visit.id, {
    id: 'h1',
    createdAt: new Date().toISOString(),
    fileName: 'Quillfeather handout.pdf',
    spec: makeSpec(),
  })
  await db.table('addenda').put({
    id: 'a1',
    visitId: visit.id,
    authorId: 's1',
    createdAt: new Date().toISOString(),
    reason: 'obscurocramp result',
    text: 'Quillfeather addendum text',
    follows: '0'.repeat(64),
    hash: '1'.repeat(64),
    seal: 'seal',
  })
  const other = await repo.createVisit(patient.id, { note: 'trashed obscurocramp' })
  await repo.trashVisit(other.id)
  return { ...t, patient, visit: edited }
}

describe('encryption at rest', () => {
  it('stores no field of a record in clear, and reads every one back', async () => {
    const { db, repo, patient, visit } = await fillEveryTable()
    const raw = await rawTables(db.name)
    for (const table of SEALED_TABLES) {
      const rows = raw[table] ?? []
      expect(rows.length, table).toBeGreaterThan(0)
      for (const row of rows) {
        expect(row.sealed, table).toBeInstanceOf(Uint8Array)
        const text = stringsIn(row).join(' ').toLowerCase()
        for (const w of SECRET_WORDS) expect(text, `${table} holds "${w}"`).not.toContain(w.toLowerCase())
      }
    }
    expect(raw.patients![0]).not.toHaveProperty('nameWords')
    expect(raw.visits![0]).not.toHaveProperty('words')
    // Read back whole through the repository.
    expect(await repo.getPatient(patient.id)).toEqual({ ...patient, lastVisitAt: expect.any(String) })
    expect((await repo.handoutsOf(visit.id))[0]?.fileName).toBe('Quillfeather handout.pdf')
    expect(await repo.getVisit(visit.id)).toEqual(visit)
    expect(visit).toMatchObject({
      note: 'obscurocramp second version',
      reason: 'obscurocramp at night',
      plan: 'stretch zanzibarite',
      findings: ['obscurocramp finding'],
    })
    expect((await repo.historyOf(visit.id))[0]?.record).toMatchObject({
      note: 'Quillfeather calf obscurocramp',
    })
    expect((await repo.crashCopies(visit.id))[0]?.fields).toEqual({ note: 'obscurocramp unsaved typing' })
    expect((await repo.listTrash())[0]).toMatchObject({ kind: 'visit', patientName: 'Ada Quillfeather' })
    expect(await db.table('addenda').get('a1')).toMatchObject({
      text: 'Quillfeather addendum text',
      seal: 'seal',
    })
    // Lookups by name prefix, chart number and birth date go through the keyed tokens.
    expect((await repo.findPatients('quill')).map((p) => p.id)).toEqual([patient.id])
    expect((await repo.findPatients('ada quillfeather')).map((p) => p.id)).toEqual([patient.id])
    expect((await repo.findPatients('zq-99')).map((p) => p.id)).toEqual([patient.id])
    expect((await repo.findPatients('04/07/1951')).map((p) => p.id)).toEqual([patient.id])
    expect(await repo.findPatients('quilx')).toEqual([])
    expect((await repo.searchNotes('second')).hits.map((h) => h.visit.id)).toEqual([visit.id])
  })

  it('a changed ciphertext gives a plain message and changes nothing', async () => {
    const { db, repo, visit } = await fillEveryTable()
    const raw = new Dexie(db.name)
    await raw.open()
    const row = (await raw.table('visits').get(visit.id)) as { sealed: Uint8Array }
    row.sealed[row.sealed.length - 3]! ^= 1
    await raw.table('visits').put(row)
    raw.close()
    const before = await rawTables(db.name)
    const error = await repo.getVisit(visit.id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TamperedDataError)
    expect((error as Error).message).toMatch(
      /^A visit note could not be read: it was changed outside Cramp Clinic/,
    )
    await expect(repo.update('visit', visit.id, visit.rev, { note: 'x' })).rejects.toBeInstanceOf(
      TamperedDataError,
    )
    expect(await rawTables(db.name)).toEqual(before)
  })

  it('another clinic key opens nothing', async () => {
    const { db, patient } = await fillEveryTable()
    const otherRing = await deriveKeyRing(await createDataKey())
    const other = new NotesDB(db.name)
    other.keySource = () => otherRing
    await expect(new NotesRepository(other).getPatient(patient.id)).rejects.toBeInstanceOf(TamperedDataError)
    expect(await new NotesRepository(other).findPatients('quill')).toEqual([])
    other.close()
  })

  it('while locked, reads and writes fail with LockedError, not with ciphertext', async () => {
    const { db, repo, patient, visit } = await fillEveryTable()
    let open = true
    db.keySource = () => {
      if (!open) throw new LockedError()
      return testRing
    }
    open = false
    await expect(repo.getPatient(patient.id)).rejects.toBeInstanceOf(LockedError)
    await expect(repo.openVisit(visit.id)).rejects.toBeInstanceOf(LockedError)
    await expect(repo.listPatients()).rejects.toBeInstanceOf(LockedError)
    await expect(repo.findPatients('ada')).rejects.toBeInstanceOf(LockedError)
    await expect(repo.createPatient({ ...emptyPatientInput(), name: 'Locked Out' })).rejects.toBeInstanceOf(
      LockedError,
    )
    open = true
    expect((await repo.listPatients()).patients).toHaveLength(1)
    expect(await repo.countPatients()).toBe(1)
    expect((await dump(db)).patients).toHaveLength(1)
  })
})
