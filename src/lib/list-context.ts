/**
 * The list an article was opened from, read back from the article's URL (?list=…, written by
 * src/lib/article-params.ts): a feed page, a tag view, search results — any view of
 * src/lib/view-state.ts — or the reading list at /saved.
 */
import { LIST_PARAM } from './article-params'
import { parseView, viewHref, type PageNumber, type ViewState } from './view-state'

export type ListContext =
  { kind: 'view'; view: ViewState; href: string } | { kind: 'saved'; href: string }

/** Far longer than any view's URL (a 500-character query and 20 tags); anything longer is junk. */
const MAX_LENGTH = 8192

/** "/" or "/page/<n>", then an optional query; nothing else (no "//host", no "#", no scheme). */
const LIST_PATH = /^\/(?:page\/([1-9]\d{0,6}))?(?:\?([^#]*))?$/

/**
 * The list in an article's query string, or null when there is none or it is not one of this
 * site's lists. A view is rebuilt from what it parses to, so the address the article links back
 * to is always a canonical list path of this site, whatever the parameter held: never another
 * site, a scheme, another route, or text that was not part of a view.
 */
export function parseListContext(search: URLSearchParams | string): ListContext | null {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const value = params.get(LIST_PARAM)
  if (!value || value.length > MAX_LENGTH) return null
  if (value === '/saved') return { kind: 'saved', href: '/saved' }
  const match = LIST_PATH.exec(value)
  if (!match) return null
  const view = parseView(match[2] ?? '', match[1])
  return { kind: 'view', view, href: viewHref(view) }
}

/** The same list at another page (the reading list has one page). */
export function listAtPage(context: ListContext, page: PageNumber): ListContext {
  if (context.kind === 'saved') return context
  const view = { ...context.view, page }
  return { kind: 'view', view, href: viewHref(view) }
}
