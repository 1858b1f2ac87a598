import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import { createHandlers, describeFsError, type DialogPort, type FileFilter } from '../../../src/main/handlers'

function setup(dialog: Partial<DialogPort> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cramp-ipc-'))
  const opened: string[] = []
  const asked: { name?: string; filters: FileFilter[] }[] = []
  const dispatch = createDispatcher(
    createHandlers({
      dialog: {
        chooseSavePath: async (name, filters) => (asked.push({ name, filters }), join(dir, name)),
        chooseOpenPath: async (filters) => (asked.push({ filters }), null),
        ...dialog,
      },
      shell: { openPath: async (p) => (opened.push(p), '') },
      appInfo: () => ({
        name: 'Cramp Clinic',
        version: '1.0.0',
        dataPath: dir,
        platform: 'linux',
        runtime: 'electron',
      }),
    }),
  )
  return { dir, dispatch, opened, asked }
}

const save = (data = new Uint8Array([1, 2, 3])) => ({
  purpose: 'handout-pdf',
  suggestedName: 'Handout.pdf',
  data,
})

describe('IPC dispatcher', () => {
  it('refuses a sender that is not one of the app windows', async () => {
    const { dispatch } = setup()
    await expect(dispatch('app:info', undefined, false)).rejects.toThrow(
      /sender is not one of the app windows/,
    )
  })

  it('refuses unknown channels', async () => {
    const { dispatch } = setup()
    await expect(dispatch('fs:rm-rf', {}, true)).rejects.toThrow(/unknown channel/)
    await expect(dispatch('__proto__', {}, true)).rejects.toThrow(/unknown channel/)
    await expect(dispatch(42, {}, true)).rejects.toThrow(/unknown channel/)
  })

  it.each([
    ['a folder in the name', { ...save(), suggestedName: '../../.bashrc' }],
    ['a missing name', { purpose: 'backup', data: new Uint8Array(1) }],
    ['data that is not bytes', { ...save(), data: 'not bytes' }],
    ['an extra field', { ...save(), path: '/etc/passwd' }],
    ['filters of its own', { ...save(), filters: [{ name: 'Anything', extensions: ['*'] }] }],
    ['an unknown purpose', { ...save(), purpose: 'script' }],
    ['no purpose', { suggestedName: 'a.pdf', data: new Uint8Array(1) }],
    ['a control character', { ...save(), suggestedName: 'a\u0000b.pdf' }],
  ])('refuses a save payload with %s', async (_what, payload) => {
    const { dispatch, dir } = setup()
    await expect(dispatch('file:save', payload, true)).rejects.toThrow(/invalid payload for file:save/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses open requests without a sane size limit', async () => {
    const { dispatch } = setup()
    await expect(dispatch('file:open', { purpose: 'backup', maxBytes: -1 }, true)).rejects.toThrow(
      /invalid payload/,
    )
    await expect(dispatch('file:open', { purpose: 'backup', maxBytes: 1e12 }, true)).rejects.toThrow(
      /invalid payload/,
    )
    await expect(
      dispatch('file:open', { purpose: 'backup', maxBytes: 10, filters: [] }, true),
    ).rejects.toThrow(/invalid payload/)
  })

  it('answers app:info', async () => {
    const { dispatch } = setup()
    await expect(dispatch('app:info', undefined, true)).resolves.toMatchObject({ name: 'Cramp Clinic' })
  })
})

describe('file handlers', () => {
  it('writes exactly the bytes to the path the dialog chose, and nowhere else', async () => {
    const { dispatch, dir } = setup()
    const r = await dispatch('file:save', save(new Uint8Array([37, 80, 68, 70])), true)
    expect(r).toEqual({ status: 'saved', path: join(dir, 'Handout.pdf'), name: 'Handout.pdf' })
    expect([...readFileSync(join(dir, 'Handout.pdf'))]).toEqual([37, 80, 68, 70])
    expect(readdirSync(dir)).toEqual(['Handout.pdf'])
  })

  it('writes nothing when the user cancels the dialog', async () => {
    const { dispatch, dir } = setup({ chooseSavePath: async () => null })
    await expect(dispatch('file:save', save(), true)).resolves.toEqual({ status: 'cancelled' })
    expect(readdirSync(dir)).toEqual([])
  })

  it('reports a write failure in plain words and leaves the old file alone', async () => {
    const { dispatch, dir } = setup({ chooseSavePath: async () => join(dir, 'missing-folder', 'x.pdf') })
    const r = await dispatch('file:save', save(), true)
    expect(r).toMatchObject({ status: 'error', message: expect.stringMatching(/could not be saved/) })
  })

  it('opens a chosen file and enforces the size limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cramp-open-'))
    const small = join(dir, 'backup.json')
    writeFileSync(small, '{"a":1}')
    const { dispatch } = setup({ chooseOpenPath: async () => small })
    const r = (await dispatch('file:open', { purpose: 'backup', maxBytes: 100 }, true)) as {
      status: string
      data: Uint8Array
    }
    expect(r.status).toBe('opened')
    expect(new TextDecoder().decode(r.data)).toBe('{"a":1}')
    const tooBig = await dispatch('file:open', { purpose: 'backup', maxBytes: 3 }, true)
    expect(tooBig).toMatchObject({ status: 'error', message: expect.stringMatching(/too large/) })
  })

  it('opens in the system viewer only files saved from the app', async () => {
    const { dispatch, dir, opened } = setup()
    const refused = await dispatch('file:open-path', { path: '/etc/passwd' }, true)
    expect(refused).toMatchObject({ status: 'error' })
    await dispatch('file:save', save(), true)
    await expect(dispatch('file:open-path', { path: join(dir, 'Handout.pdf') }, true)).resolves.toEqual({
      status: 'opened',
    })
    expect(opened).toEqual([join(dir, 'Handout.pdf')])
  })

  it('offers in the open dialog only the types the purpose allows', async () => {
    const { dispatch, asked } = setup()
    await dispatch('file:open', { purpose: 'logo', maxBytes: 100 }, true)
    await dispatch('file:open', { purpose: 'backup', maxBytes: 100 }, true)
    expect(asked.map((a) => a.filters)).toEqual([
      [{ name: 'Logo image (PNG, JPEG or SVG)', extensions: ['png', 'jpg', 'jpeg', 'svg'] }],
      [{ name: 'Cramp Clinic backup', extensions: ['ccbackup', 'json'] }],
    ])
  })

  it('gives a saved file the extension and dialog filter of its purpose, not of the page', async () => {
    const { dispatch, dir, asked } = setup()
    const pdf = await dispatch('file:save', { ...save(), suggestedName: 'run-me.exe' }, true)
    expect(pdf).toMatchObject({ status: 'saved', name: 'run-me.exe.pdf' })
    expect(asked[0]).toEqual({
      name: 'run-me.exe.pdf',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    })
    const backup = await dispatch(
      'file:save',
      { ...save(), purpose: 'backup', suggestedName: 'b.JSON' },
      true,
    )
    expect(backup).toMatchObject({ status: 'saved', name: 'b.JSON' })
    expect(asked[1]!.filters).toEqual([{ name: 'Cramp Clinic backup', extensions: ['ccbackup', 'json'] }])
    expect(readdirSync(dir).sort()).toEqual(['b.JSON', 'run-me.exe.pdf'])
  })

  it('fixes the extension of a name typed into the dialog too', async () => {
    const { dispatch, dir } = setup({ chooseSavePath: async () => join(dir, 'typed-by-user.sh') })
    const r = await dispatch('file:save', { ...save(), purpose: 'backup' }, true)
    expect(r).toMatchObject({ status: 'saved', path: join(dir, 'typed-by-user.sh.ccbackup') })
    expect(readdirSync(dir)).toEqual(['typed-by-user.sh.ccbackup'])
  })

  it.runIf(process.platform !== 'win32')(
    'writes backups and handouts readable by the user only (mode 0600)',
    async () => {
      const { dispatch, dir } = setup()
      await dispatch('file:save', { ...save(), purpose: 'backup', suggestedName: 'backup.json' }, true)
      await dispatch('file:save', save(), true)
      expect(statSync(join(dir, 'backup.json')).mode & 0o777).toBe(0o600)
      expect(statSync(join(dir, 'Handout.pdf')).mode & 0o777).toBe(0o600)
    },
  )

  it('replaces an existing world-readable file with a 0600 one', async () => {
    const { dispatch, dir } = setup()
    writeFileSync(join(dir, 'backup.json'), 'old', { mode: 0o644 })
    await dispatch('file:save', { ...save(), purpose: 'backup', suggestedName: 'backup.json' }, true)
    expect(readFileSync(join(dir, 'backup.json'), 'utf8')).not.toBe('old')
    if (process.platform !== 'win32') expect(statSync(join(dir, 'backup.json')).mode & 0o777).toBe(0o600)
  })

  it('opens in the system viewer only PDFs, never a saved backup', async () => {
    const { dispatch, dir, opened } = setup()
    await dispatch('file:save', { ...save(), purpose: 'backup', suggestedName: 'backup.json' }, true)
    const r = await dispatch('file:open-path', { path: join(dir, 'backup.json') }, true)
    expect(r).toMatchObject({ status: 'error' })
    expect(opened).toEqual([])
  })

  it('describes a full disk in plain language', () => {
    const e = Object.assign(new Error('no space'), { code: 'ENOSPC' })
    expect(describeFsError(e, 'save')).toMatch(/disk is full/)
  })
})
