import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/handouts',
    name: 'handouts',
    component: () => import('./HandoutsHome.vue'),
    meta: { title: 'Handouts' },
  },
  {
    path: '/handouts/new',
    name: 'handout-new',
    component: () => import('./HandoutEditor.vue'),
    meta: { title: 'New handout', fresh: true },
  },
  {
    path: '/handouts/reissue/:visitId/:handoutId',
    name: 'handout-reissue',
    component: () => import('./ReissueScreen.vue'),
    props: true,
    meta: { title: 'Reissue handout' },
  },
]
