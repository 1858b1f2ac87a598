import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/finder', name: 'finder', component: () => import('./FinderHome.vue'), meta: { title: 'Cause finder' } },
]
