// Checks a commit message against the team's habit: a subject `type(scope): subject` (scope
// optional) of at most 72 characters, then a blank line before any body. Used by
// .githooks/commit-msg (enable once per clone: `git config core.hooksPath .githooks`).
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const TYPES = ['feat', 'fix', 'test', 'refactor', 'docs', 'build', 'ci', 'perf', 'chore', 'style', 'revert']
export const MAX_SUBJECT = 72

/** Problems with a commit message, in plain words; empty when it is fine. */
export function commitMessageProblems(message: string): string[] {
  const lines = message
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.replace(/\s+$/, ''))
  const subject = lines[0] ?? ''
  const problems: string[] = []
  if (subject.startsWith('Merge ') || subject.startsWith('Revert "')) return problems
  if (subject.length > MAX_SUBJECT) {
    problems.push(`the subject is ${subject.length} characters; at most ${MAX_SUBJECT}`)
  }
  const m = /^([a-z]+)(\([a-z0-9._/-]+\))?!?: \S/.exec(subject)
  if (!m) problems.push('the subject should read "type(scope): what changed"')
  else if (!TYPES.includes(m[1]!)) problems.push(`"${m[1]}" is not one of ${TYPES.join(', ')}`)
  if (lines.length > 1 && lines[1] !== '')
    problems.push('leave a blank line between the subject and the body')
  return problems
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2]
  if (!file) {
    console.error('usage: check-commit-msg.ts <commit message file>')
    process.exit(2)
  }
  const problems = commitMessageProblems(readFileSync(file, 'utf8'))
  for (const p of problems) console.error(`commit message: ${p}`)
  process.exit(problems.length ? 1 : 0)
}
