import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CLINIC, makePng, pdfText, specInput } from './helpers'

const ROOT = resolve(__dirname, '../../..')

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/handout-cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // Node, tsx and pdfmake start cold in each run: minutes on a loaded machine are possible.
    timeout: 90_000,
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'handout-cli-'))
}

describe('handout CLI', { timeout: 200_000 }, () => {
  it('builds the example spec', async () => {
    const dir = tmp()
    const out = join(dir, 'handout.pdf')
    const r = cli(['--spec', 'examples/handout-spec.json', '--out', out])
    // The example may trail the content version; that is a note, not an error.
    expect(r.stderr.replace(/^Note: .*\n/m, '')).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/Wrote .*handout\.pdf \(\d+ pages?, \d+ KB\)/)
    const bytes = new Uint8Array(readFileSync(out))
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-')
    const text = await pdfText(bytes)
    const example = JSON.parse(readFileSync(join(ROOT, 'examples/handout-spec.json'), 'utf8'))
    expect(text).toContain(example.patient.name)
    expect(readdirSync(dir)).toEqual(['handout.pdf'])
  })

  it('makes the same bytes as another run of the same spec', () => {
    const dir = tmp()
    cli(['--spec', 'examples/handout-spec.json', '--out', join(dir, 'a.pdf')])
    cli(['--spec=examples/handout-spec.json', '--out=' + join(dir, 'b.pdf')])
    expect(readFileSync(join(dir, 'a.pdf')).equals(readFileSync(join(dir, 'b.pdf')))).toBe(true)
    // Two Node processes one after the other: on a machine shared by the whole team this is slow.
  }, 60_000)

  it('notes when the spec was made with another content version, and still builds', () => {
    const dir = tmp()
    writeFileSync(join(dir, 's.json'), JSON.stringify(specInput({ contentVersion: '2020.1.1' })))
    const r = cli(['--spec', join(dir, 's.json'), '--out', join(dir, 'o.pdf')])
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(
      /^Note: the spec was made with content version 2020\.1\.1; building with the current version/,
    )
    expect(existsSync(join(dir, 'o.pdf'))).toBe(true)
  })

  const bad: [string, (dir: string) => string, RegExp][] = [
    ['a missing file', (dir) => join(dir, 'nope.json'), /Cannot read the spec file .*no such file/],
    [
      'malformed JSON',
      (dir) => {
        writeFileSync(join(dir, 's.json'), '{ "format": 1, ')
        return join(dir, 's.json')
      },
      /is not valid JSON/,
    ],
    [
      'an unknown cause',
      (dir) => {
        writeFileSync(join(dir, 's.json'), JSON.stringify(specInput({ causes: ['dehydration', 'gout'] })))
        return join(dir, 's.json')
      },
      /does not have: "gout"/,
    ],
    [
      'an invalid spec',
      (dir) => {
        writeFileSync(join(dir, 's.json'), JSON.stringify({ ...specInput(), date: '21/11/2026' }))
        return join(dir, 's.json')
      },
      /not a valid handout spec: date: must be a date like 2026-11-21/,
    ],
    [
      'characters the font lacks',
      (dir) => {
        writeFileSync(join(dir, 's.json'), JSON.stringify(specInput({ patient: { name: '王小明' } })))
        return join(dir, 's.json')
      },
      /cannot print the characters "王" \(U\+738B\), "小" \(U\+5C0F\), "明" \(U\+660E\) in the patient name/,
    ],
    [
      'a field of the wrong type',
      (dir) => {
        writeFileSync(join(dir, 's.json'), JSON.stringify({ ...specInput(), causes: 'dehydration' }))
        return join(dir, 's.json')
      },
      /not a valid handout spec: causes: .*expected array/,
    ],
    [
      'a damaged PNG logo',
      (dir) => {
        const png = makePng(60, 30)
        png[png.length - 20]! ^= 0xff
        const logo = {
          mime: 'image/png' as const,
          dataBase64: Buffer.from(png).toString('base64'),
          width: 60,
          height: 30,
        }
        writeFileSync(join(dir, 's.json'), JSON.stringify(specInput({ clinic: { ...CLINIC, logo } })))
        return join(dir, 's.json')
      },
      /not a valid handout spec: clinic\.logo\.dataBase64: The PNG logo is damaged/,
    ],
    [
      'an SVG logo pdfmake cannot draw',
      (dir) => {
        const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><rect <<</svg>'
        const logo = {
          mime: 'image/svg+xml' as const,
          dataBase64: Buffer.from(svg).toString('base64'),
          width: 100,
          height: 40,
        }
        writeFileSync(join(dir, 's.json'), JSON.stringify(specInput({ clinic: { ...CLINIC, logo } })))
        return join(dir, 's.json')
      },
      /has a bad clinic logo\. The logo could not be drawn/,
    ],
  ]
  for (const [what, make, message] of bad) {
    it(`exits 2 and writes nothing for ${what}`, () => {
      const dir = tmp()
      const out = join(dir, 'out.pdf')
      const r = cli(['--spec', make(dir), '--out', out])
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(message)
      expect(r.stderr.split('\n').filter(Boolean).length).toBe(1)
      expect(r.stdout).toBe('')
      expect(existsSync(out)).toBe(false)
      expect(readdirSync(dir).filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toEqual([])
    })
  }

  it('says plainly when the output folder does not exist', () => {
    const dir = tmp()
    const r = cli(['--spec', 'examples/handout-spec.json', '--out', join(dir, 'no', 'such', 'h.pdf')])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/Cannot write .*h\.pdf": the folder .* does not exist\./)
    expect(readdirSync(dir)).toEqual([])
  })

  it('explains its usage when arguments are missing', () => {
    const r = cli(['--spec', 'examples/handout-spec.json'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('Missing --out')
    expect(r.stderr).toContain('Usage: npm run handout')
  })
})
