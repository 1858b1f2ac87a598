/**
 * Serves the built renderer on 127.0.0.1 for a browser: the fallback of `npm start`, and the
 * server the browser tests and benchmarks use. Same asset code and CSP header as the app://
 * scheme in Electron (src/main/protocol.ts).
 */
import { createServer, type Server } from 'node:http'
import { resolve } from 'node:path'
import { serveAsset } from '../src/main/protocol'

export interface StaticServer {
  url: string
  close(): Promise<void>
}

export const RENDERER_DIR = resolve(import.meta.dirname, '../out/renderer')

export async function startStaticServer(root = RENDERER_DIR, port = 0): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    void serveAsset(root, `http://127.0.0.1${req.url ?? '/'}`).then(async (r) => {
      const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
      r.headers.forEach((v, k) => (headers[k] = v))
      res.writeHead(r.status, headers)
      res.end(req.method === 'HEAD' ? undefined : Buffer.from(await r.arrayBuffer()))
    })
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => ok())
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
