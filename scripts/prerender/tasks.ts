/**
 * What the prerender orchestrator (prerender.ts, in the build's process) asks a page worker
 * (page-worker.ts, bundled with the app by the SSR build) to write, and what the worker needs to
 * know. Types only: the two sides share no code at run time.
 */
import type { Site } from './site.ts'

export type PageTask =
  /** A page of the feed (src/lib/list-pages.ts): its chunk, or null for the front page. */
  | { kind: 'feed'; page: number | null }
  | { kind: 'article'; id: string }
  | { kind: 'tags' }
  | { kind: 'saved' }
  | { kind: 'not-found' }
  | { kind: 'site-feed' }
  | { kind: 'tag-feed'; tag: string }

export type PageKind = 'feed' | 'article' | 'tags' | 'saved' | 'not-found'

export interface WorkerSetup {
  /** The compiled corpus folder (dist/data/<version>). */
  dataDir: string
  /** Where the site is written (dist). */
  outDir: string
  /** The client build's index.html, with its head and app markers. */
  template: string
  site: Site
  /** URL path of the compiled corpus as the browser fetches it: "/data/<version>/". */
  dataUrl: string
  /** Per view, the script chunks to preload beside the entry (URL paths). */
  modulePreloads: Record<PageKind, string[]>
  /** Atom entries per tag feed, and in the site feed. */
  tagFeedSize: number
  siteFeedSize: number
}

export interface TaskReport {
  files: number
  bytes: number
}

/** One rendered task: its file and what it was made of (see page-cache.ts). */
export interface PageReport extends TaskReport {
  file: string
  deps: [path: string, hash: string][]
}

/** A page worker's answer to a batch of tasks. */
export type WorkerAnswer =
  | { ok: true; report: TaskReport; pages: PageReport[] }
  | { ok: false; error: string; task: PageTask }
