/**
 * Where a prerendered file lives: its app path and the file a static host serves for it. Shared by
 * the page workers (which write it) and the orchestrator (which reuses it from the page cache), so
 * it imports nothing that needs the app's build (no '@/' paths).
 */
import { tagFileName } from '../../src/lib/tag-key.ts'
import type { PageTask } from './tasks.ts'

/** The site's Atom feed and a tag's (as src/config/paths.ts names them). */
export const SITE_FEED_PATH = '/feed.xml'
export const tagFeedPath = (tag: string) => `/feeds/tag/${tagFileName(tag)}.xml`

export function pageLocation(task: PageTask): { path: string; file: string } {
  switch (task.kind) {
    case 'feed':
      return task.page === null
        ? { path: '/', file: 'index.html' }
        : { path: `/page/${task.page}`, file: `page/${task.page}.html` }
    case 'article':
      return { path: `/article/${task.id}`, file: `article/${task.id}.html` }
    case 'tags':
      return { path: '/tags', file: 'tags.html' }
    case 'saved':
      return { path: '/saved', file: 'saved.html' }
    case 'not-found':
      // Rendered at an address no route knows; served by hosts for every unknown path.
      return { path: '/404', file: '404.html' }
    case 'site-feed':
      return { path: SITE_FEED_PATH, file: SITE_FEED_PATH.slice(1) }
    case 'tag-feed':
      return { path: tagFeedPath(task.tag), file: tagFeedPath(task.tag).slice(1) }
  }
}
