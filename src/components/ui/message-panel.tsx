import type { ReactNode } from 'react'

interface MessagePanelProps {
  title: string
  children?: ReactNode
  /** The heading level fits the page: h1 when the panel is the page, h2 inside one. */
  level?: 1 | 2
  role?: 'alert' | 'status'
}

/** Empty states, not-found and error messages: a heading, an explanation, ways on. */
export function MessagePanel({ title, children, level = 2, role }: MessagePanelProps) {
  const Heading = level === 1 ? 'h1' : 'h2'
  return (
    <section role={role} className="rounded-lg border border-line bg-surface px-5 py-6 sm:px-8">
      <Heading className="font-serif text-2xl font-semibold text-ink">{title}</Heading>
      <div className="mt-3 space-y-3 text-muted [&_a]:text-accent [&_a]:underline">{children}</div>
    </section>
  )
}
