// npm's prepare step: in a git checkout, commits run the commit-message check (.githooks).
// A packed or installed copy has no .git and is left alone; nothing here may fail an install.
import { execFileSync } from 'node:child_process'

try {
  execFileSync('git', ['rev-parse', '--git-dir'], { stdio: 'ignore' })
  execFileSync('git', ['config', 'core.hooksPath', '.githooks'], { stdio: 'ignore' })
} catch {
  // Not a git checkout, or no git: nothing to install.
}
