// @ts-check
/**
 * The architecture's layering as one ESLint rule (like VS Code's code-layering): for each file,
 * which imports it may not make. Unlike `no-restricted-imports` it sees every way code reaches
 * another module: static and type imports, re-exports (`export ... from`, `export * from`),
 * dynamic `import()`, `require()`, `import x = require()` and `import('x').T` types; it resolves
 * relative and aliased paths to project files; and it knows every Node built-in from
 * `node:module`'s own list rather than a hand-kept one.
 *
 * Options: { aliases: { '@x/': 'dir/' }, boundaries: Boundary[] } where a Boundary is
 *   { from: string[], except?: string[], forbid: Target[], message: string }
 * `from`/`except` are project-relative path prefixes ('src/main/') or files ('src/main/ipc.ts').
 * A Target is one of
 *   { electron: true }             'electron' and 'electron/...'
 *   { builtin: true }              any Node built-in, with or without `node:`
 *   { packages: string[] }         these npm packages (and their subpaths)
 *   { packagesExcept: string[] }   every npm package but these
 *   { paths: string[] }            project files under these prefixes (extension optional)
 *   { extensions: string[] }       any module whose path ends so ('.vue')
 * plus optional `names: string[]`: then only importing those names is forbidden, and so is any
 * import that reaches every name (default-less namespace, `export *`, dynamic import, require).
 * `allow: [{ file, source }]` lists known violations that their owners are still removing.
 */
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

const BUILTINS = new Set(builtinModules)

/** @param {string} p */
const posix = (p) => p.split(sep).join('/')

/** @param {string} source */
function isBuiltin(source) {
  if (source.startsWith('node:')) return true
  return BUILTINS.has(source) || BUILTINS.has(source.split('/')[0] ?? '')
}

/** @param {string} source */
function isBare(source) {
  return !source.startsWith('.') && !source.startsWith('/') && !isBuiltin(source)
}

/** The npm package a bare specifier names: 'vue', '@scope/pkg'. @param {string} source */
function packageOf(source) {
  const parts = source.split('/')
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '')
}

/** @param {string} file @param {string} prefix */
function under(file, prefix) {
  // A folder prefix also matches the folder itself (its index): '@renderer/platform'.
  if (prefix.endsWith('/')) return file.startsWith(prefix) || file === prefix.slice(0, -1)
  const bare = file.replace(/\.(ts|tsx|js|mjs|cjs|vue|d\.ts)$/, '').replace(/\/index$/, '')
  const want = prefix.replace(/\.(ts|tsx|js|mjs|cjs|vue)$/, '').replace(/\/index$/, '')
  return file === prefix || bare === want
}

/**
 * @typedef {{ electron?: boolean, builtin?: boolean, packages?: string[], packagesExcept?: string[],
 *   paths?: string[], extensions?: string[], names?: string[] }} Target
 * @typedef {{ from: string[], except?: string[], forbid: Target[], message: string }} Boundary
 * @typedef {{ source: string, resolved: string | null, names: string[] | 'all', node: any }} Use
 */

/** @param {Target} t @param {Use} use */
function targetMatches(t, use) {
  const s = use.source
  let hit = false
  if (t.electron && (s === 'electron' || s.startsWith('electron/'))) hit = true
  if (t.builtin && isBuiltin(s)) hit = true
  if (t.packages && isBare(s) && t.packages.includes(packageOf(s))) hit = true
  if (t.packagesExcept && isBare(s) && !use.resolved && !t.packagesExcept.includes(packageOf(s))) hit = true
  if (t.paths && use.resolved && t.paths.some((p) => under(/** @type {string} */ (use.resolved), p)))
    hit = true
  if (t.extensions && t.extensions.some((e) => s.endsWith(e))) hit = true
  if (!hit) return false
  if (!t.names) return true
  if (use.names === 'all') return true
  // A package's default import is the whole CommonJS module (`import electron from 'electron'`).
  if (isBare(s) && use.names.includes('default')) return true
  return use.names.some((n) => t.names?.includes(n))
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports must follow the layering of docs/architecture.md' },
    schema: [
      {
        type: 'object',
        properties: {
          aliases: { type: 'object', additionalProperties: { type: 'string' } },
          boundaries: { type: 'array' },
          allow: { type: 'array' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '{{source}}: {{message}}',
      dynamic:
        'A dynamic import() with a computed path cannot be checked against the layering: use a literal path.',
    },
  },
  create(context) {
    const { aliases = {}, boundaries = [], allow = [] } = /** @type {any} */ (context.options[0] ?? {})
    const root = context.cwd
    const file = posix(relative(root, context.filename))
    /** @type {Boundary[]} */
    const active = boundaries.filter(
      (/** @type {Boundary} */ b) =>
        b.from.some((p) => under(file, p)) && !(b.except ?? []).some((p) => under(file, p)),
    )
    if (active.length === 0) return {}

    /** @param {string} source */
    function resolveSource(source) {
      for (const [alias, target] of Object.entries(aliases)) {
        if (source.startsWith(alias)) return posix(target + source.slice(alias.length))
      }
      if (source.startsWith('.')) return posix(relative(root, resolve(dirname(context.filename), source)))
      return null
    }

    /** @param {any} node @param {string} source @param {string[] | 'all'} names */
    function check(node, source, names) {
      if (allow.some((/** @type {any} */ a) => a.file === file && a.source === source)) return
      /** @type {Use} */
      const use = { source, resolved: resolveSource(source), names, node }
      for (const b of active) {
        if (b.forbid.some((t) => targetMatches(t, use))) {
          context.report({ node, messageId: 'forbidden', data: { source, message: b.message } })
          return
        }
      }
    }

    /** A string literal or a template literal without expressions. @param {any} n */
    const literal = (n) =>
      n?.type === 'Literal' && typeof n.value === 'string'
        ? n.value
        : n?.type === 'TemplateLiteral' && n.expressions.length === 0
          ? n.quasis[0].value.cooked
          : null

    /** @param {any} s */
    const specName = (s) =>
      s.type === 'ImportDefaultSpecifier'
        ? 'default'
        : s.type === 'ImportNamespaceSpecifier'
          ? null
          : ((s.imported ?? s.local)?.name ?? s.imported?.value)

    return {
      ImportDeclaration(node) {
        const specs = node.specifiers
        const names = specs.some((/** @type {any} */ s) => s.type === 'ImportNamespaceSpecifier')
          ? 'all'
          : specs.map(specName)
        check(node, String(node.source.value), names)
      },
      ExportNamedDeclaration(node) {
        if (!node.source) return
        check(
          node,
          String(node.source.value),
          node.specifiers.map((/** @type {any} */ s) => s.local?.name ?? s.local?.value),
        )
      },
      ExportAllDeclaration(node) {
        check(node, String(node.source.value), 'all')
      },
      ImportExpression(node) {
        const source = literal(node.source)
        if (source === null) context.report({ node, messageId: 'dynamic' })
        else check(node, source, 'all')
      },
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return
        const source = literal(node.arguments[0])
        if (source === null) context.report({ node, messageId: 'dynamic' })
        else check(node, source, 'all')
      },
      /** `import x = require('y')` @param {any} node */
      TSExternalModuleReference(node) {
        const source = literal(node.expression)
        if (source !== null) check(node, source, 'all')
      },
      /** `import('y').Type` in a type position @param {any} node */
      TSImportType(node) {
        const source = literal(node.argument?.literal ?? node.argument)
        if (source !== null) check(node, source, 'all')
      },
    }
  },
}
