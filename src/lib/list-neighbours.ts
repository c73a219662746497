/**
 * An article's previous and next within a paged list, crossing page boundaries: the last item of
 * a page is followed by the first of the page after it. Pure; the pages come from whoever loads
 * them (src/app/routes/list-navigation.tsx, through the lists' own queries), each saying which
 * pages lie before and after it (src/lib/list-pages.ts). Pages may overlap: a bookmarked page of a
 * newest-first list leads back to the default page, which holds it too.
 */
import type { PageLink } from './list-pages'
import type { PageNumber } from './view-state'

export interface ListItem {
  id: string
  title: string
}

/** One page of a list, as the lookup needs it. */
export interface ListPage {
  items: ListItem[]
  total: number
  /** The place of the page's first item in the whole list, from 1. */
  start: number
  /** The pages before and after this one in the list's order; null at its ends. */
  previous: PageLink | null
  next: PageLink | null
}

/** A page as far as it is known: loaded, still loading, or failed to load. */
export type PageState = ListPage | 'loading' | 'failed'

export interface Neighbour extends ListItem {
  /** The page of the list it is on. */
  page: PageNumber
}

/** A neighbour, none (the list ends there), or not known yet or at all. */
export type Side = Neighbour | null | 'loading' | 'failed'

export type Neighbours =
  | { status: 'loading' | 'failed' }
  /** The article is not on the page it was opened from (a changed list, an edited address). */
  | { status: 'absent' }
  | { status: 'found'; position: number; total: number; previous: Side; next: Side }

const indexOf = (page: ListPage, id: string) => page.items.findIndex((item) => item.id === id)

/** The pages beside the current one that the lookup needs too: only when the article is at an edge. */
export function pagesBeside(
  id: string,
  current: PageState,
): { previous: PageLink | null; next: PageLink | null } {
  const none = { previous: null, next: null }
  if (typeof current === 'string') return none
  const index = indexOf(current, id)
  if (index < 0) return none
  return {
    previous: index === 0 ? current.previous : null,
    next: index === current.items.length - 1 ? current.next : null,
  }
}

/** The article's neighbours in the list, `page` being the page it was opened from. */
export function findNeighbours(
  id: string,
  page: PageNumber,
  pageAt: (page: PageNumber) => PageState,
): Neighbours {
  const current = pageAt(page)
  if (typeof current === 'string') return { status: current }
  const index = indexOf(current, id)
  if (index < 0) return { status: 'absent' }
  const { items } = current
  /**
   * The item before (step -1) or after (+1) the edge item `edge` on another page: beside it where
   * that page holds it too, else at the page's near end.
   */
  const beside = (link: PageLink | null, edge: ListItem, step: -1 | 1): Side => {
    if (!link) return null
    const state = pageAt(link.page)
    if (typeof state === 'string') return state
    const at = indexOf(state, edge.id)
    const item = at >= 0 ? state.items[at + step] : step < 0 ? state.items.at(-1) : state.items[0]
    return item ? { ...item, page: link.page } : null
  }
  const previous: Side =
    index > 0 ? { ...items[index - 1]!, page } : beside(current.previous, items[0]!, -1)
  const next: Side =
    index < items.length - 1
      ? { ...items[index + 1]!, page }
      : beside(current.next, items.at(-1)!, 1)
  return {
    status: 'found',
    position: current.start + index,
    total: current.total,
    previous,
    next,
  }
}
