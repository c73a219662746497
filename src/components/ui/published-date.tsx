import { formatPublished } from '@/lib/format-date'

export function PublishedDate({
  value,
  style = 'long',
}: {
  value: string | undefined
  style?: 'long' | 'short'
}) {
  if (!value) return <span className="text-muted">Undated</span>
  return <time dateTime={value}>{formatPublished(value, style)}</time>
}
