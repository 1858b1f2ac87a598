/**
 * Routes come from each feature's routes.ts. Hash history: the same URLs work on app://, on the
 * browser fallback server and in tests, with no server-side rewriting.
 */
import { nextTick } from 'vue'
import {
  createRouter,
  createWebHashHistory,
  START_LOCATION,
  type RouteLocationNormalized,
  type RouteRecordRaw,
} from 'vue-router'
import { routes as reference } from './features/reference/routes'
import { routes as finder } from './features/finder/routes'
import { routes as patients } from './features/patients/routes'
import { routes as visits } from './features/visits/routes'
import { routes as handouts } from './features/handouts/routes'
import { routes as settings } from './features/settings/routes'
import { routes as auth } from './features/auth/routes'
import { screenGuard } from './features/auth/routeRules'

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'reference' } },
  ...reference,
  ...finder,
  ...patients,
  ...visits,
  ...handouts,
  ...settings,
  ...auth,
  { path: '/:pathMatch(.*)*', redirect: { name: 'reference' } },
]

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
})

// A screen the signed-in role may not use is never opened (features/auth/routeRules.ts).
router.beforeEach((to) => screenGuard(to))

router.afterEach((to) => {
  const title = typeof to.meta['title'] === 'string' ? to.meta['title'] : ''
  document.title = title ? `${title} · Cramp Clinic` : 'Cramp Clinic'
})

/** The same screen with other query words (a search typed into the URL): not a new page. */
function sameScreen(to: RouteLocationNormalized, from: RouteLocationNormalized): boolean {
  return to.name === from.name && JSON.stringify(to.params) === JSON.stringify(from.params)
}

/** Waits (briefly) for the new page's heading: a page may render it once its data has loaded. */
function heading(main: HTMLElement): Promise<HTMLElement | null> {
  const find = (): HTMLElement | null => main.querySelector<HTMLElement>('h1')
  const now = find()
  if (now) return Promise.resolve(now)
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const h = find()
      if (h) done(h)
    })
    const timer = setTimeout(() => done(null), 3000)
    function done(h: HTMLElement | null): void {
      observer.disconnect()
      clearTimeout(timer)
      resolve(h)
    }
    observer.observe(main, { childList: true, subtree: true })
  })
}

/**
 * Every new page opens at its top, with focus on its heading, so a screen reader announces it and
 * Tab starts from the page, not from wherever the last one left off. The scrolling element is
 * `main` (the shell keeps the sidebar and header still), which the router's own scrollBehavior
 * does not reach. A page that puts the cursor somewhere itself (a new visit's note) keeps it, and
 * so does a person who has already put it in a field.
 */
export async function landOnPage(first: boolean, focusedAtStart: Element | null = null): Promise<void> {
  const main = document.getElementById('main')
  if (!main) return
  main.scrollTop = 0
  window.scrollTo(0, 0)
  if (first) return
  const h = await heading(main)
  const active = document.activeElement
  const pageChoseFocus = active && active !== main && active !== document.body && main.contains(active)
  // Someone who has put the cursor in a field since the page was asked for (Ctrl+K into the
  // header search while a slow page was still coming) keeps it where they put it.
  const typing =
    active !== focusedAtStart &&
    active instanceof HTMLElement &&
    (active.matches('input, textarea, select') || active.isContentEditable)
  if (!h || pageChoseFocus || typing || router.currentRoute.value.fullPath !== landingFor) return
  if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1')
  h.focus({ preventScroll: true })
  main.scrollTop = 0
}

let landingFor = ''
router.afterEach((to, from, failure) => {
  if (failure) return
  const first = from === START_LOCATION
  if (!first && sameScreen(to, from)) return
  landingFor = to.fullPath
  const focusedAtStart = document.activeElement
  void nextTick(() => requestAnimationFrame(() => void landOnPage(first, focusedAtStart)))
})
