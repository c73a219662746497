/** Body text is plain text with paragraphs separated by a blank line. */
export function toParagraphs(body: string | undefined): string[] {
  if (!body) return []
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
}

/**
 * The text an article page shows: its summary as a lead (unless the body starts with it), then the
 * body's paragraphs. The reading time counts the same text.
 */
export function articleText({ summary, body }: { summary?: string; body?: string }): {
  lead?: string
  paragraphs: string[]
} {
  const paragraphs = toParagraphs(body)
  return summary && paragraphs[0] !== summary ? { lead: summary, paragraphs } : { paragraphs }
}
