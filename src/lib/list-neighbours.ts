/**
 * An article's previous and next within a paged list, crossing page boundaries: the last item of
 * page 1 is followed by the first of page 2. Pure; the pages come from whoever loads them
 * (src/app/routes/list-navigation.tsx, through the lists' own queries).
 */

export interface ListItem {
  id: string
  title: string
}

/** One page of a list, as the lookup needs it. */
export interface ListPage {
  items: ListItem[]
  pageCount: number
  total: number
  /** Items per full page, to number the article within the whole list. */
  pageSize: number
}

/** A page as far as it is known: loaded, still loading, or failed to load. */
export type PageState = ListPage | 'loading' | 'failed'

export interface Neighbour extends ListItem {
  /** The page of the list it is on. */
  page: number
}

/** A neighbour, none (the list ends there), or not known yet or at all. */
export type Side = Neighbour | null | 'loading' | 'failed'

export type Neighbours =
  | { status: 'loading' | 'failed' }
  /** The article is not on the page it was opened from (a changed list, an edited address). */
  | { status: 'absent' }
  | { status: 'found'; position: number; total: number; previous: Side; next: Side }

const indexOf = (page: ListPage, id: string) => page.items.findIndex((item) => item.id === id)

/** The pages beside `page` that the lookup needs too: only when the article is at an edge. */
export function pagesBeside(id: string, page: number, current: PageState): number[] {
  if (typeof current === 'string') return []
  const index = indexOf(current, id)
  if (index < 0) return []
  const pages: number[] = []
  if (index === 0 && page > 1) pages.push(page - 1)
  if (index === current.items.length - 1 && page < current.pageCount) pages.push(page + 1)
  return pages
}

/** The article's neighbours in the list, `page` being the page it was opened from. */
export function findNeighbours(
  id: string,
  page: number,
  pageAt: (page: number) => PageState,
): Neighbours {
  const current = pageAt(page)
  if (typeof current === 'string') return { status: current }
  const index = indexOf(current, id)
  if (index < 0) return { status: 'absent' }
  const { items } = current
  const beside = (other: number, pick: (items: ListItem[]) => ListItem | undefined): Side => {
    const state = pageAt(other)
    if (typeof state === 'string') return state
    const item = pick(state.items)
    return item ? { ...item, page: other } : null
  }
  const previous: Side =
    index > 0
      ? { ...items[index - 1]!, page }
      : page > 1
        ? beside(page - 1, (list) => list.at(-1))
        : null
  const next: Side =
    index < items.length - 1
      ? { ...items[index + 1]!, page }
      : page < current.pageCount
        ? beside(page + 1, (list) => list[0])
        : null
  return {
    status: 'found',
    position: (page - 1) * current.pageSize + index + 1,
    total: current.total,
    previous,
    next,
  }
}
