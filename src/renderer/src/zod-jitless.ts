/**
 * zod compiles fast validators with `new Function` after probing whether eval is allowed. The
 * app's CSP forbids eval, so that probe is a CSP violation on every start. Jitless mode skips
 * both. zod reads the setting as each schema is created, so it must run before any module that
 * declares one: importing it first in main.ts is not enough once the bundler groups schema
 * modules into the chunk that holds zod, so the build puts zod and this file in a chunk of their
 * own (electron.vite.config.ts), which every schema module imports. The browser tests fail on
 * any CSP violation, this one included.
 */
import { config } from 'zod'

config({ jitless: true })
