/**
 * What a list shows — the feed, a tag view, search results: they are all one ViewState, and it
 * lives in the URL. This module is the only place that reads or writes it.
 *
 *   /                 the whole feed, newest first: its default page, the newest articles
 *   /page/<n>         a page of it (a file of its own on a static host)
 *   /?q=…&tag=…&notag=…&from=YYYY-MM-DD&to=YYYY-MM-DD&sort=oldest&page=<n>   anything else
 *
 * q       free text; the search syntax of src/features/search/engine/parse-query.ts
 * tag     repeatable: an article must carry every one (AND)
 * notag   repeatable: an article must carry none of them
 * from/to a calendar range of published dates, both ends included; undated articles fall outside
 * sort    newest | oldest | relevance (relevance only with a query, where it is the default)
 * page    1-based. A list in time order (no query) is numbered from its oldest end, so a page
 *         keeps its articles as news arrives (src/lib/list-pages.ts): page 1 holds the oldest 25.
 *         Without a page number a newest-first list shows its newest articles (its default page);
 *         an oldest-first list and search results start at page 1, which is then left out.
 *
 * The URL of a state is canonical: parameters in that order, defaults left out, tags
 * de-duplicated case-insensitively. Parsing never throws: what is not valid falls back to its
 * default and unknown parameters are dropped, so a mangled link still shows a sensible list.
 */
import { tagKey } from './tag-key'

export type ViewSort = 'newest' | 'oldest' | 'relevance'

/** A page of a list: its number, or null for a newest-first list's default page (its newest). */
export type PageNumber = number | null

export interface ViewState {
  /** Free-text query, trimmed; empty when there is none. */
  q: string
  /** Tags that must all be present, in the order given. */
  tags: string[]
  /** Tags that must all be absent. */
  notags: string[]
  /** First and last published day (YYYY-MM-DD), inclusive; '' when open. */
  from: string
  to: string
  sort: ViewSort
  /** 1-based; null only where the list has a default page of its own (see opensAtNewest). */
  page: PageNumber
}

export const DEFAULT_VIEW: ViewState = {
  q: '',
  tags: [],
  notags: [],
  from: '',
  to: '',
  sort: 'newest',
  page: null,
}

/** Every query parameter a view is made of, in canonical order. */
export const VIEW_STATE_PARAMS = ['q', 'tag', 'notag', 'from', 'to', 'sort', 'page'] as const

export const MAX_TAGS = 20
export const MAX_QUERY_LENGTH = 500
export const MAX_PAGE = 9_999_999

/** The sort a view has when none is given: relevance for a search, newest first otherwise. */
export function defaultSort(q: string): ViewSort {
  return q ? 'relevance' : 'newest'
}

/** Text as URLs carry it: lone surrogates (which no URL can encode) become U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  )
}

export function normalizeQuery(q: string): string {
  return wellFormed(q).trim().slice(0, MAX_QUERY_LENGTH).trim()
}

/** Trimmed, inner whitespace collapsed, without case-insensitive duplicates; at most MAX_TAGS. */
export function normalizeTags(tags: readonly string[], without: readonly string[] = []): string[] {
  const seen = new Set(without.map(tagKey))
  const result: string[] = []
  for (const raw of tags) {
    const tag = wellFormed(raw).trim().replace(/\s+/g, ' ')
    const key = tagKey(tag)
    if (!tag || seen.has(key)) continue
    seen.add(key)
    result.push(tag)
    if (result.length === MAX_TAGS) break
  }
  return result
}

/** A real calendar day written YYYY-MM-DD, else ''. */
export function normalizeDay(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value?.trim() ?? '')
  if (!match) return ''
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  const real =
    y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  return real ? value!.trim() : ''
}

function normalizeSort(value: string | null | undefined, q: string): ViewSort {
  if (value === 'newest' || value === 'oldest') return value
  if (value === 'relevance' && q) return value
  return defaultSort(q)
}

/**
 * Whether a list opens at its newest articles, on a default page apart from its numbered ones: a
 * list in time order, newest first. Search results and oldest-first lists open at page 1.
 */
export function opensAtNewest(state: Pick<ViewState, 'q' | 'sort'>): boolean {
  return !state.q && state.sort !== 'oldest'
}

function normalizePage(value: number | string | null | undefined): PageNumber {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1 && value <= MAX_PAGE ? value : null
  }
  const text = value?.trim() ?? ''
  return /^\d{1,7}$/.test(text) && Number(text) >= 1 ? Number(text) : null
}

/** The page number a state's URL carries: none for the list's default page. */
export function urlPage(state: ViewState): number | null {
  return state.page === 1 && !opensAtNewest(state) ? null : state.page
}

/** The canonical form of any partial state: what its URL would parse back to. */
export function normalizeView(state: Partial<ViewState>): ViewState {
  const q = normalizeQuery(state.q ?? '')
  const tags = normalizeTags(state.tags ?? [])
  let from = normalizeDay(state.from)
  let to = normalizeDay(state.to)
  if (from && to && from > to) [from, to] = [to, from]
  const sort = normalizeSort(state.sort, q)
  const page = normalizePage(state.page)
  return {
    q,
    tags,
    notags: normalizeTags(state.notags ?? [], tags),
    from,
    to,
    sort,
    page: page ?? (opensAtNewest({ q, sort }) ? null : 1),
  }
}

/** A page number in a path (/page/<n>): digits, no leading zero, from 1; anything else is null. */
export function parsePathPage(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : null
}

/**
 * The state a URL asks for: its query string, and on /page/<n> the path's page number (`pathPage`,
 * the route's `page` parameter), which wins over any ?page=. Never throws.
 */
export function parseView(search: URLSearchParams | string, pathPage?: string): ViewState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const q = normalizeQuery(params.get('q') ?? '')
  return normalizeView({
    q,
    tags: params.getAll('tag'),
    notags: params.getAll('notag'),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    sort: normalizeSort(params.get('sort'), q),
    page: parsePathPage(pathPage) ?? normalizePage(params.get('page')),
  })
}

/** The query string of a state ("?…", or '' for the default), in canonical order. */
export function serializeView(input: Partial<ViewState>): string {
  const state = normalizeView(input)
  const params = new URLSearchParams()
  if (state.q) params.set('q', state.q)
  for (const tag of state.tags) params.append('tag', tag)
  for (const tag of state.notags) params.append('notag', tag)
  if (state.from) params.set('from', state.from)
  if (state.to) params.set('to', state.to)
  if (state.sort !== defaultSort(state.q)) params.set('sort', state.sort)
  const page = urlPage(state)
  if (page !== null) params.set('page', String(page))
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Whether a state is a page of the whole feed, newest first: it lives at / or /page/<n>. */
export function isPlainFeed(input: Partial<ViewState>): boolean {
  const { page: _, ...rest } = normalizeView(input)
  return serializeView(rest) === ''
}

/** The one URL (path and query) of a state. */
export function viewHref(input: Partial<ViewState>): string {
  const state = normalizeView(input)
  if (isPlainFeed(state)) return state.page === null ? '/' : `/page/${state.page}`
  return `/${serializeView(state)}`
}

/** Whether any filter narrows the list (a query is not a filter: it makes a search). */
export function isFiltered(state: ViewState): boolean {
  return state.tags.length > 0 || state.notags.length > 0 || Boolean(state.from || state.to)
}

export function hasTag(tags: readonly string[], tag: string): boolean {
  const key = tagKey(tag)
  return tags.some((t) => tagKey(t) === key)
}

const without = (tags: readonly string[], tag: string) => {
  const key = tagKey(tag)
  return tags.filter((t) => tagKey(t) !== key)
}

/** Every change below starts again at the list's default page: the old page is of another list. */

/** Narrows to articles that also carry `tag` (no longer excluding it). */
export function withTag(state: ViewState, tag: string): ViewState {
  return normalizeView({
    ...state,
    tags: hasTag(state.tags, tag) ? state.tags : [...state.tags, tag],
    notags: without(state.notags, tag),
    page: null,
  })
}

/** Leaves out articles that carry `tag` (no longer requiring it). */
export function withNotag(state: ViewState, tag: string): ViewState {
  return normalizeView({
    ...state,
    tags: without(state.tags, tag),
    notags: hasTag(state.notags, tag) ? state.notags : [...state.notags, tag],
    page: null,
  })
}

/** Drops `tag` from the filter, whether required or excluded. */
export function withoutTag(state: ViewState, tag: string): ViewState {
  return normalizeView({
    ...state,
    tags: without(state.tags, tag),
    notags: without(state.notags, tag),
    page: null,
  })
}

/** A new query; a sort that was the default for the old query becomes the new one's default. */
export function withQuery(state: ViewState, q: string): ViewState {
  const sort = state.sort === defaultSort(state.q) ? defaultSort(normalizeQuery(q)) : state.sort
  return normalizeView({ ...state, q, sort, page: null })
}

export function withRange(state: ViewState, from: string, to: string): ViewState {
  return normalizeView({ ...state, from, to, page: null })
}

export function withSort(state: ViewState, sort: ViewSort): ViewState {
  return normalizeView({ ...state, sort, page: null })
}

/** No tag, date or exclusion left; the query and sort stay. */
export function withoutFilters(state: ViewState): ViewState {
  return normalizeView({ q: state.q, sort: state.sort })
}
