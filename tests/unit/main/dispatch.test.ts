import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../src/main/dispatch'
import { createHandlers, describeFsError, type DialogPort } from '../../../src/main/handlers'

function setup(dialog: Partial<DialogPort> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cramp-ipc-'))
  const opened: string[] = []
  const dispatch = createDispatcher(
    createHandlers({
      dialog: {
        chooseSavePath: async (name) => join(dir, name),
        chooseOpenPath: async () => null,
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
  return { dir, dispatch, opened }
}

const save = (data = new Uint8Array([1, 2, 3])) => ({
  suggestedName: 'Handout.pdf',
  filters: [{ name: 'PDF', extensions: ['pdf'] }],
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
    ['a missing name', { filters: [], data: new Uint8Array(1) }],
    ['data that is not bytes', { ...save(), data: 'not bytes' }],
    ['an extra field', { ...save(), path: '/etc/passwd' }],
    ['a bad filter extension', { ...save(), filters: [{ name: 'x', extensions: ['../x'] }] }],
    ['a control character', { ...save(), suggestedName: 'a\u0000b.pdf' }],
  ])('refuses a save payload with %s', async (_what, payload) => {
    const { dispatch, dir } = setup()
    await expect(dispatch('file:save', payload, true)).rejects.toThrow(/invalid payload for file:save/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses open requests without a sane size limit', async () => {
    const { dispatch } = setup()
    await expect(dispatch('file:open', { filters: [], maxBytes: -1 }, true)).rejects.toThrow(
      /invalid payload/,
    )
    await expect(dispatch('file:open', { filters: [], maxBytes: 1e12 }, true)).rejects.toThrow(
      /invalid payload/,
    )
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
    const r = (await dispatch('file:open', { filters: [], maxBytes: 100 }, true)) as {
      status: string
      data: Uint8Array
    }
    expect(r.status).toBe('opened')
    expect(new TextDecoder().decode(r.data)).toBe('{"a":1}')
    const tooBig = await dispatch('file:open', { filters: [], maxBytes: 3 }, true)
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

  it('describes a full disk in plain language', () => {
    const e = Object.assign(new Error('no space'), { code: 'ENOSPC' })
    expect(describeFsError(e, 'save')).toMatch(/disk is full/)
  })
})
