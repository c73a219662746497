/** What the prerender's tests render with: a minimal template and site, for a compiled corpus. */
import { APP_MARKER, HEAD_END, HEAD_START } from './page-writer.ts'
import type { WorkerSetup } from './tasks.ts'

export const TEST_TEMPLATE = `<!doctype html><html lang="en"><head>${HEAD_START}${HEAD_END}<script type="module" src="/assets/app.js"></script></head><body><div id="root">${APP_MARKER}</div></body></html>`

export function testSetup(dataDir: string, outDir: string): WorkerSetup {
  return {
    dataDir,
    outDir,
    template: TEST_TEMPLATE,
    site: { origin: 'https://news.example.org', base: '/', name: 'Dateline' },
    dataUrl: '/data/v/',
    modulePreloads: { feed: [], article: [], tags: [], saved: [], 'not-found': [] },
    tagFeedSize: 20,
    siteFeedSize: 50,
  }
}
