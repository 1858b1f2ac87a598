import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { contentPlugin } from './scripts/content-plugin'
import pkg from './package.json' with { type: 'json' }

const alias = {
  '@renderer': resolve('src/renderer/src'),
  '@shared': resolve('src/shared'),
}

export default defineConfig({
  main: {
    resolve: { alias },
    // Bundled, not required at run time: the packaged app ships no node_modules.
    build: { externalizeDeps: { exclude: ['zod'] } },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload must be one self-contained CommonJS file.
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    resolve: { alias },
    plugins: [vue(), contentPlugin()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    // electron-vite leaves minification off by default; start-up size matters in the renderer.
    build: {
      chunkSizeWarningLimit: 4000,
      minify: true,
      rolldownOptions: {
        output: {
          codeSplitting: {
            // zod with the line that makes it jitless, in one chunk of their own: every module
            // that declares a schema imports this chunk, so jitless is set before any schema
            // exists however the other modules are grouped (see src/renderer/src/zod-jitless.ts).
            groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]zod-jitless\.ts$/ }],
          },
        },
      },
    },
  },
})
