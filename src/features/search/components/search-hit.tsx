import { Link } from 'react-router-dom'

import { HeadlineMeta, TagChipList } from '@/components/ui/headline-meta'
import { MarkedText } from '@/components/ui/marked-text'
import { paths } from '@/config/paths'

import type { SearchHit as Hit } from '../engine/search-engine'

/** One result: the headline and a snippet with the matched words marked. */
export function SearchHit({ hit, highlight }: { hit: Hit; highlight: string[] }) {
  return (
    <article className="py-5">
      <h2 className="font-serif text-lg leading-snug font-semibold text-ink sm:text-xl">
        <Link to={paths.article(hit.id, highlight)} className="hover:text-accent hover:underline">
          <MarkedText {...hit.title} />
        </Link>
      </h2>
      <HeadlineMeta published={hit.published} source={hit.source} />
      {hit.snippet.text && (
        <p className="mt-2 leading-relaxed text-ink/90">
          <MarkedText {...hit.snippet} />
        </p>
      )}
      <TagChipList tags={hit.tags} />
    </article>
  )
}
