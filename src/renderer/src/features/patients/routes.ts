import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/patients', name: 'patients', component: () => import('./PatientsHome.vue'), meta: { title: 'Patients' } },
]
