import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/handouts', name: 'handouts', component: () => import('./HandoutsHome.vue'), meta: { title: 'Handouts' } },
]
