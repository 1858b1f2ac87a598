import { describe, expect, it } from 'vitest'
import { commitMessageProblems } from '../../../scripts/check-commit-msg'

describe('commit message check', () => {
  it('accepts the team form, with or without a body', () => {
    expect(commitMessageProblems('fix(notes): keep both plans\n\nBecause one was lost.\n')).toEqual([])
    expect(commitMessageProblems('docs: say how to build installers\n')).toEqual([])
    expect(commitMessageProblems(`feat(x): ${'a'.repeat(63)}`)).toEqual([])
  })

  it('refuses a subject over 72 characters', () => {
    expect(commitMessageProblems(`feat(x): ${'a'.repeat(64)}`)).toEqual([
      'the subject is 73 characters; at most 72',
    ])
  })

  it('refuses a subject without a type, an unknown type, and a body with no blank line', () => {
    expect(commitMessageProblems('Fixed the thing')).toHaveLength(1)
    expect(commitMessageProblems('stuff(notes): things')).toEqual([expect.stringMatching(/not one of/)])
    expect(commitMessageProblems('fix: a\nbody at once')).toEqual([
      'leave a blank line between the subject and the body',
    ])
  })

  it('ignores comment lines and lets merges through', () => {
    expect(commitMessageProblems('# Please enter the message\nfix: a\n')).toEqual([])
    expect(commitMessageProblems("Merge branch 'main' into wip-eng")).toEqual([])
  })
})
