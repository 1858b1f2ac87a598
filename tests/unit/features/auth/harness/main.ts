/**
 * Screenshot harness for the auth screens (screenshots.ts drives it): each scene mounts one
 * screen with the real ClinicAuth on the browser's real IndexedDB, WebCrypto and Argon2id.
 */
import { createApp, defineComponent, h, type Component } from 'vue'
import Dexie from 'dexie'
import '@fontsource-variable/inter'
import '@renderer/styles/theme.css'
import { AuditLog } from '@renderer/audit/log'
import { AUDIT_TABLES, DexieAuditStore } from '@renderer/audit/store'
import { ClinicAuth } from '@renderer/security/auth'
import { AUTH_TABLES, DexieAuthStore } from '@renderer/security/authStore'
import { KeySession } from '@renderer/security/session'
import { provideAuth } from '@renderer/features/auth/authContext'
import ClinicSetup from '@renderer/features/auth/ClinicSetup.vue'
import LockScreen from '@renderer/features/auth/LockScreen.vue'
import PassphraseChange from '@renderer/features/auth/PassphraseChange.vue'
import SignInScreen from '@renderer/features/auth/SignInScreen.vue'
import StaffManagement from '@renderer/features/auth/StaffManagement.vue'

const OWNER_PASS = 'amber kettle violin harbour'
const FIRST = 'lantern meadow copper fig'

async function service(): Promise<ClinicAuth> {
  const db = new Dexie(`auth-harness-${Math.random()}`)
  db.version(1).stores({ ...AUTH_TABLES, ...AUDIT_TABLES })
  const session = new KeySession()
  const audit = new AuditLog({
    store: new DexieAuditStore(db, db.table('audit'), db.table('auditHead'), db.table('auditPending')),
    keys: () => session.ring,
    deviceId: 'harness',
  })
  const auth = new ClinicAuth({
    store: new DexieAuthStore(db, db.table('staff'), db.table('clinicKeys'), db.table('signInThrottle')),
    session,
    audit,
  })
  await auth.init()
  return auth
}

async function clinic(auth: ClinicAuth): Promise<Record<string, string>> {
  await auth.setupClinic({
    clinicName: 'Riverside Foot Clinic',
    owner: { name: 'Olive Okafor', role: 'owner', registration: 'HCPC CH10001' },
    passphrase: OWNER_PASS,
  })
  const cal = await auth.addStaff(
    { name: 'Callum Reid', role: 'clinician', registration: 'HCPC CH20417' },
    FIRST,
  )
  const rae = await auth.addStaff({ name: 'Rachel Evans', role: 'reception', registration: '' }, FIRST)
  const sam = await auth.addStaff(
    { name: 'Samir Shah', role: 'clinician', registration: 'HCPC CH18830' },
    FIRST,
  )
  await auth.deactivateStaff(sam.id)
  return { cal: cal.id, rae: rae.id, sam: sam.id }
}

async function scene(
  name: string,
): Promise<{ auth: ClinicAuth; screen: Component; props: Record<string, unknown> }> {
  const auth = await service()
  switch (name) {
    case 'setup':
      return { auth, screen: ClinicSetup, props: {} }
    case 'signin': {
      await clinic(auth)
      await auth.signOut()
      return { auth, screen: SignInScreen, props: { clinicName: 'Riverside Foot Clinic' } }
    }
    case 'lock': {
      const ids = await clinic(auth)
      await auth.signIn(ids.cal!, FIRST)
      await auth.lock()
      const user = auth.state.phase === 'locked' ? auth.state.user : null
      return { auth, screen: LockScreen, props: { user } }
    }
    case 'change': {
      const ids = await clinic(auth)
      await auth.signIn(ids.cal!, FIRST)
      return { auth, screen: PassphraseChange, props: { required: true } }
    }
    case 'staff': {
      await clinic(auth)
      return { auth, screen: StaffManagement, props: {} }
    }
  }
  throw new Error(`no scene ${name}`)
}

const { auth, screen, props } = await scene(location.hash.slice(1) || 'setup')
const Host = defineComponent({
  setup() {
    provideAuth(auth)
    return () => h('div', { style: 'height:100%;overflow:auto' }, [h(screen, props)])
  },
})
createApp(Host).mount('#app')
document.documentElement.dataset['ready'] = 'true'
