import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/visits/:id',
    name: 'visit',
    component: () => import('./VisitScreen.vue'),
    props: true,
    meta: { title: 'Visit' },
  },
]
