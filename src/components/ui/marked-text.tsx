import type { Mark } from '@/lib/highlight'

/** Text with <mark>ed ranges; the text is always rendered as text. */
export function MarkedText({ text, marks }: { text: string; marks: readonly Mark[] }) {
  if (marks.length === 0) return <>{text}</>
  const parts: React.ReactNode[] = []
  let at = 0
  marks.forEach(([start, end], i) => {
    if (start < at) return
    if (start > at) parts.push(text.slice(at, start))
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>)
    at = end
  })
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
