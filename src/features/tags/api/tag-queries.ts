import { queryOptions } from '@tanstack/react-query'

import type { TagIndex } from '@/lib/compiled-corpus'
import { fetchRequiredJson } from '@/lib/fetch-json'

export const tagQueries = {
  all: () => ['tags'] as const,
  index: () =>
    queryOptions({
      queryKey: [...tagQueries.all(), 'index'] as const,
      queryFn: ({ signal }) => fetchRequiredJson<TagIndex>('tags.json', signal),
    }),
}
