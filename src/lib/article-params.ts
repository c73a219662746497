/**
 * An article's URL can carry the words to highlight, when it was opened from search results:
 * /article/<id>?hl=tajikistan+border. Words are folded index terms, so a typo-corrected search
 * highlights the corrected spelling.
 *
 * It can also carry the list it was opened from (a feed page, a tag view, search results, the
 * reading list), as that list's own path and query: /article/<id>?list=/?tag%3DJapan%26page%3D2.
 * Only src/lib/list-context.ts reads it back, strictly.
 */
const MAX_WORDS = 40

export const LIST_PARAM = 'list'

export function parseHighlight(search: URLSearchParams | string): string[] {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const words = (params.get('hl') ?? '').split(/\s+/).filter(Boolean)
  return [...new Set(words)].slice(0, MAX_WORDS)
}

export function serializeHighlight(words: readonly string[]): string {
  const unique = [...new Set(words.filter(Boolean))].slice(0, MAX_WORDS)
  return unique.length ? `?${new URLSearchParams({ hl: unique.join(' ') }).toString()}` : ''
}

/**
 * An article's query string: its highlighted words, then the list it was opened from (an in-app
 * path, "/…"). "/" and "?" may stand unescaped in a query (RFC 3986), which keeps it readable.
 */
export function serializeArticleParams(words: readonly string[], list?: string): string {
  const highlight = serializeHighlight(words)
  if (!list) return highlight
  const value = encodeURIComponent(list).replace(/%2F/g, '/').replace(/%3F/g, '?')
  return `${highlight ? `${highlight}&` : '?'}${LIST_PARAM}=${value}`
}
