import { Link } from 'react-router-dom'

import { paths } from '@/config/paths'

/** Beside a feed list: its complementary landmark, named by its heading, ending with All tags. */
export function FeedAside({
  id,
  title,
  children,
}: {
  id: string
  title: string
  children: React.ReactNode
}) {
  return (
    <aside aria-labelledby={id} className="min-w-0 lg:pt-2">
      <div className="rounded-lg border border-line bg-surface p-4">
        <h2 id={id} className="text-sm font-semibold tracking-wide text-muted uppercase">
          {title}
        </h2>
        {children}
        <p className="mt-3 text-sm">
          <Link to={paths.tags()} className="inline-block py-1 text-accent underline">
            All tags
          </Link>
        </p>
      </div>
    </aside>
  )
}
