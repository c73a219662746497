/**
 * Writes one prerendered file per task: a page rendered by the app's own routes (src/entry-server)
 * inside the client build's index.html, with its head, or an Atom feed. Runs inside the page
 * workers (bundled by the SSR build, so it shares the app's modules); reads the compiled corpus
 * from disk, keeping only a few recently read files in memory.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { paths } from '../../src/config/paths.ts'
import type * as serverEntry from '../../src/entry-server.tsx'
import {
  chunkPlace,
  type ArticleDocument,
  type CorpusInfo,
  type CorpusMeta,
  type Headline,
  type HeadlineChunk,
  type TagIndex,
  type TagLatest,
} from '../../src/lib/compiled-corpus.ts'
import {
  APP_TEMPLATE_ID,
  BOOT_SCRIPT,
  PRERENDERED_ATTRIBUTE,
} from '../../src/lib/prerender-contract.ts'
import { tagFileName } from '../../src/lib/tag-key.ts'
import { createSyncWriter } from '../corpus/file-writer.ts'
import { contentHash } from '../corpus/output-sink.ts'
import { atomFeed, NO_DATE, type AtomEntry } from './atom.ts'
import { metaPolicy } from './csp.ts'
import { describeArticle, toRfc3339 } from './describe.ts'
import { renderHead, websiteJsonLd, type FeedLink, type PageHead } from './head.ts'
import { absoluteUrl, sitePath } from './site.ts'
import { MISSING, type PageDeps } from './page-cache.ts'
import { pageLocation } from './page-location.ts'
import type { PageKind, PageReport, PageTask, TaskReport, WorkerSetup } from './tasks.ts'

export { pageLocation }

/** What the page writer uses of the app's server entry (bundled with it by the SSR build). */
export type ServerEntry = Pick<
  typeof serverEntry,
  'createRenderer' | 'setDataReader' | 'NotFoundError'
>

export const HEAD_START = '<!--dateline:head-->'
export const HEAD_END = '<!--/dateline:head-->'
export const APP_MARKER = '<!--dateline:app-->'

/** React emits the page's <title>, <meta> and <link> elements first; the head gets its own. */
const LEADING_HOISTABLES = /^(?:<title>[\s\S]*?<\/title>|<(?:meta|link)\b[^>]*>)*/

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/**
 * A small cache of parsed corpus files (a page and its head read the same files), which notes
 * every file the current page reads, with its hash: what the page is made of, for the page cache.
 */
function createDiskReader(dataDir: string, NotFound: ServerEntry['NotFoundError'], size = 64) {
  const cache = new Map<string, { value: unknown; hash: string }>()
  let reads: Map<string, string> | undefined
  const read = (path: string): unknown => {
    const cached = cache.get(path)
    if (cached) {
      cache.delete(path)
      cache.set(path, cached)
      reads?.set(path, cached.hash)
      return cached.value
    }
    let text: string
    try {
      text = readFileSync(join(dataDir, path), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reads?.set(path, MISSING)
        throw new NotFound(`Not found: ${path}`)
      }
      throw error
    }
    const entry = { value: JSON.parse(text) as unknown, hash: contentHash(text) }
    reads?.set(path, entry.hash)
    cache.set(path, entry)
    if (cache.size > size) cache.delete(cache.keys().next().value!)
    return entry.value
  }
  /** Runs `work`, noting the files it reads. */
  const recording = async <T>(work: () => Promise<T>): Promise<{ value: T; deps: PageDeps }> => {
    const noted = new Map<string, string>()
    reads = noted
    try {
      const value = await work()
      return { value, deps: [...noted].sort((a, b) => (a[0] < b[0] ? -1 : 1)) }
    } finally {
      reads = undefined
    }
  }
  return { read, recording }
}

export function splitTemplate(template: string) {
  const start = template.indexOf(HEAD_START)
  const end = template.indexOf(HEAD_END)
  const app = template.indexOf(APP_MARKER)
  if (start < 0 || end < start || app < end)
    throw new Error(
      `index.html lacks the prerender markers ${HEAD_START} … ${HEAD_END} and ${APP_MARKER}`,
    )
  // The build's entry script and the preloads of its imports: they go into the app template.
  const entryTags: string[] = []
  const betweenHeadAndApp = template
    .slice(end + HEAD_END.length, app)
    .replace(ENTRY_TAGS, (tag) => {
      entryTags.push(tag.trim())
      return ''
    })
  if (!entryTags.some((tag) => tag.startsWith('<script')))
    throw new Error('index.html has no module script to start the app with')
  return {
    beforeHead: template.slice(0, start),
    betweenHeadAndApp,
    afterApp: template.slice(app + APP_MARKER.length),
    entryTags,
  }
}

const ENTRY_TAGS = /\s*(?:<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>)/g

export function createPageWriter(setup: WorkerSetup, server: ServerEntry) {
  const { site, dataDir, outDir } = setup
  const { read, recording } = createDiskReader(dataDir, server.NotFoundError)
  server.setDataReader(async (path) => read(path))
  const renderPage = server.createRenderer()
  const template = splitTemplate(setup.template)
  const files = createSyncWriter(outDir)
  const meta = () => read('meta.json') as CorpusMeta
  const siteFeed: FeedLink = { title: `${site.name}: latest news`, path: paths.siteFeed() }

  const write = (file: string, content: string): TaskReport => {
    files.write(file, content)
    return { files: 1, bytes: Buffer.byteLength(content) }
  }

  /** What the boot script loads after the first paint: the view's code and data, then the app. */
  const appTemplate = (kind: PageKind, data: string[]) =>
    [
      `<template id="${APP_TEMPLATE_ID}">`,
      ...data.map(
        (path) => `<link rel="preload" as="fetch" crossorigin href="${setup.dataUrl}${path}">`,
      ),
      ...setup.modulePreloads[kind].map(
        (href) => `<link rel="modulepreload" crossorigin href="${href}">`,
      ),
      ...template.entryTags,
      '</template>',
    ].join('\n    ')

  const page = async (
    task: Extract<PageTask, { kind: PageKind }>,
    head: (title: string) => PageHead,
    data: string[],
  ): Promise<TaskReport> => {
    const { path, file } = pageLocation(task)
    const rendered = await renderPage(absoluteUrl(site, path))
    if (rendered.kind === 'redirect')
      throw new Error(`${path} redirects to ${rendered.location}; only pages can be prerendered`)
    const expected = task.kind === 'not-found' ? 404 : 200
    if (rendered.status !== expected)
      throw new Error(`${path} rendered with status ${rendered.status}, expected ${expected}`)
    const hoisted = LEADING_HOISTABLES.exec(rendered.html)![0]
    const title = unescapeHtml(/<title>([\s\S]*?)<\/title>/.exec(hoisted)?.[1] ?? site.name)
    const headHtml = [
      // First: a policy applies only to what follows it.
      `<meta http-equiv="Content-Security-Policy" content="${metaPolicy()}">`,
      `<script>${BOOT_SCRIPT}</script>`,
      renderHead(head(title), site),
      // React's own hints (the article's lead image) stay: the head gets the rest from us.
      ...(hoisted.match(/<link rel="preload"[^>]*>/g) ?? []),
      appTemplate(task.kind, ['corpus.json', ...data]),
    ].join('\n    ')
    const prerendered = task.kind === 'not-found' ? '' : sitePath(site, path)
    const html =
      template.beforeHead.replace('<html ', `<html ${PRERENDERED_ATTRIBUTE}="${prerendered}" `) +
      headHtml +
      template.betweenHeadAndApp +
      rendered.html.slice(hoisted.length) +
      template.afterApp
    return write(file, html)
  }

  const entryOf = (headline: Headline, summary: string | undefined): AtomEntry => ({
    url: absoluteUrl(site, paths.article(headline.id)),
    title: headline.title,
    ...(headline.published ? { published: toRfc3339(headline.published) } : {}),
    ...(summary ? { summary } : {}),
    categories: headline.tags,
  })
  const summaryOf = (id: string) => {
    const doc = read(`articles/${id}.json`) as ArticleDocument
    return doc.article.summary || doc.article.body ? describeArticle(doc.article, 400) : undefined
  }
  const feed = (
    task: PageTask,
    title: string,
    pagePath: string,
    items: Headline[],
    withSummaries: boolean,
  ): TaskReport => {
    const entries = items.map((item) =>
      entryOf(item, withSummaries ? summaryOf(item.id) : undefined),
    )
    const { path, file } = pageLocation(task)
    // meta.json only when no entry is dated: a feed read only from its own files is cached as such.
    const updated =
      entries.map((entry) => entry.published).find(Boolean) ?? toRfc3339(meta().newest) ?? NO_DATE
    return write(
      file,
      atomFeed({
        title,
        selfUrl: absoluteUrl(site, path),
        pageUrl: absoluteUrl(site, pagePath),
        updated,
        author: (read('corpus.json') as CorpusInfo).name,
        entries,
      }),
    )
  }

  /** Renders one task, noting what it read: the page cache's record of what the page is made of. */
  return async function run(task: PageTask): Promise<PageReport> {
    const { value, deps } = await recording(() => render(task))
    return { ...value, file: pageLocation(task).file, deps }
  }

  async function render(task: PageTask): Promise<TaskReport> {
    switch (task.kind) {
      case 'feed': {
        const { articleCount, name } = meta()
        const count = articleCount.toLocaleString('en')
        // Only the front page counts the corpus: every other page stays as it is as news arrives.
        return page(
          task,
          (title) => ({
            title,
            description:
              task.page === null
                ? `The latest news from ${name}, newest first: ${count} articles with related headlines, tags and search.`
                : `Page ${task.page} of the news from ${name}, numbered from the oldest, newest first.`,
            path: pageLocation(task).path,
            type: 'website',
            feeds: [siteFeed],
            ...(task.page === null ? { jsonLd: websiteJsonLd(site) } : {}),
          }),
          feedPageFiles(task.page),
        )
      }
      case 'article': {
        const data = `articles/${task.id}.json`
        const { article } = read(data) as ArticleDocument
        return page(
          task,
          (title) => ({
            title,
            description: describeArticle(article),
            path: pageLocation(task).path,
            type: 'article',
            article: {
              headline: article.title,
              ...(article.published ? { published: toRfc3339(article.published) } : {}),
              tags: article.tags,
              ...(article.author ? { author: article.author } : {}),
              ...(article.image ? { image: article.image } : {}),
              ...(article.url ? { basedOn: article.url } : {}),
            },
            feeds: [
              siteFeed,
              ...article.tags.slice(0, 3).map((tag) => ({
                title: `${site.name}: ${tag}`,
                path: paths.tagFeed(tag),
              })),
            ],
          }),
          [data],
        )
      }
      case 'tags': {
        const { tagCount, name } = meta()
        return page(
          task,
          (title) => ({
            title,
            description: `All ${tagCount.toLocaleString('en')} tags of ${name}: places, people and topics, each with its articles, newest first.`,
            path: pageLocation(task).path,
            type: 'website',
            feeds: [siteFeed],
          }),
          ['tags.json'],
        )
      }
      case 'saved':
        return page(
          task,
          (title) => ({
            title,
            description: 'Your saved views and reading list, kept in this browser.',
            path: pageLocation(task).path,
            type: 'website',
            noindex: true,
            feeds: [siteFeed],
          }),
          [],
        )
      case 'not-found':
        return page(
          task,
          (title) => ({
            title,
            description: 'There is no article or page at this address.',
            type: 'website',
            noindex: true,
            feeds: [siteFeed],
          }),
          [],
        )
      case 'site-feed': {
        const { articleCount } = meta()
        const items: Headline[] = []
        for (let index = 0; index < Math.min(setup.siteFeedSize, articleCount); index++) {
          const { chunk, offset } = chunkPlace(index, articleCount)
          items.push((read(`feed/${chunk}.json`) as HeadlineChunk).items[offset]!)
        }
        return feed(task, siteFeed.title, '/', items, true)
      }
      case 'tag-feed': {
        const latest = read(`tags/${tagFileName(task.tag)}/latest.json`) as TagLatest
        return feed(
          task,
          `${site.name}: ${latest.tag.name}`,
          paths.tag(latest.tag.name),
          latest.items.slice(0, setup.tagFeedSize),
          true,
        )
      }
    }
  }
}

/** The files a page of the whole feed reads (see get-feed-list.ts), to preload them. */
export function feedPageFiles(page: number | null): string[] {
  return ['meta.json', page === null ? 'feed/latest.json' : `feed/${page}.json`]
}

/** Every tag of the corpus, for the tag feeds. */
export function readTagNames(dataDir: string): string[] {
  const index = JSON.parse(readFileSync(join(dataDir, 'tags.json'), 'utf8')) as TagIndex
  return index.tags.map(([name]) => name)
}
