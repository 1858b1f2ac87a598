/**
 * The Content-Security-Policy for the renderer, served as a header by main (app://) and by the
 * browser fallback server alike. No remote origins, no eval. Inline style attributes are allowed
 * because Vue and reka-ui position popovers with them; scripts stay 'self' only.
 * 'wasm-unsafe-eval' lets the page compile WebAssembly (hash-wasm's Argon2id, which stretches
 * staff passphrases); it does not allow eval or new Function of JavaScript.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self' data: blob:",
  'worker-src': "'self' blob:",
  'frame-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
}

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ')

/** The app's own origin in the desktop shell. Never change it: IndexedDB lives per origin. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'cramp-clinic'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Never change: the userData folder name (IndexedDB lives per profile folder). */
export const APP_NAME = 'Cramp Clinic'
