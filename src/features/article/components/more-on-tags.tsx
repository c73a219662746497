import { Link } from 'react-router-dom'

import { paths } from '@/config/paths'

export function MoreOnTags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null
  return (
    <nav aria-label="More on these tags">
      <ul className="flex flex-col gap-1">
        {tags.map((tag) => (
          <li key={tag}>
            <Link
              to={paths.tag(tag)}
              className="inline-block py-1 font-medium text-accent underline"
            >
              More on <bdi>{tag}</bdi>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
