/**
 * One cold start of the reference search in a fresh Node process: parse the content JSON (as the
 * app's bundle does) and build the index, the first time, with nothing warmed up. Prints ms.
 * Usage: node --import tsx bench/reference-cold.ts <content.json>
 */
import { readFileSync } from 'node:fs'
import { firstBuild } from './reference-workload'

const json = readFileSync(process.argv[2]!, 'utf8')
process.stdout.write(String(firstBuild(json, () => performance.now())))
