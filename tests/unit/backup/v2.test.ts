import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { BackupError } from '../../../src/renderer/src/notes/backup/format'
import { memorySource, readHeader } from '../../../src/renderer/src/notes/backup/v2/read'
import {
  exportEncrypted,
  restoreEncrypted,
  type BackupActor,
} from '../../../src/renderer/src/notes/backup/v2/service'
import type { Unlock } from '../../../src/renderer/src/notes/backup/v2/keys'
import type { RestoreProgress } from '../../../src/renderer/src/notes/backup/v2/restore'
import { RecoveryKey } from '../../../src/renderer/src/security/recovery'
import { PermissionError } from '../../../src/renderer/src/security/policy'
import { NotesDB } from '../../../src/renderer/src/notes/db'
import {
  BACKUP_PASS,
  clinicWithRecords,
  databaseNames,
  dump,
  exportToBytes,
  joinFile,
  splitFile,
  type Clinic,
} from './v2helpers'

/** A fresh, empty notes database: the app on a computer where no clinic is set up. */
async function freshProfile(): Promise<string> {
  const db = new NotesDB(`cramp-clinic-fresh-${Math.random().toString(36).slice(2)}`)
  await db.open()
  db.close()
  return db.name
}

async function restore(
  bytes: Uint8Array,
  unlock: Unlock,
  opts: {
    current?: string
    actor?: BackupActor | null
    signal?: AbortSignal
    onProgress?: (p: RestoreProgress) => void
  } = {},
) {
  const src = memorySource(bytes)
  const opened = await readHeader(src)
  if (!opened) throw new Error('not a version 2 file')
  return restoreEncrypted(src, opened, {
    currentDbName: opts.current ?? (await freshProfile()),
    actor: opts.actor ?? null,
    unlock,
    deviceId: 'pc-2',
    signal: opts.signal,
    onProgress: opts.onProgress,
  })
}

const words = (c: Clinic): Unlock => ({ recovery: RecoveryKey.fromWords(c.words) })

/** Expects a refusal in words, with the current database and the list of databases unchanged. */
async function expectRefused(c: Clinic, run: () => Promise<unknown>, code: string | string[], words: RegExp) {
  const before = await dump(c.db.name)
  const restored = async () => (await databaseNames()).filter((n) => n.includes('-restored-')).sort()
  const names = await restored()
  const e = await run().then(
    () => null,
    (err: unknown) => err,
  )
  expect(e, 'the restore should have been refused').toBeInstanceOf(BackupError)
  expect([code].flat()).toContain((e as BackupError).code)
  expect((e as BackupError).message).toMatch(words)
  expect(await dump(c.db.name)).toEqual(before)
  expect(await restored(), 'no restored database is left behind').toEqual(names)
}

describe('backup format 2', () => {
  it('round trip: every table comes back as stored, bytes included, with the restore audited', async () => {
    const c = await clinicWithRecords()
    const bytes = await exportToBytes(c, { recovery: true, passphrase: BACKUP_PASS })
    const result = await restore(bytes, words(c))
    const before = await dump(c.db.name)
    const after = await dump(result.dbName)
    for (const table of Object.keys(before)) {
      if (table === 'signInThrottle') expect(after[table]).toEqual([])
      else if (table === 'audit') {
        expect(after.audit!.slice(0, before.audit!.length)).toEqual(before.audit)
        expect(after.audit!.at(-1)).toMatchObject({ kind: 'backup.restored', actorId: 'system' })
      } else if (table !== 'auditHead') expect(after[table], table).toEqual(before[table])
    }
    // Every kind of record the issue names is there, not just present as a table.
    for (const t of ['patients', 'visits', 'staff', 'clinicKeys', 'signatures', 'addenda', 'audit']) {
      expect(before[t]!.length, t).toBeGreaterThan(0)
    }
    expect(before.audit![0]).toHaveProperty('detail', expect.any(Uint8Array))
    expect(after.audit![0]).toHaveProperty('detail', expect.any(Uint8Array))
    // The same file opens with the passphrase chosen at export.
    const again = await restore(bytes, { passphrase: BACKUP_PASS })
    expect((await dump(again.dbName)).visits).toEqual(before.visits)
  })

  it('holds no patient words in clear, in UTF-8 or UTF-16', async () => {
    const c = await clinicWithRecords()
    const bytes = Buffer.from(await exportToBytes(c))
    for (const word of ['Zephyrwood', 'Marigold', 'juniper', 'padding']) {
      expect(bytes.includes(Buffer.from(word, 'utf8')), word).toBe(false)
      expect(bytes.includes(Buffer.from(word, 'utf16le')), word).toBe(false)
    }
    const header = JSON.parse(Buffer.from(splitFile(bytes).header).toString('utf8'))
    expect(header).toMatchObject({
      format: 'cramp-clinic-backup-stream',
      version: 2,
      clinicName: 'Riverside Foot Clinic',
    })
    expect(header.counts).toMatchObject({ patients: 1, visits: 2, signatures: 1, addenda: 1, staff: 1 })
  })

  it('refuses wrong recovery words and a wrong passphrase in plain words, changing nothing', async () => {
    const c = await clinicWithRecords()
    const other = await clinicWithRecords()
    const bytes = await exportToBytes(c, { recovery: true, passphrase: BACKUP_PASS })
    await expectRefused(
      c,
      () => restore(bytes, words(other)),
      'wrong-key',
      /recovery words do not open this backup/,
    )
    await expectRefused(
      c,
      () => restore(bytes, { passphrase: 'not the passphrase at all' }),
      'wrong-key',
      /passphrase does not open/,
    )
    const onlyWords = await exportToBytes(c, { recovery: true })
    await expectRefused(
      c,
      () => restore(onlyWords, { passphrase: BACKUP_PASS }),
      'wrong-key',
      /recovery key, not a passphrase/,
    )
  })

  it('refuses a flipped byte anywhere: header, chunk body, or length', async () => {
    const c = await clinicWithRecords()
    const bytes = await exportToBytes(c)
    const { header, frames } = splitFile(bytes)
    const headerAt = new TextDecoder().decode(header).indexOf('"visits":2') + 9
    for (const at of [
      headerAt,
      header.length + 40,
      header.length + frames[0]!.length + 10,
      bytes.length - 3,
    ]) {
      const bad = bytes.slice()
      bad[at] = bad[at]! ^ 0x01
      await expectRefused(c, () => restore(bad, words(c)), 'tampered', /changed or damaged|cannot be trusted/)
    }
  })

  it('refuses a dropped, a repeated and two swapped chunks, and a file cut short', async () => {
    const c = await clinicWithRecords()
    const { header, frames } = splitFile(await exportToBytes(c))
    expect(frames.length).toBeGreaterThan(3)
    const cases: [string, Uint8Array][] = [
      ['dropped', joinFile(header, [frames[0]!, ...frames.slice(2)])],
      ['repeated', joinFile(header, [frames[0]!, ...frames])],
      ['swapped', joinFile(header, [frames[1]!, frames[0]!, ...frames.slice(2)])],
      ['last dropped', joinFile(header, frames.slice(0, -1))],
      ['cut mid-chunk', joinFile(header, frames).slice(0, -20)],
    ]
    for (const [what, bad] of cases) {
      const code = what === 'cut mid-chunk' ? 'truncated' : 'tampered'
      await expectRefused(c, () => restore(bad, words(c)), code, /incomplete|changed/)
    }
  })

  it('a cancelled restore changes nothing and leaves no new database', async () => {
    const c = await clinicWithRecords()
    const bytes = await exportToBytes(c)
    const stop = new AbortController()
    stop.abort()
    await expectRefused(
      c,
      () => restore(bytes, words(c), { signal: stop.signal }),
      'cancelled',
      /cancelled\. Nothing was changed/,
    )
  })

  it('reports reading, then checking; a cancel while checking changes nothing', async () => {
    const c = await clinicWithRecords()
    const bytes = await exportToBytes(c)
    const seen: RestoreProgress[] = []
    await restore(bytes, words(c), { onProgress: (p) => seen.push(p) })
    const phases = [...new Set(seen.map((p) => p.phase))]
    expect(phases).toEqual(['read', 'check'])
    const last = seen.at(-1)!
    expect(last.done).toBe(last.total)
    expect(last.total).toBeGreaterThan(0)

    const stop = new AbortController()
    await expectRefused(
      c,
      () =>
        restore(bytes, words(c), {
          signal: stop.signal,
          onProgress: (p) => p.phase === 'check' && stop.abort(),
        }),
      'cancelled',
      /cancelled\. Nothing was changed/,
    )
  })

  it('refuses a backup whose audit trail or a signature does not verify', async () => {
    const c = await clinicWithRecords()
    await c.db.table('audit').update(2, { kind: 'session.signOut' })
    await expectRefused(
      c,
      async () => restore(await exportToBytes(c), words(c)),
      'not-verified',
      /audit trail does not verify/,
    )

    const d = await clinicWithRecords()
    await d.db.table('visits').update(d.signed.id, { note: 'Rewritten after signing' })
    await expectRefused(
      d,
      async () => restore(await exportToBytes(d), words(d)),
      'not-verified',
      /does not match its signature/,
    )

    const e = await clinicWithRecords()
    const [a] = await e.db.table('addenda').toArray()
    await e.db.table('addenda').update(a.id, { text: 'Changed addendum' })
    await expectRefused(
      e,
      async () => restore(await exportToBytes(e), words(e)),
      'not-verified',
      /addendum was changed/,
    )
  })

  it('roles: reception cannot export; only the owner may replace a set-up clinic', async () => {
    const c = await clinicWithRecords()
    await expect(exportToBytes(c, { recovery: true }, { id: 'r', role: 'reception' })).rejects.toBeInstanceOf(
      PermissionError,
    )
    await expect(exportToBytes(c, { recovery: true }, null)).rejects.toThrow(/sign/i)
    const bytes = await exportToBytes(c, { recovery: true }, { id: 'cal', role: 'clinician' })
    await expect(
      restore(bytes, words(c), { current: c.db.name, actor: { id: 'cal', role: 'clinician' } }),
    ).rejects.toBeInstanceOf(PermissionError)
    const ok = await restore(bytes, words(c), { current: c.db.name, actor: c.owner })
    expect((await dump(ok.dbName)).audit!.at(-1)).toMatchObject({
      kind: 'backup.restored',
      actorId: 'owner-1',
    })
  })

  it('a cancelled export stops at once and says so; nothing is changed', async () => {
    const c = await clinicWithRecords()
    const before = await dump(c.db.name)
    const stop = new AbortController()
    const written: number[] = []
    const run = exportEncrypted(
      {
        write: async (d) => {
          written.push(d.length)
          stop.abort()
        },
      },
      {
        dbName: c.db.name,
        actor: c.owner,
        dataKey: c.session.dataKey,
        clinic: c.clinic,
        appVersion: 'test',
        signal: stop.signal,
      },
    )
    await expect(run).rejects.toMatchObject({
      code: 'cancelled',
      message: expect.stringMatching(/cancelled\. Nothing was saved/),
    })
    expect(written).toHaveLength(1)
    expect(await dump(c.db.name)).toEqual(before)
  })

  it('a version 1 (JSON) file is told apart from version 2 and goes the old way', async () => {
    const v1 = new TextEncoder().encode('{"format":"cramp-clinic-backup","version":2,"data":{}}\n')
    expect(await readHeader(memorySource(v1))).toBeNull()
  })
})
