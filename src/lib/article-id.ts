/** Article ids are their URLs (/article/<id>) and file names, so the format restricts them. */
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9._~-]{1,200}$/

/** "." and ".." are dropped from URLs as path segments, so they can name no article. */
export function isArticleId(value: string): boolean {
  return ARTICLE_ID_PATTERN.test(value) && value !== '.' && value !== '..'
}
