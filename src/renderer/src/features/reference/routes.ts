import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/reference',
    name: 'reference',
    component: () => import('./ReferenceHome.vue'),
    meta: { title: 'Reference' },
  },
  {
    path: '/reference/causes/:id',
    name: 'cause',
    component: () => import('./CauseScreen.vue'),
    meta: { title: 'Cause' },
  },
  {
    path: '/reference/topics/:id',
    name: 'topic',
    component: () => import('./TopicScreen.vue'),
    meta: { title: 'Topic' },
  },
  {
    path: '/help',
    name: 'help',
    component: () => import('./HelpScreen.vue'),
    meta: { title: 'When to seek help' },
  },
]
