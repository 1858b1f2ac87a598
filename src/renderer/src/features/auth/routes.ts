import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/staff',
    name: 'staff',
    component: () => import('./StaffScreen.vue'),
    meta: { title: 'Staff', needs: 'staff.manage' },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('./AuditScreen.vue'),
    meta: { title: 'Audit trail', needs: 'audit.view' },
  },
  {
    path: '/not-allowed',
    name: 'not-allowed',
    component: () => import('./NotAllowedScreen.vue'),
    meta: { title: 'Not for this account' },
  },
]
