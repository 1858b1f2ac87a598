import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { notesDb, notesRepo, setActor } from '../../../src/renderer/src/notes/instance'
import { emptyPatientInput } from '../../../src/renderer/src/notes/model'
import { useClinicStore } from '../../../src/renderer/src/stores/clinic'
import { useHandoutTemplatesStore } from '../../../src/renderer/src/stores/handoutTemplates'
import { useHandoutHistoryStore } from '../../../src/renderer/src/stores/handoutHistory'
import { EMPTY_CLINIC } from '../../../src/renderer/src/handouts/clinic'
import type { StoredHandout } from '../../../src/renderer/src/handouts/spec'
import { CLINIC, makeSpec } from './helpers'

beforeEach(async () => {
  setActivePinia(createPinia())
  // The app's repository acts for whoever is signed in: here the clinic's owner.
  setActor({ id: 'test-owner', role: 'owner' })
  await Promise.all(notesDb.tables.map((t) => t.clear()))
})

describe('clinic settings store', () => {
  it('starts blank, saves under "clinic", and reads back in a new session', async () => {
    expect(await useClinicStore().load()).toEqual(EMPTY_CLINIC)
    await useClinicStore().save(CLINIC)
    expect(await notesRepo.getSetting('clinic')).toEqual(CLINIC)
    setActivePinia(createPinia())
    expect(await useClinicStore().load()).toEqual(CLINIC)
  })

  it('says so when the stored settings cannot be read, and refuses to save bad ones', async () => {
    await notesRepo.setSetting('clinic', { name: 42 })
    const store = useClinicStore()
    expect(await store.load()).toEqual(EMPTY_CLINIC)
    expect(store.loadError).toMatch(/could not be read/)
    await expect(store.save({ ...CLINIC, phone: 'x'.repeat(61) })).rejects.toThrow()
    expect(await notesRepo.getSetting('clinic')).toEqual({ name: 42 })
  })
})

describe('handout templates store', () => {
  it('saves, replaces by name regardless of case, lists by name and deletes', async () => {
    const store = useHandoutTemplatesStore()
    await store.save('Night cramps - runner', { causes: ['low-magnesium'], sections: ['night-cramps'] })
    await store.save('Arch cramps', { causes: ['poor-footwear'], sections: ['footwear'] })
    const again = await store.save('night cramps - RUNNER', {
      causes: ['dehydration'],
      sections: ['hydration', 'exercises'],
      moreDetail: ['dehydration'],
      exercises: [{ id: 'toe-raises', dose: { sets: 2, reps: 10 } }],
    })
    expect(store.templates.map((t) => t.name)).toEqual(['Arch cramps', 'night cramps - RUNNER'])
    expect(again.causes).toEqual(['dehydration'])
    // Doses and detail come back as saved, after a reload from the database.
    await store.load()
    const back = store.templates.find((t) => t.id === again.id)!
    expect(back.exercises).toEqual([{ id: 'toe-raises', dose: { sets: 2, reps: 10 } }])
    expect(back.moreDetail).toEqual(['dehydration'])
    expect(await notesDb.handoutTemplates.count()).toBe(2)
    // A template saved before templates kept doses still loads.
    await notesDb.handoutTemplates.put({
      id: 'old',
      name: 'Old one',
      causes: ['dehydration'],
      sections: ['hydration'],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
    expect((await store.load()).find((t) => t.id === 'old')?.exercises).toBeUndefined()
    await store.remove('old')
    await store.remove(again.id)
    expect(store.templates.map((t) => t.name)).toEqual(['Arch cramps'])
  })
})

describe('handout history store', () => {
  async function visit(): Promise<{ visitId: string; patientId: string }> {
    const patient = await notesRepo.createPatient({ ...emptyPatientInput(), name: 'Margaret Quill' })
    const v = await notesRepo.createVisit(patient.id)
    return { visitId: v.id, patientId: patient.id }
  }
  const handout = (visitId: string, sha: string, createdAt: string): StoredHandout => ({
    id: `h-${sha}`,
    spec: makeSpec({ visitId }),
    createdAt,
    sha256: sha.repeat(64).slice(0, 64),
  })

  it('notes a handout on its visit once, and lists recent ones newest first', async () => {
    const { visitId } = await visit()
    const store = useHandoutHistoryStore()
    expect(await store.record(visitId, handout(visitId, 'a', '2026-11-21T10:00:00.000Z'))).toBe('added')
    expect(await store.record(visitId, handout(visitId, 'a', '2026-11-21T11:00:00.000Z'))).toBe('already')
    expect(await store.record(visitId, handout(visitId, 'b', '2026-11-21T12:00:00.000Z'))).toBe('added')
    expect((await notesRepo.handoutsOf(visitId)).map((h) => h.id)).toEqual(['h-a', 'h-b'])
    const recent = await store.loadRecent()
    expect(recent.map((r) => [r.patientName, r.handout.id])).toEqual([
      ['Margaret Quill', 'h-b'],
      ['Margaret Quill', 'h-a'],
    ])
    expect((await store.find(visitId, 'h-a'))?.handout.sha256).toBe('a'.repeat(64))
    expect(await store.find(visitId, 'nope')).toBeUndefined()
  })

  it('keeps the handout when the visit was saved elsewhere in between', async () => {
    const { visitId } = await visit()
    const v = (await notesRepo.getVisit(visitId))!
    await notesRepo.update('visit', visitId, v.rev, { note: 'typed in another window' })
    await useHandoutHistoryStore().record(visitId, handout(visitId, 'c', '2026-11-21T10:00:00.000Z'))
    const after = (await notesRepo.getVisit(visitId))!
    expect(after.note).toBe('typed in another window')
    // Noting a handout never makes a new version of the visit (an open editor sees no conflict).
    expect(after.rev).not.toBe(v.rev)
    expect((await notesRepo.getVisit(visitId))!.rev).toBe(after.rev)
    expect(await notesRepo.handoutsOf(visitId)).toHaveLength(1)
  })

  it("lists a patient's handouts for reception, newest first, none of a trashed visit, no visit read", async () => {
    const { visitId, patientId } = await visit()
    const second = (await notesRepo.createVisit(patientId)).id
    const other = await visit()
    const store = useHandoutHistoryStore()
    await store.record(visitId, handout(visitId, 'e', '2026-11-20T10:00:00.000Z'))
    await store.record(second, handout(second, 'f', '2026-11-21T10:00:00.000Z'))
    await store.record(other.visitId, handout(other.visitId, '9', '2026-11-22T10:00:00.000Z'))
    setActor({ id: 'test-reception', role: 'reception' })
    expect((await notesRepo.handoutsOfPatient(patientId)).map((h) => h.id)).toEqual(['h-f', 'h-e'])
    // The same person still cannot read the visits those handouts were given at.
    await expect(notesRepo.getVisit(visitId)).rejects.toThrow(/cannot open visit notes/)
    setActor({ id: 'test-owner', role: 'owner' })
    await notesRepo.trashVisit(second)
    expect((await notesRepo.handoutsOfPatient(patientId)).map((h) => h.id)).toEqual(['h-e'])
  })

  it('refuses to note a handout on a visit that is gone', async () => {
    await expect(
      useHandoutHistoryStore().record('missing', handout('missing', 'd', '2026-11-21T10:00:00.000Z')),
    ).rejects.toThrow(/no longer exists/)
  })
})
