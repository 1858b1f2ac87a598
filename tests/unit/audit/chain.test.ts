import { describe, expect, it } from 'vitest'
import { AuditLog } from '../../../src/renderer/src/audit/log'
import { macOf } from '../../../src/renderer/src/audit/chain'
import type { AuditRow } from '../../../src/renderer/src/audit/model'
import { createDataKey, deriveKeyRing } from '../../../src/renderer/src/security/keyring'
import { fill, freshLog } from './helpers'

describe('appending', () => {
  it('numbers entries, links each to the one before and keeps the detail encrypted', async () => {
    const t = await freshLog()
    const a = await t.log.append({
      kind: 'patient.created',
      actorId: 'staff-1',
      patientId: 'p-1',
      detail: { name: 'Ann Müller' },
    })
    const b = await t.log.append({ kind: 'patient.viewed', actorId: 'staff-2', patientId: 'p-1' })
    expect([a.seq, b.seq]).toEqual([1, 2])
    expect(a.prev).toBe('')
    expect(b.prev).toBe(a.mac)
    expect(b.detail).toBeNull()
    const stored = (await t.db.audit.get(1))!
    expect(new TextDecoder().decode(stored.detail!)).not.toContain('Müller')
    const [shown] = await t.log.page({ patientId: 'p-1' }, 10, 2)
    expect(shown!.detail).toEqual({ name: 'Ann Müller' })
    expect(await t.log.verify()).toMatchObject({ ok: true, checked: 2, problem: null })
  })

  it('never lets time go backwards along the chain', async () => {
    const t = await freshLog()
    await t.log.append({ kind: 'session.signIn', actorId: 's' })
    t.clock.advance(-3_600_000)
    const b = await t.log.append({ kind: 'session.lock', actorId: 's' })
    expect(b.at).toBe((await t.db.audit.get(1))!.at)
  })

  it('two windows appending at once both land, in one unbroken chain', async () => {
    const t = await freshLog()
    const other = new AuditLog({
      store: t.store,
      keys: () => t.session.ring,
      deviceId: 'pc-1',
      clock: t.clock.now,
    })
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? t.log : other).append({ kind: 'patient.viewed', actorId: `s${i}` }),
      ),
    )
    expect(await t.store.count()).toBe(20)
    expect((await t.db.audit.toArray()).map((r) => r.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    )
    expect((await t.log.verify()).ok).toBe(true)
  })

  it('a burst is chained in the order asked, written in fewer transactions, and verifies', async () => {
    const t = await freshLog()
    let writes = 0
    const appendIfHead = t.store.appendIfHead.bind(t.store)
    t.store.appendIfHead = (...args) => {
      writes++
      return appendIfHead(...args)
    }
    const rows = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.log.append({ kind: 'patient.viewed', actorId: `s${i}`, detail: i % 2 ? { i } : undefined }),
      ),
    )
    expect(rows.map((r) => [r.seq, r.actorId])).toEqual(rows.map((_, i) => [i + 1, `s${i}`]))
    expect(writes).toBeLessThan(30)
    const page = await t.log.page({ actorId: 's29' })
    expect(page[0]!.detail).toEqual({ i: 29 })
    expect(await t.log.verify()).toMatchObject({ ok: true, checked: 30 })
  })

  it('refuses to append while locked, writing nothing', async () => {
    const t = await freshLog()
    t.session.close()
    await expect(t.log.append({ kind: 'session.lock', actorId: 's' })).rejects.toThrow(/locked/)
    expect(await t.store.count()).toBe(0)
  })

  it('keeps events from while locked and chains them at the next sign-in', async () => {
    const t = await freshLog()
    await t.log.appendWhileLocked({ kind: 'session.signInFailed', actorId: 'staff-1', detail: { tries: 1 } })
    await t.log.appendWhileLocked({ kind: 'session.signInFailed', actorId: 'staff-1', detail: { tries: 2 } })
    expect(await t.store.count()).toBe(0)
    expect(await t.log.flushPending()).toBe(2)
    expect(await t.store.pending()).toEqual([])
    const page = await t.log.page({ kind: 'session.signInFailed' })
    expect(page.map((e) => (e.detail as { tries: number }).tries)).toEqual([2, 1])
    expect((await t.log.verify()).ok).toBe(true)
  })
})

describe('verify names the first entry altered, removed or inserted', () => {
  async function tampered(
    edit: (rows: AuditRow[], t: Awaited<ReturnType<typeof freshLog>>) => Promise<void>,
  ) {
    const t = await freshLog()
    await fill(t, 30)
    await edit(await t.db.audit.orderBy('seq').toArray(), t)
    return t.log.verify()
  }

  it('an edited entry (its kind changed on disk)', async () => {
    const r = await tampered(async (_rows, t) => {
      await t.db.audit.update(12, { kind: 'session.signIn' })
    })
    expect(r).toMatchObject({ ok: false, checked: 11, problem: { kind: 'altered', seq: 12 } })
    expect(r.problem!.message).toBe(
      'Entry 12 was changed after it was written. The entries before it are as they were written.',
    )
  })

  it('an edited detail (one byte of its ciphertext)', async () => {
    const r = await tampered(async (rows, t) => {
      const d = rows[20]!.detail!.slice()
      d[15]! ^= 1
      await t.db.audit.update(21, { detail: d })
    })
    expect(r.problem).toMatchObject({ kind: 'altered', seq: 21 })
  })

  it('a deleted entry', async () => {
    const r = await tampered(async (_rows, t) => {
      await t.db.audit.delete(7)
    })
    expect(r.problem).toMatchObject({ kind: 'removed', seq: 7, missing: 1 })
    expect(r.problem!.message).toBe('Entry 7 is missing: it was deleted.')
  })

  it('several deleted entries', async () => {
    const r = await tampered(async (_rows, t) => {
      await t.db.audit.bulkDelete([7, 8, 9])
    })
    expect(r.problem).toMatchObject({ kind: 'removed', seq: 7, missing: 3 })
    expect(r.problem!.message).toBe('Entries 7 to 9 are missing: they were deleted.')
  })

  it('a deleted entry with the rest renumbered to hide the gap', async () => {
    const r = await tampered(async (rows, t) => {
      await t.db.audit.clear()
      await t.db.audit.bulkAdd(
        rows.filter((x) => x.seq !== 7).map((x) => (x.seq > 7 ? { ...x, seq: x.seq - 1 } : x)),
      )
    })
    expect(r.problem).toMatchObject({ kind: 'removed', seq: 7 })
  })

  it('the newest entries deleted (the sealed end marker still counts them)', async () => {
    const r = await tampered(async (_rows, t) => {
      await t.db.audit.bulkDelete([29, 30])
    })
    expect(r.problem).toMatchObject({ kind: 'removed', seq: 29, missing: 2 })
  })

  it('an entry slipped in, the rest renumbered', async () => {
    const r = await tampered(async (rows, t) => {
      const fake: AuditRow = { ...rows[9]!, kind: 'trash.emptied', actorId: 'staff-9' }
      await t.db.audit.clear()
      await t.db.audit.bulkAdd([
        ...rows.slice(0, 10),
        { ...fake, seq: 11, prev: rows[9]!.mac },
        ...rows.slice(10).map((x) => ({ ...x, seq: x.seq + 1 })),
      ])
    })
    expect(r.problem).toMatchObject({ kind: 'inserted', seq: 11 })
    expect(r.problem!.message).toBe('Entry 11 was not written by Cramp Clinic: it was put in afterwards.')
  })

  it('an entry added at the end', async () => {
    const r = await tampered(async (rows, t) => {
      await t.db.audit.add({ ...rows[29]!, seq: 31, prev: rows[29]!.mac, kind: 'backup.restored' })
    })
    expect(r.problem).toMatchObject({ kind: 'inserted', seq: 31 })
  })

  it('a chain rebuilt by someone without the data key (their own key: every MAC differs)', async () => {
    const r = await tampered(async (rows, t) => {
      const { auditKey } = await deriveKeyRing(await createDataKey())
      let prev = ''
      const rebuilt: AuditRow[] = []
      for (const row of rows) {
        const base = { ...row, actorId: row.seq === 5 ? 'staff-9' : row.actorId, prev }
        const { mac: _m, ...rest } = base
        const mac = await macOf(auditKey, rest)
        rebuilt.push({ ...base, mac })
        prev = mac
      }
      await t.db.audit.bulkPut(rebuilt)
    })
    expect(r.problem).toMatchObject({ kind: 'altered', seq: 1 })
  })

  it('the end marker edited', async () => {
    const r = await tampered(async (_rows, t) => {
      await t.db.auditHead.update('head', { seq: 25 })
    })
    expect(r.problem).toMatchObject({ kind: 'altered', seq: 25 })
  })

  it('walks across chunk boundaries (2,000 per read) without false alarms', async () => {
    const t = await freshLog()
    await fill(t, 4100)
    expect(await t.log.verify()).toMatchObject({ ok: true, checked: 4100 })
    await t.db.audit.update(2001, { actorId: 'x' })
    expect((await t.log.verify()).problem).toMatchObject({ kind: 'altered', seq: 2001 })
  }, 60_000)
})

describe('filtering', () => {
  it('by patient, staff member, kind and date, newest first, in pages', async () => {
    const t = await freshLog()
    await fill(t, 30)
    const p1 = await t.log.page({ patientId: 'p-1' }, 100)
    expect(p1).toHaveLength(15)
    expect(p1.every((e) => e.patientId === 'p-1')).toBe(true)
    expect(p1.map((e) => e.seq)).toEqual([...p1.map((e) => e.seq)].sort((a, b) => b - a))
    const viewedByS2 = await t.log.page({ actorId: 'staff-2', kind: 'patient.viewed' }, 100)
    expect(viewedByS2.map((e) => e.seq)).toEqual([25, 19, 13, 7, 1])
    // Entries are a minute apart from 09:00: 09:05 to before 09:10 is seq 6 to 10.
    const range = await t.log.page({ from: '2026-05-04T09:05:00.000Z', to: '2026-05-04T09:10:00.000Z' }, 100)
    expect(range.map((e) => e.seq)).toEqual([10, 9, 8, 7, 6])
    const both = await t.log.page(
      { patientId: 'p-2', from: '2026-05-04T09:05:00.000Z', to: '2026-05-04T09:10:00.000Z' },
      100,
    )
    expect(both.map((e) => e.seq)).toEqual([9, 7])
    const first = await t.log.page({}, 4)
    const next = await t.log.page({}, 4, first.at(-1)!.seq)
    expect([...first, ...next].map((e) => e.seq)).toEqual([30, 29, 28, 27, 26, 25, 24, 23])
    expect(await t.log.page({ from: '2030-01-01T00:00:00.000Z' })).toEqual([])
  })

  it('shows an entry whose detail no longer decrypts as unreadable, and verify names it', async () => {
    const t = await freshLog()
    await fill(t, 3)
    await t.db.audit.update(2, { detail: (await t.db.audit.get(3))!.detail })
    const [, two] = await t.log.page({}, 3)
    expect(two).toMatchObject({ seq: 2, detail: null, detailUnreadable: true })
    expect((await t.log.verify()).problem).toMatchObject({ kind: 'altered', seq: 2 })
  })
})
