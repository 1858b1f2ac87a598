import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/patients',
    name: 'patients',
    component: () => import('./PatientsList.vue'),
    meta: { title: 'Patients' },
  },
  {
    path: '/patients/:id',
    name: 'patient',
    component: () => import('./PatientPage.vue'),
    props: true,
    meta: { title: 'Patient' },
  },
  { path: '/trash', name: 'trash', component: () => import('./TrashScreen.vue'), meta: { title: 'Trash' } },
]
