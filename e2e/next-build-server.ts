/**
 * For the update test in e2e/offline.spec.ts: a build served as scripts/serve.ts serves it, except
 * that a browser with the cookie `next-build=<n>` gets a changed service worker script, as after a
 * deploy of build <n>. A test sets the cookie in its own browser context only, so tests running
 * side by side do not see each other's "deploys", and nothing is built twice.
 *   tsx e2e/next-build-server.ts --dir dist --port 4178
 */
import { readFileSync } from 'node:fs'
import { createServer, type RequestListener } from 'node:http'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { createStaticServer } from '../scripts/serve.ts'
import { BUILD_QUESTION } from './helpers.ts'

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4178' } },
})
const dir = values.dir
const serveFile = createStaticServer({ dir }).listeners('request')[0] as RequestListener

createServer((req, res) => {
  const build = /(?:^|;\s*)next-build=(\w+)/.exec(req.headers.cookie ?? '')?.[1]
  if (build && new URL(req.url ?? '/', 'http://host').pathname === '/sw.js') {
    // The changed worker answers BUILD_QUESTION with its build, so a test can tell which one runs.
    const worker =
      readFileSync(join(dir, 'sw.js'), 'utf8') +
      `\nself.addEventListener('message', (e) => { if (e.data === ${JSON.stringify(BUILD_QUESTION)}) e.source.postMessage(${JSON.stringify(build)}) })\n`
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    })
    res.end(worker)
    return
  }
  serveFile(req, res)
}).listen(Number(values.port), () => console.log(`next-build server on port ${values.port}`))
