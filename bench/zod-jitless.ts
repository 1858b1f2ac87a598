import { z } from 'zod'

// The app's CSP forbids eval, so zod runs without compiled validators there. The bench bundle is
// injected through the debugger, where zod would wrongly find eval allowed; zod reads this when
// schemas are created, so this module is imported before any schema.
z.config({ jitless: true })
