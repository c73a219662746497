/**
 * Serves a build the way a plain static host does, and nothing more: a file for its path, else the
 * same path with .html (or /index.html), else 404.html with status 404. No single-page fallback, so
 * what works here works on nginx, Netlify, GitHub Pages or S3 + CloudFront set up as the README
 * says. Gzip, and the cache headers the README recommends (immutable for hashed assets and
 * revalidated pages and data, with ETags). Used by `npm start`, the end-to-end tests and the benchmarks.
 *
 *   tsx scripts/serve.ts [--dir dist] [--port 4173] [--base /reader/]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { createGzip } from 'node:zlib'

import { parseHeadersFile } from './prerender/csp.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
}
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.css',
  '.json',
  '.xml',
  '.txt',
  '.svg',
  '.webmanifest',
  '.map',
])

export interface StaticServerOptions {
  dir: string
  base?: string
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** The file a static host answers with for a URL path under the site, or undefined. */
export function resolveFile(dir: string, sitePath: string): string | undefined {
  const full = normalize(join(dir, sitePath))
  if (full !== dir && !full.startsWith(dir + sep)) return undefined
  if (sitePath.endsWith('/')) return [join(full, 'index.html')].find(isFile)
  return [full, `${full}.html`, join(full, 'index.html')].find(isFile)
}

function cacheControl(sitePath: string): string {
  // Hashed file names never change content under one URL; everything else (pages, feeds, the
  // corpus's files, which a publish updates in place) is asked about again each time.
  if (sitePath.startsWith('/assets/')) return 'public, max-age=31536000, immutable'
  return 'no-cache'
}

export function createStaticServer({ dir, base = '/' }: StaticServerOptions): Server {
  const root = resolve(dir)
  const notFoundPage = join(root, '404.html')
  // The headers the build asks every response to carry (Content-Security-Policy and the like).
  const headersFile = join(root, '_headers')
  const siteHeaders = existsSync(headersFile)
    ? parseHeadersFile(readFileSync(headersFile, 'utf8'))
    : {}
  return createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    // A mangled address (a broken %-escape) names no file: the not-found page, like any other.
    let pathname = ''
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname)
    } catch {
      // pathname stays '', which is outside the site
    }
    const inSite = pathname !== '' && (pathname.startsWith(base) || `${pathname}/` === base)
    const sitePath = inSite ? `/${pathname.slice(base.length)}` : undefined
    // A host's own configuration file is not part of the site.
    const file =
      sitePath === undefined || sitePath === '/_headers' ? undefined : resolveFile(root, sitePath)
    const status = file ? 200 : 404
    const served = file ?? (existsSync(notFoundPage) ? notFoundPage : undefined)
    if (!served) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
      return
    }
    const ext = extname(served)
    const stats = statSync(served)
    // What a static host sends so that asking again costs a 304, not the file.
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`
    const headers: Record<string, string> = {
      ...siteHeaders,
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': file ? cacheControl(sitePath!) : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      ...(file ? { ETag: etag } : {}),
    }
    if (file && req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end()
      return
    }
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']))
    if (gzip) headers['Content-Encoding'] = 'gzip'
    else headers['Content-Length'] = String(stats.size)
    res.writeHead(status, headers)
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    const stream = createReadStream(served)
    ;(gzip ? stream.pipe(createGzip()) : stream).pipe(res)
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4173' },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
    },
  })
  const dir = values.dir
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`No build in ${dir}/: run \`npm run build\` first.`)
    process.exit(1)
  }
  const base = `/${values.base.split('/').filter(Boolean).join('/')}/`.replace('//', '/')
  const port = Number(values.port)
  createStaticServer({ dir, base }).listen(port, () => {
    console.log(`Dateline is served at http://localhost:${port}${base}`)
  })
}
