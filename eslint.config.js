// @ts-check
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import prettier from '@vue/eslint-config-prettier'

import layering from './eslint-rules/layering.js'

const R = 'src/renderer/src/'
const DOMAIN = [`${R}reference/`, `${R}notes/`, `${R}handouts/`, `${R}security/`, `${R}audit/`]
const UI_PACKAGES = ['vue', 'pinia', 'vue-router', 'reka-ui', 'lucide-vue-next', '@fontsource-variable/inter']
/** Main-process modules that run without Electron (unit tests, the browser-test harness). */
const MAIN_WITHOUT_ELECTRON = [
  'src/main/handlers.ts',
  'src/main/dispatch.ts',
  'src/main/security.ts',
  'src/main/protocol.ts',
  'src/main/window-state.ts',
]

/**
 * The layering of docs/architecture.md, enforced by eslint-rules/layering.js. Each boundary:
 * files it applies to, and what they must not import. tests/unit/lint/layering.test.ts proves
 * each one fails the lint.
 */
export const LAYERING = {
  aliases: { '@renderer/': R, '@shared/': 'src/shared/' },
  /**
   * Known violations their owners are removing (issue 11): the notes screens still read the
   * Dexie instance and visits still borrows ConfirmDialog and format from patients. The layering
   * test fails when an entry no longer matches a real violation, so this list only shrinks.
   */
  allow: [
    { file: `${R}features/patients/PatientDetails.vue`, source: '@renderer/notes/instance' },
    { file: `${R}features/visits/BackupPanel.vue`, source: '@renderer/features/patients/ConfirmDialog.vue' },
    { file: `${R}features/visits/BackupPanel.vue`, source: '@renderer/features/patients/format' },
    { file: `${R}features/visits/SaveStatus.vue`, source: '@renderer/features/patients/format' },
    { file: `${R}features/visits/StoragePanel.vue`, source: '@renderer/notes/instance' },
    { file: `${R}features/visits/VisitEditor.vue`, source: '@renderer/notes/instance' },
    { file: `${R}features/visits/VisitEditor.vue`, source: '@renderer/features/patients/ConfirmDialog.vue' },
    { file: `${R}features/visits/VisitEditor.vue`, source: '@renderer/features/patients/format' },
    { file: `${R}features/visits/searchNotesLoader.ts`, source: '@renderer/features/patients/format' },
    { file: `${R}features/visits/searchNotesLoader.ts`, source: '@renderer/notes/instance' },
  ],
  boundaries: [
    {
      from: ['src/shared/'],
      forbid: [
        { electron: true },
        { builtin: true },
        { packagesExcept: ['zod'] },
        { paths: ['src/main/', 'src/preload/', 'src/renderer/'] },
      ],
      message: 'src/shared is pure TypeScript for every side: zod and itself only.',
    },
    {
      from: ['src/preload/'],
      forbid: [{ builtin: true }, { paths: ['src/main/', 'src/renderer/'] }],
      message: 'The preload imports only electron and src/shared (a sandboxed preload loads no modules).',
    },
    {
      from: ['src/main/'],
      forbid: [{ paths: ['src/renderer/', 'src/preload/'] }],
      message: 'Main never imports renderer or preload code.',
    },
    {
      from: ['src/main/', 'src/preload/'],
      except: ['src/main/ipc.ts'],
      forbid: [{ electron: true, names: ['ipcMain'] }],
      message: 'Only src/main/ipc.ts touches ipcMain (import electron parts by name elsewhere).',
    },
    {
      from: MAIN_WITHOUT_ELECTRON,
      forbid: [{ electron: true }],
      message: 'This module runs without Electron (tests, harness): take electron parts as ports.',
    },
    {
      from: ['src/renderer/'],
      forbid: [{ electron: true }, { paths: ['src/main/', 'src/preload/'] }],
      message: 'The renderer never imports electron or main/preload code: go through @renderer/platform.',
    },
    {
      from: ['src/renderer/'],
      // Builds handout PDFs in Node for the CLI and tests; the app never loads it.
      except: [`${R}handouts/render-node.ts`],
      forbid: [{ builtin: true }],
      message: 'The renderer never imports Node built-ins.',
    },
    {
      from: DOMAIN,
      forbid: [
        { packages: UI_PACKAGES },
        { extensions: ['.vue'] },
        { paths: [`${R}stores/`, `${R}features/`, `${R}components/`, `${R}platform/`, `${R}search/`] },
      ],
      message:
        'Domain folders (reference, notes, handouts, security, audit) import no Vue, stores, screens or platform: they run in Node tests and the CLI.',
    },
    {
      from: [`${R}features/`, `${R}components/`],
      forbid: [{ paths: [`${R}notes/db.ts`] }, { paths: [`${R}notes/instance.ts`], names: ['notesDb'] }],
      message:
        'Screens reach the notes database through stores and the repository, never the Dexie instance.',
    },
    {
      from: [`${R}features/visits/`],
      forbid: [{ paths: [`${R}features/patients/`] }],
      message:
        'Features depend one way: patients uses visits, so visits never imports patients (put shared pieces in components/).',
    },
  ],
}

export default defineConfigWithVueTs(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'screenshots/**',
      'test-results/**',
      'bench-results/**',
      'coverage/**',
    ],
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  prettier,
  {
    rules: {
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/no-v-html': 'error',
    },
  },
  {
    files: ['**/*.{ts,mts,js,mjs,vue}'],
    plugins: { local: { rules: { layering } } },
    rules: { 'local/layering': ['error', LAYERING] },
  },
)
