import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/finder',
    name: 'finder',
    component: () => import('./FinderScreen.vue'),
    meta: { title: 'Cause finder' },
  },
  {
    path: '/finder/medicines',
    name: 'medcheck',
    component: () => import('./MedcheckScreen.vue'),
    meta: { title: 'Medication check' },
  },
]
