import {
  PAGE_SIZE,
  type CorpusMeta,
  type Headline,
  type HeadlinePage,
  type TagCount,
  type TagPage,
  type TagPostings,
} from '@/lib/compiled-corpus'
import { fetchJson, NotFoundError } from '@/lib/fetch-json'
import { deltaDecode, intersectSorted } from '@/lib/positions'
import { tagFileName } from '@/lib/tag-key'

export interface FeedFilter {
  tags: string[]
  page: number
}

export interface FeedList {
  items: Headline[]
  page: number
  pageCount: number
  total: number
  /** The filter tags found in the corpus, in their display spelling. */
  tags: TagCount[]
  /** Filter tags the corpus does not have. */
  unknownTags: string[]
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise
  } catch (error) {
    if (error instanceof NotFoundError) return null
    throw error
  }
}

function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE))
}

async function getAllArticles(page: number, signal?: AbortSignal): Promise<FeedList> {
  const found = await orNull(fetchJson<HeadlinePage>(`feed/${page}.json`, signal))
  if (found) return { ...found, tags: [], unknownTags: [] }
  // Past the last page: say how many pages there are instead of failing.
  const meta = await fetchJson<CorpusMeta>('meta.json', signal)
  return {
    items: [],
    page,
    pageCount: meta.pageCount,
    total: meta.articleCount,
    tags: [],
    unknownTags: [],
  }
}

async function getOneTag(tag: string, page: number, signal?: AbortSignal): Promise<FeedList> {
  const dir = `tags/${tagFileName(tag)}`
  const found =
    (await orNull(fetchJson<TagPage>(`${dir}/${page}.json`, signal))) ??
    (page > 1 ? await orNull(fetchJson<TagPage>(`${dir}/1.json`, signal)) : null)
  if (!found) return { items: [], page, pageCount: 1, total: 0, tags: [], unknownTags: [tag] }
  const items = found.page === page ? found.items : []
  return {
    items,
    page,
    pageCount: found.pageCount,
    total: found.total,
    tags: [found.tag],
    unknownTags: [],
  }
}

async function getHeadlinesAt(positions: number[], signal?: AbortSignal): Promise<Headline[]> {
  const pages = [...new Set(positions.map((p) => Math.floor(p / PAGE_SIZE) + 1))]
  const loaded = new Map(
    await Promise.all(
      pages.map(async (n) => [n, await fetchJson<HeadlinePage>(`feed/${n}.json`, signal)] as const),
    ),
  )
  return positions.map((p) => loaded.get(Math.floor(p / PAGE_SIZE) + 1)!.items[p % PAGE_SIZE]!)
}

async function getTagIntersection(
  tags: string[],
  page: number,
  signal?: AbortSignal,
): Promise<FeedList> {
  const postings = await Promise.all(
    tags.map((tag) => orNull(fetchJson<TagPostings>(`tags/${tagFileName(tag)}/ids.json`, signal))),
  )
  const unknownTags = tags.filter((_, i) => postings[i] === null)
  const known = postings.filter((p): p is TagPostings => p !== null)
  const matches = unknownTags.length
    ? []
    : intersectSorted(known.map((p) => deltaDecode(p.positions)))
  const slice = matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
  return {
    items: slice.length ? await getHeadlinesAt(slice, signal) : [],
    page,
    pageCount: pageCountOf(matches.length),
    total: matches.length,
    tags: known.map((p) => p.tag),
    unknownTags,
  }
}

/** One page of the feed, filtered by tags (AND); each case reads a small, bounded set of files. */
export function getFeedList({ tags, page }: FeedFilter, signal?: AbortSignal): Promise<FeedList> {
  if (tags.length === 0) return getAllArticles(page, signal)
  if (tags.length === 1) return getOneTag(tags[0]!, page, signal)
  return getTagIntersection(tags, page, signal)
}
