/**
 * Builds a patient handout PDF from a spec file, for batch printing and tests:
 *   npm run handout -- --spec spec.json --out handout.pdf [--content resources/content]
 * A bad spec (missing, not JSON, invalid, unknown causes, characters the font lacks) gets one
 * plain message on stderr and exit code 2, and nothing is written. See docs/handout-spec.md.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { loadContent } from './content-fs'
import { formatBytes } from '../src/shared/bytes'
import { buildHandout, logoProbe, logoProbeError } from '../src/renderer/src/handouts/builder'
import { HandoutError, parseHandoutSpec } from '../src/renderer/src/handouts/spec'
import { renderPdfNode } from '../src/renderer/src/handouts/render-node'

const USAGE = 'Usage: npm run handout -- --spec spec.json --out handout.pdf [--content <content folder>]'

class UsageError extends Error {}

function parseArgs(argv: string[]): { spec: string; out: string; content?: string } {
  const args: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const m = /^--(spec|out|content)(?:=(.*))?$/.exec(a)
    if (!m) throw new UsageError(`Unknown argument "${a}".`)
    const value = m[2] ?? argv[++i]
    if (value === undefined || value === '') throw new UsageError(`--${m[1]} needs a value.`)
    args[m[1]!] = value
  }
  if (!args.spec) throw new UsageError('Missing --spec.')
  if (!args.out) throw new UsageError('Missing --out.')
  return { spec: args.spec, out: args.out, content: args.content }
}

function readSpec(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (e as Error).message
    throw new HandoutError(`Cannot read the spec file "${path}": ${why}.`)
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new HandoutError(`The spec file "${path}" is not valid JSON (${(e as Error).message}).`)
  }
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>
  try {
    args = parseArgs(argv)
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`)
    return 2
  }
  try {
    const raw = readSpec(args.spec)
    let spec
    try {
      spec = parseHandoutSpec(raw)
    } catch (e) {
      throw new HandoutError(
        `The spec file "${args.spec}" is not a valid handout spec: ${(e as Error).message}.`,
      )
    }
    const content = loadContent(args.content ? resolve(args.content) : undefined)
    const known = new Set(content.causes.map((c) => c.id))
    const unknown = spec.causes.filter((c) => !known.has(c))
    if (unknown.length) {
      throw new HandoutError(
        `The spec names ${unknown.length === 1 ? 'a cause' : 'causes'} the reference does not have: ${unknown.map((c) => `"${c}"`).join(', ')}. Known cause ids: ${[...known].join(', ')}.`,
      )
    }
    if (spec.contentVersion !== content.meta.version) {
      process.stderr.write(
        `Note: the spec was made with content version ${spec.contentVersion}; building with the current version ${content.meta.version}.\n`,
      )
    }
    if (spec.clinic.logo) {
      try {
        await renderPdfNode(logoProbe(spec.clinic.logo))
      } catch (e) {
        throw new HandoutError(
          `The spec file "${args.spec}" has a bad clinic logo. ${logoProbeError(e).message}`,
        )
      }
    }
    const dd = buildHandout(spec, content)
    const pdf = await renderPdfNode(dd)
    const out = resolve(args.out)
    // Write beside the target and rename, so a failure never leaves half a PDF behind.
    const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`)
    try {
      writeFileSync(tmp, pdf)
      renameSync(tmp, out)
    } catch (e) {
      rmSync(tmp, { force: true })
      const code = (e as NodeJS.ErrnoException).code
      const why =
        code === 'ENOENT'
          ? `the folder ${dirname(out)} does not exist`
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'EISDIR'
              ? 'it is a folder'
              : (e as Error).message
      throw new Error(`Cannot write "${args.out}": ${why}.`)
    }
    const pages = new TextDecoder('latin1').decode(pdf).match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
    process.stdout.write(
      `Wrote ${args.out} (${pages} page${pages === 1 ? '' : 's'}, ${formatBytes(pdf.length)}).\n`,
    )
    return 0
  } catch (e) {
    if (e instanceof HandoutError) {
      process.stderr.write(`${e.message}\n`)
      return 2
    }
    const message = (e as Error).message
    process.stderr.write(
      message.startsWith('Cannot write') ? `${message}\n` : `Could not make the handout: ${message}\n`,
    )
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
