import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { contentPlugin } from './scripts/content-plugin'

export default defineConfig({
  plugins: [vue(), contentPlugin()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  resolve: {
    alias: {
      '@renderer': resolve('src/renderer/src'),
      '@shared': resolve('src/shared'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
})
