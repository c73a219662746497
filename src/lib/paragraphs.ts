/** Body text is plain text with paragraphs separated by a blank line. */
export function toParagraphs(body: string | undefined): string[] {
  if (!body) return []
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
}
