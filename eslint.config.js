// @ts-check
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import prettier from '@vue/eslint-config-prettier'

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
  'zlib',
]

/** The layering of DESIGN.md, as lint rules instead of prose. */
const noNodeOrElectron = [
  {
    group: ['electron', 'electron/*'],
    message: 'The renderer never imports electron: go through @renderer/platform.',
  },
  { group: ['node:*', ...NODE_BUILTINS], message: 'The renderer never imports Node built-ins.' },
]
const noUi = [
  {
    group: ['vue', 'pinia', 'vue-router', 'reka-ui', 'lucide-vue-next', '*.vue'],
    message:
      'Domain folders (reference, notes, handouts, security, audit) import no Vue: they run in Node tests and the CLI.',
  },
  {
    group: [
      '@renderer/stores/*',
      '@renderer/features/*',
      '@renderer/components/*',
      '@renderer/platform',
      '@renderer/platform/*',
      '../stores/*',
      '../features/*',
      '../components/*',
      '../platform',
      '../platform/*',
    ],
    message: 'Domain folders do not depend on UI, stores or the platform.',
  },
]

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
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', ...NODE_BUILTINS, 'vue', 'pinia', 'dexie'],
              message: 'src/shared is pure TypeScript used by every side.',
            },
            {
              group: ['../main/*', '../preload/*', '../renderer/*', '@renderer/*'],
              message: 'src/shared imports nothing of the others.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: noNodeOrElectron }] },
  },
  {
    files: [
      'src/renderer/src/reference/**',
      'src/renderer/src/notes/**',
      'src/renderer/src/handouts/**',
      'src/renderer/src/security/**',
      'src/renderer/src/audit/**',
    ],
    ignores: ['src/renderer/src/handouts/render-node.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noNodeOrElectron, ...noUi] }] },
  },
  {
    files: ['src/renderer/src/handouts/render-node.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noNodeOrElectron[0], ...noUi] }] },
  },
  {
    files: ['src/main/**', 'src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../renderer/*', '@renderer/*'],
              message: 'Main and preload never import renderer code.',
            },
          ],
          paths: [
            { name: 'electron', importNames: ['ipcMain'], message: 'Only src/main/ipc.ts touches ipcMain.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/ipc.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../renderer/*', '@renderer/*'] }] }],
    },
  },
  {
    files: [
      'src/main/handlers.ts',
      'src/main/dispatch.ts',
      'src/main/security.ts',
      'src/main/protocol.ts',
      'src/main/window-state.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'This module runs without Electron (tests, harness): take electron parts as ports.',
            },
          ],
        },
      ],
    },
  },
)
