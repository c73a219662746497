import { queryOptions } from '@tanstack/react-query'

import type { ArticleDocument } from '@/lib/compiled-corpus'
import { fetchJson } from '@/lib/fetch-json'

export const articleQueries = {
  all: () => ['article'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...articleQueries.all(), id] as const,
      queryFn: ({ signal }) => fetchJson<ArticleDocument>(`articles/${id}.json`, signal),
    }),
}
