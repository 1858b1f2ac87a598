// First: before any module declares a zod schema (see zod-jitless.ts).
import './zod-jitless'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import '@fontsource-variable/inter'
import './styles/theme.css'
import App from './App.vue'
import { router } from './router'

createApp(App).use(createPinia()).use(router).mount('#app')

// Browser tests only: the harness sets the flag before the app loads (see testHooks.ts).
if ((window as { __CRAMP_E2E__?: boolean }).__CRAMP_E2E__ === true) {
  void import('./testHooks').then((m) => m.installTestHooks())
}
