// The start-up baseline: an empty Vue app, built by vite with the same Vue plugin and
// minification as the renderer and served by the same server, marking itself interactive the
// same way App.vue does. The app's start-up is quoted as a ratio to this.
import { createApp } from 'vue'
import App from './App.vue'

createApp(App).mount('#app')
