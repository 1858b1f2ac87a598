import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import { createHandlers } from '../../../src/main/handlers'

function setup(paths: { save?: () => string; open?: () => string | null } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cramp-stream-'))
  const dispatch = createDispatcher(
    createHandlers({
      dialog: {
        chooseSavePath: async (name) => (paths.save ? paths.save() : join(dir, name)),
        chooseOpenPath: async () => (paths.open ? paths.open() : null),
      },
      shell: { openPath: async () => '' },
      appInfo: () => ({
        name: 'Cramp Clinic',
        version: '1',
        dataPath: dir,
        platform: 'linux',
        runtime: 'electron',
      }),
    }),
  )
  const call = (channel: string, payload: unknown) =>
    dispatch(channel, payload, true) as Promise<
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      any
    >
  return { dir, call }
}

const bytes = (...n: number[]) => new Uint8Array(n)

describe('streamed saves', () => {
  it('writes the pieces to a temporary file and renames it into place only at finish', async () => {
    const { dir, call } = setup()
    const begun = await call('file:save-begin', { purpose: 'backup', suggestedName: 'b.ccbackup' })
    expect(begun).toMatchObject({ status: 'ready', name: 'b.ccbackup' })
    await expect(call('file:save-write', { handle: begun.handle, data: bytes(1, 2) })).resolves.toEqual({
      status: 'ok',
    })
    await call('file:save-write', { handle: begun.handle, data: bytes(3) })
    // Before finish nothing carries the real name: only a hidden temporary file.
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^\.b\.ccbackup\.[0-9a-f]+\.tmp$/)])
    const done = await call('file:save-finish', { handle: begun.handle })
    expect(done).toMatchObject({ status: 'saved', name: 'b.ccbackup', path: join(dir, 'b.ccbackup') })
    expect([...readFileSync(join(dir, 'b.ccbackup'))]).toEqual([1, 2, 3])
    expect(readdirSync(dir)).toEqual(['b.ccbackup'])
    if (process.platform !== 'win32') expect(statSync(join(dir, 'b.ccbackup')).mode & 0o777).toBe(0o600)
    // The handle is spent.
    expect(await call('file:save-write', { handle: begun.handle, data: bytes(4) })).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/no longer open/),
    })
  })

  it('abort deletes the temporary file and leaves an existing file of that name alone', async () => {
    const { dir, call } = setup()
    writeFileSync(join(dir, 'b.ccbackup'), 'yesterday')
    const begun = await call('file:save-begin', { purpose: 'backup', suggestedName: 'b.ccbackup' })
    await call('file:save-write', { handle: begun.handle, data: bytes(9, 9) })
    await expect(call('file:save-abort', { handle: begun.handle })).resolves.toEqual({ status: 'ok' })
    expect(readdirSync(dir)).toEqual(['b.ccbackup'])
    expect(readFileSync(join(dir, 'b.ccbackup'), 'utf8')).toBe('yesterday')
  })

  it('a folder that vanished before finish: plain words, no temporary file left', async () => {
    const { dir, call } = setup()
    const folder = join(dir, 'usb')
    mkdirSync(folder)
    const { call: call2 } = setup({ save: () => join(folder, 'b.ccbackup') })
    void call
    const begun = await call2('file:save-begin', { purpose: 'backup', suggestedName: 'b.ccbackup' })
    await call2('file:save-write', { handle: begun.handle, data: bytes(1) })
    rmSync(folder, { recursive: true, force: true })
    const done = await call2('file:save-finish', { handle: begun.handle })
    expect(done).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/could not be saved: the file or folder no longer exists/),
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it.runIf(process.platform !== 'win32' && process.getuid?.() !== 0)(
    'a folder that refuses writing: plain words at the start, nothing written',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'cramp-ro-'))
      chmodSync(root, 0o500)
      const { call } = setup({ save: () => join(root, 'b.ccbackup') })
      const r = await call('file:save-begin', { purpose: 'backup', suggestedName: 'b.ccbackup' })
      chmodSync(root, 0o700)
      expect(r).toMatchObject({ status: 'error', message: expect.stringMatching(/does not allow it/) })
      expect(readdirSync(root)).toEqual([])
    },
  )

  it('refuses pieces above the cap, handles it never gave, and extra fields', async () => {
    const { call } = setup()
    const begun = await call('file:save-begin', { purpose: 'backup', suggestedName: 'b.ccbackup' })
    await expect(
      call('file:save-write', { handle: begun.handle, data: new Uint8Array(8 * 1024 * 1024 + 1) }),
    ).rejects.toThrow(/file too large/)
    await expect(call('file:save-write', { handle: '../../etc', data: bytes(1) })).rejects.toThrow(
      /stream handle/,
    )
    expect(await call('file:save-write', { handle: 'a'.repeat(32), data: bytes(1) })).toMatchObject({
      status: 'error',
    })
    await expect(
      call('file:save-begin', { purpose: 'backup', suggestedName: 'b', path: '/etc/passwd' }),
    ).rejects.toThrow(/invalid payload/)
    await call('file:save-abort', { handle: begun.handle })
  })

  it('cancelled dialog: nothing opened', async () => {
    const { dir, call } = setup({ save: () => '' })
    expect(await call('file:save-begin', { purpose: 'backup', suggestedName: 'b' })).toEqual({
      status: 'cancelled',
    })
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('a page that goes away', () => {
  it('leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cramp-gone-'))
    let gone: () => void = () => undefined
    const dispatch = createDispatcher(
      createHandlers({
        dialog: { chooseSavePath: async (n) => join(dir, n), chooseOpenPath: async () => null },
        shell: { openPath: async () => '' },
        appInfo: () => ({ name: 'C', version: '1', dataPath: dir, platform: 'linux', runtime: 'electron' }),
        onPageGone: (fn) => (gone = fn),
      }),
    )
    const begun = (await dispatch('file:save-begin', { purpose: 'backup', suggestedName: 'b' }, true)) as {
      handle: string
    }
    await dispatch('file:save-write', { handle: begun.handle, data: bytes(1) }, true)
    expect(readdirSync(dir)).toHaveLength(1)
    gone()
    await expect.poll(() => readdirSync(dir)).toEqual([])
  })
})

describe('streamed reads', () => {
  it('gives the size, then pieces at offsets, short at the end, and closes', async () => {
    const src = join(mkdtempSync(join(tmpdir(), 'cramp-read-')), 'b.ccbackup')
    writeFileSync(src, Buffer.from([0, 1, 2, 3, 4, 5, 6]))
    const { call } = setup({ open: () => src })
    const opened = await call('file:read-open', { purpose: 'backup' })
    expect(opened).toMatchObject({ status: 'opened', name: 'b.ccbackup', size: 7 })
    const a = await call('file:read-chunk', { handle: opened.handle, offset: 2, length: 3 })
    expect([...a.data]).toEqual([2, 3, 4])
    const b = await call('file:read-chunk', { handle: opened.handle, offset: 5, length: 100 })
    expect([...b.data]).toEqual([5, 6])
    const c = await call('file:read-chunk', { handle: opened.handle, offset: 7, length: 1 })
    expect([...c.data]).toEqual([])
    await call('file:read-close', { handle: opened.handle })
    expect(await call('file:read-chunk', { handle: opened.handle, offset: 0, length: 1 })).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/no longer open/),
    })
    await expect(call('file:read-chunk', { handle: opened.handle, offset: -1, length: 1 })).rejects.toThrow(
      /invalid payload/,
    )
  })

  it('a missing file is refused in plain words', async () => {
    const { call } = setup({ open: () => '/nonexistent/b.ccbackup' })
    expect(await call('file:read-open', { purpose: 'backup' })).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/no longer exists/),
    })
  })
})
