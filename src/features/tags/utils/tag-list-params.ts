/** The tag index's view state in the URL: /tags?filter=…&sort=name */
export type TagSort = 'count' | 'name'

export interface TagListParams {
  filter: string
  sort: TagSort
}

export function parseTagListParams(search: URLSearchParams): TagListParams {
  return {
    filter: (search.get('filter') ?? '').slice(0, 200),
    sort: search.get('sort') === 'name' ? 'name' : 'count',
  }
}

export function serializeTagListParams({ filter, sort }: TagListParams): string {
  const params = new URLSearchParams()
  if (filter.trim()) params.set('filter', filter)
  if (sort === 'name') params.set('sort', 'name')
  const text = params.toString()
  return text ? `?${text}` : ''
}
