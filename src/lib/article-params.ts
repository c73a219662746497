/**
 * An article's URL can carry the words to highlight, when it was opened from search results:
 * /article/<id>?hl=tajikistan+border. Words are folded index terms, so a typo-corrected search
 * highlights the corrected spelling.
 */
const MAX_WORDS = 40

export function parseHighlight(search: URLSearchParams | string): string[] {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const words = (params.get('hl') ?? '').split(/\s+/).filter(Boolean)
  return [...new Set(words)].slice(0, MAX_WORDS)
}

export function serializeHighlight(words: readonly string[]): string {
  const unique = [...new Set(words.filter(Boolean))].slice(0, MAX_WORDS)
  return unique.length ? `?${new URLSearchParams({ hl: unique.join(' ') }).toString()}` : ''
}
