/**
 * Routes come from each feature's routes.ts. Hash history: the same URLs work on app://, on the
 * browser fallback server and in tests, with no server-side rewriting.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { routes as reference } from './features/reference/routes'
import { routes as finder } from './features/finder/routes'
import { routes as patients } from './features/patients/routes'
import { routes as visits } from './features/visits/routes'
import { routes as handouts } from './features/handouts/routes'
import { routes as settings } from './features/settings/routes'

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'reference' } },
  ...reference,
  ...finder,
  ...patients,
  ...visits,
  ...handouts,
  ...settings,
  { path: '/:pathMatch(.*)*', redirect: { name: 'reference' } },
]

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.afterEach((to) => {
  const title = typeof to.meta['title'] === 'string' ? to.meta['title'] : ''
  document.title = title ? `${title} · Cramp Clinic` : 'Cramp Clinic'
})
