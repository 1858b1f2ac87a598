import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_STATE,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
} from '../../../src/main/window-state'

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('window state', () => {
  it('round-trips through the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ws-')), 'window-state.json')
    await saveWindowState(file, { x: 10, y: 20, width: 1300, height: 900, maximized: true })
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1300, height: 900, maximized: true })
  })

  it('ignores a corrupt file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ws-')), 'window-state.json')
    writeFileSync(file, '{not json')
    expect(loadWindowState(file)).toBeNull()
    expect(fitToDisplays(null, screen)).toEqual(DEFAULT_STATE)
  })

  it('keeps the place on a visible display and drops it when the display is gone', () => {
    const state = { x: 100, y: 100, width: 1200, height: 800, maximized: false }
    expect(fitToDisplays(state, screen)).toMatchObject({ x: 100, y: 100 })
    const off = fitToDisplays({ ...state, x: 3000 }, screen)
    expect(off).not.toHaveProperty('x')
    expect(off).toMatchObject({ width: 1200, height: 800 })
  })

  it('never opens smaller than 1024x700', () => {
    expect(fitToDisplays({ x: 0, y: 0, width: 500, height: 400, maximized: false }, screen)).toMatchObject({
      width: 1024,
      height: 700,
    })
  })
})
