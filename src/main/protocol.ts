/**
 * Serves the built renderer from app://cramp-clinic/ with the CSP header. Path traversal is
 * refused; unknown paths get index.html so the router can take over.
 */
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export function resolveAssetPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const rel = normalize(decoded).replace(/^([/\\])+/, '')
  const full = join(root, rel || 'index.html')
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null
  return full
}

export async function serveAsset(root: string, url: string): Promise<Response> {
  const path = resolveAssetPath(root, new URL(url).pathname)
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' }
  if (!path) return new Response('Bad request', { status: 400, headers })
  try {
    const body = await readFile(path)
    return new Response(body, {
      headers: { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' },
    })
  } catch {
    // Unknown paths get the app shell so the router can take over; no shell at all is a 404.
    try {
      const index = await readFile(join(root, 'index.html'))
      return new Response(index, { headers: { ...headers, 'Content-Type': TYPES['.html']! } })
    } catch {
      return new Response('Not found', { status: 404, headers })
    }
  }
}
