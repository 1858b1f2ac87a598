/**
 * Entry of the bundle security.bench.ts runs inside Chromium on the app's origin: the real
 * security and audit modules against real WebCrypto, hash-wasm and IndexedDB, timed with
 * performance.now(). Each figure is measured next to a plain baseline on the same bytes; the
 * parts are in bench/security/.
 */
import './zod-jitless'
import { append, appendAtScale } from './security/append'
import { fields, signIn } from './security/crypto'
import { firstPages, verify } from './security/read'
import { seedChain } from './security/seed'

const bench = { signIn, fields, append, seedChain, appendAtScale, firstPages, verify }

export type SecurityBench = typeof bench
Object.assign(window, { __securityBench: bench })
