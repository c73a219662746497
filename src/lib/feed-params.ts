/**
 * The feed's view state lives in the URL: /?q=…&tag=…&tag=…&sort=…&page=…, except that a page of
 * the whole feed has a path of its own, /page/<n>, so it can be a prerendered file on a static host.
 * This module is the only place that reads or writes those parameters.
 */
import { tagKey } from './tag-key'

export type FeedSort = 'relevance' | 'newest'

export interface FeedParams {
  /** Free-text query, trimmed; empty when absent. */
  q: string
  /** Tag filters (AND), in the order given, without case-insensitive duplicates. */
  tags: string[]
  /** 1-based. */
  page: number
  /** Only meaningful with a query; without one the feed is always newest first. */
  sort: FeedSort
}

export const DEFAULT_FEED_PARAMS: FeedParams = { q: '', tags: [], page: 1, sort: 'relevance' }

const MAX_TAGS = 20
const MAX_QUERY_LENGTH = 500

export function parsePage(value: string | null): number {
  if (value === null || !/^\d{1,7}$/.test(value.trim())) return 1
  return Math.max(1, Number(value.trim()))
}

export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ')
    const key = tagKey(tag)
    if (!tag || seen.has(key)) continue
    seen.add(key)
    result.push(tag)
    if (result.length === MAX_TAGS) break
  }
  return result
}

/** A page number in a path (/page/<n>): digits only, from 2; anything else names no page. */
export function parsePathPage(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : null
}

/**
 * The feed's state from the query string, and on /page/<n> from the path (`pathPage`, the route's
 * `page` parameter), which then wins over any ?page=.
 */
export function parseFeedParams(search: URLSearchParams | string, pathPage?: string): FeedParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    tags: normalizeTags(params.getAll('tag')),
    page: parsePathPage(pathPage) ?? parsePage(params.get('page')),
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
  }
}

/** Whether this state is a page of the whole feed, which lives at /page/<n> rather than /?page=<n>. */
export function isPlainFeedPage(state: Partial<FeedParams>): boolean {
  return !state.q?.trim() && normalizeTags(state.tags ?? []).length === 0
}

/** The one URL of a feed state: / or /page/<n> for the whole feed, /?… for searches and filters. */
export function feedHref(state: Partial<FeedParams>): string {
  const page = Math.floor(state.page ?? 1)
  if (isPlainFeedPage(state)) return page > 1 ? `/page/${page}` : '/'
  return `/${serializeFeedParams(state)}`
}

/** Serialises in a fixed order and leaves defaults out, so one view has one URL. */
export function serializeFeedParams(state: Partial<FeedParams>): string {
  const params = new URLSearchParams()
  const q = state.q?.trim()
  if (q) params.set('q', q)
  for (const tag of normalizeTags(state.tags ?? [])) params.append('tag', tag)
  if (q && state.sort === 'newest') params.set('sort', 'newest')
  if (state.page && state.page > 1) params.set('page', String(Math.floor(state.page)))
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function hasTag(tags: readonly string[], tag: string): boolean {
  const key = tagKey(tag)
  return tags.some((t) => tagKey(t) === key)
}

export function withTag(state: FeedParams, tag: string): FeedParams {
  return hasTag(state.tags, tag)
    ? { ...state, page: 1 }
    : { ...state, tags: [...state.tags, tag], page: 1 }
}

export function withoutTag(state: FeedParams, tag: string): FeedParams {
  const key = tagKey(tag)
  return { ...state, tags: state.tags.filter((t) => tagKey(t) !== key), page: 1 }
}
