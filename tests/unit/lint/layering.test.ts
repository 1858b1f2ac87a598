/**
 * The layering rule proven on fixtures: each forbidden import, in every form code can take
 * (static, type, default, namespace, re-export, dynamic import(), require), fails `npm run lint`
 * with the project's own eslint.config.js; the allowed imports next to them pass.
 */
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'
import { LAYERING } from '../../../eslint.config.js'

const ROOT = resolve(import.meta.dirname, '../../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

/** The layering messages the project's lint gives this code at this (imaginary) path. */
async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) })
  return result!.messages.filter((m) => m.ruleId === 'local/layering').map((m) => m.message)
}

const R = 'src/renderer/src'

const FORBIDDEN: [what: string, file: string, code: string][] = [
  // src/shared: pure, for every side
  ['shared imports electron', 'src/shared/x.ts', `import { app } from 'electron'`],
  ['shared imports node:fs/promises', 'src/shared/x.ts', `import { readFile } from 'node:fs/promises'`],
  ['shared imports events', 'src/shared/x.ts', `import EventEmitter from 'events'`],
  ['shared imports vue', 'src/shared/x.ts', `import { ref } from 'vue'`],
  ['shared imports dexie', 'src/shared/x.ts', `import Dexie from 'dexie'`],
  ['shared re-exports main', 'src/shared/x.ts', `export * from '../main/handlers'`],
  ['shared re-exports a renderer name', 'src/shared/x.ts', `export { NotesDb } from '@renderer/notes/db'`],
  // renderer: no electron, no Node, no main
  ['renderer default-imports electron', `${R}/platform/x.ts`, `import electron from 'electron'`],
  ['renderer namespace-imports electron', `${R}/platform/x.ts`, `import * as electron from 'electron'`],
  ['renderer dynamic-imports electron', `${R}/platform/x.ts`, `export const e = await import('electron')`],
  ['renderer type-imports electron', `${R}/platform/x.ts`, `export type T = import('electron').IpcRenderer`],
  ['renderer imports vm', `${R}/App.ts`, `import vm from 'vm'`],
  ['renderer imports events', `${R}/stores/x.ts`, `import { EventEmitter } from 'events'`],
  ['renderer imports node:test', `${R}/stores/x.ts`, `import test from 'node:test'`],
  ['renderer imports worker_threads/…', `${R}/stores/x.ts`, `import { Worker } from 'worker_threads'`],
  ['renderer requires fs', `${R}/stores/x.ts`, `export const fs = require('fs')`],
  [
    'renderer imports main by a relative path',
    `${R}/platform/x.ts`,
    `import { createHandlers } from '../../../main/handlers'`,
  ],
  ['renderer imports the preload', `${R}/platform/x.ts`, `import '../../../preload/index'`],
  // domain folders: no Vue, stores, screens or platform
  ['domain imports vue', `${R}/notes/x.ts`, `import { ref } from 'vue'`],
  ['domain imports pinia', `${R}/reference/x.ts`, `import { defineStore } from 'pinia'`],
  ['security imports a store', `${R}/security/x.ts`, `import { useX } from '@renderer/stores/app'`],
  ['audit imports vue', `${R}/audit/x.ts`, `import { ref } from 'vue'`],
  ['domain re-exports a store', `${R}/handouts/x.ts`, `export { useX } from '@renderer/stores/patients'`],
  ['domain imports a component', `${R}/notes/x.ts`, `import C from '../features/visits/VisitEditor.vue'`],
  [
    'domain dynamic-imports the platform',
    `${R}/handouts/x.ts`,
    `export const p = import('@renderer/platform')`,
  ],
  ['domain imports the platform relatively', `${R}/handouts/x.ts`, `import { platform } from '../platform'`],
  // preload
  ['preload imports main', 'src/preload/x.ts', `import { registerIpc } from '../main/ipc'`],
  ['preload imports fs', 'src/preload/x.ts', `import { readFileSync } from 'fs'`],
  ['preload imports the renderer', 'src/preload/x.ts', `import { platform } from '@renderer/platform'`],
  // main: ipcMain only in ipc.ts; some modules run without electron
  ['main names ipcMain outside ipc.ts', 'src/main/menu.ts', `import { ipcMain } from 'electron'`],
  ['main default-imports electron', 'src/main/menu.ts', `import electron from 'electron'`],
  ['main namespace-imports electron', 'src/main/menu.ts', `import * as electron from 'electron'`],
  ['main re-exports ipcMain', 'src/main/menu.ts', `export { ipcMain } from 'electron'`],
  ['main dynamic-imports electron', 'src/main/menu.ts', `export const e = await import('electron')`],
  ['main requires electron', 'src/main/menu.ts', `export const e = require('electron')`],
  ['preload names ipcMain', 'src/preload/index.ts', `import { ipcMain } from 'electron'`],
  ['an electron-free module imports electron', 'src/main/handlers.ts', `import { dialog } from 'electron'`],
  ['main imports the renderer', 'src/main/x.ts', `import { notesDb } from '../renderer/src/notes/instance'`],
  // screens: never the Dexie instance
  [
    'a feature imports notesDb',
    `${R}/features/visits/x.ts`,
    `import { notesDb } from '@renderer/notes/instance'`,
  ],
  [
    'a feature namespace-imports the instance',
    `${R}/features/patients/x.ts`,
    `import * as i from '../../notes/instance'`,
  ],
  [
    'a feature imports the Dexie class file',
    `${R}/features/handouts/x.ts`,
    `import { NotesDb } from '@renderer/notes/db'`,
  ],
  [
    'a component dynamic-imports the instance',
    `${R}/components/x.ts`,
    `export const m = import('@renderer/notes/instance')`,
  ],
  [
    'a component re-exports notesDb',
    `${R}/components/x.ts`,
    `export { notesDb } from '@renderer/notes/instance'`,
  ],
  // features: patients -> visits, never back
  ['visits imports patients', `${R}/features/visits/x.ts`, `import { f } from '../patients/format'`],
  [
    'visits re-exports patients',
    `${R}/features/visits/x.ts`,
    `export { default } from '@renderer/features/patients/PatientFields.vue'`,
  ],
  [
    'visits dynamic-imports patients',
    `${R}/features/visits/x.ts`,
    `export const p = import('../patients/PatientPage.vue')`,
  ],
]

const ALLOWED: [what: string, file: string, code: string][] = [
  ['ipc.ts names ipcMain', 'src/main/ipc.ts', `import { ipcMain } from 'electron'`],
  [
    'main imports electron parts by name',
    'src/main/index.ts',
    `import { app, BrowserWindow } from 'electron'`,
  ],
  [
    'main imports Node and shared',
    'src/main/x.ts',
    `import { join } from 'node:path'\nimport { contract } from '../shared/ipc'`,
  ],
  [
    'the preload imports electron and shared',
    'src/preload/x.ts',
    `import { contextBridge } from 'electron'\nimport { contract } from '../shared/ipc'`,
  ],
  [
    'shared imports zod and itself',
    'src/shared/x.ts',
    `import { z } from 'zod'\nimport { APP_NAME } from './csp'`,
  ],
  ['the platform imports shared', `${R}/platform/x.ts`, `import { contract } from '@shared/ipc'`],
  [
    'a domain folder imports zod, shared and another domain folder',
    `${R}/notes/x.ts`,
    `import { z } from 'zod'\nimport { APP_NAME } from '@shared/csp'\nimport { foldText } from '../reference/text'`,
  ],
  [
    'the Node handout renderer imports fs',
    `${R}/handouts/render-node.ts`,
    `import { readFile } from 'node:fs/promises'`,
  ],
  [
    'a feature imports the repository',
    `${R}/features/visits/x.ts`,
    `import { notesRepo } from '@renderer/notes/instance'`,
  ],
  [
    'patients imports visits',
    `${R}/features/patients/x.ts`,
    `import { useAutosave } from '../visits/useAutosave'`,
  ],
  [
    'a screen imports Vue and a store',
    `${R}/features/visits/x.ts`,
    `import { ref } from 'vue'\nimport { useX } from '@renderer/stores/patients'`,
  ],
]

describe('layering lint rule', () => {
  it.each(FORBIDDEN)('fails: %s', async (_what, file, code) => {
    expect(await layering(file, code)).toHaveLength(1)
  })

  it.each(ALLOWED)('passes: %s', async (_what, file, code) => {
    expect(await layering(file, code)).toEqual([])
  })

  it('checks imports inside a .vue single-file component', async () => {
    const sfc = `<script setup lang="ts">\nimport { notesDb } from '@renderer/notes/instance'\n</script>\n<template><p /></template>\n`
    expect(await layering(`${R}/features/visits/X.vue`, sfc)).toHaveLength(1)
  })

  it('refuses a dynamic import whose path it cannot read', async () => {
    const messages = await layering(`${R}/stores/x.ts`, `export const load = (m: string) => import(m)`)
    expect(messages).toEqual([expect.stringMatching(/computed path/)])
  })

  it('names the import and the reason', async () => {
    const [message] = await layering('src/shared/x.ts', `import { EventEmitter } from 'node:events'`)
    expect(message).toMatch(/^node:events: src\/shared is pure TypeScript/)
  })
})

describe('known violations (eslint.config.js LAYERING.allow)', () => {
  const allow = LAYERING.allow
  it('lists only real violations (none left is the goal)', () => {
    expect(Array.isArray(allow)).toBe(true)
  })
  it.each(allow.map((a): [string, string] => [a.file, a.source]))(
    '%s importing %s is still a violation (remove the entry once fixed)',
    async (file, source) => {
      const strict = new ESLint({
        cwd: ROOT,
        overrideConfig: { rules: { 'local/layering': ['error', { ...LAYERING, allow: [] }] } },
      })
      const [result] = await strict.lintFiles([resolve(ROOT, file)])
      const sources = result!.messages
        .filter((m) => m.ruleId === 'local/layering')
        .map((m) => m.message.split(':')[0])
      expect(sources).toContain(source)
    },
  )
})
