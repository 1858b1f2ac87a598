/**
 * zod compiles fast validators with `new Function` after probing whether eval is allowed. The
 * app's CSP forbids eval, so that probe is a CSP violation on every start. Jitless mode skips
 * both. zod reads the setting as each schema is created, so main.ts imports this module first,
 * before any module that declares a schema.
 */
import { config } from 'zod'

config({ jitless: true })
