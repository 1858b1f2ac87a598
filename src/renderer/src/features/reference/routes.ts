import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/reference', name: 'reference', component: () => import('./ReferenceHome.vue'), meta: { title: 'Reference' } },
  { path: '/help', name: 'help', component: () => import('./ReferenceHome.vue'), meta: { title: 'When to seek help' } },
]
