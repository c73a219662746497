/**
 * Writes the compiled corpus (layout in src/lib/compiled-corpus.ts) for a corpus model. Every file
 * the app needs for one view is small and bounded: a feed or tag page holds PAGE_SIZE headlines,
 * an article document one article and RELATED_LIMIT related headlines.
 */
import {
  FORMAT_VERSION,
  HEADLINE_TAG_LIMIT,
  latestLength,
  PAGE_SIZE,
  RELATED_LIMIT,
  type ArticleDocument,
  type CorpusInfo,
  type CorpusMeta,
  type DateCounts,
  type Headline,
  type HeadlineChunk,
  type LatestHeadlines,
  type RelatedHeadline,
  type TagIndex,
  type TagLatest,
  type TagPostings,
} from '../../src/lib/compiled-corpus.ts'
import { tagFileName } from '../../src/lib/tag-key.ts'
import type { CorpusModel, ModelArticle } from './build-model.ts'
import { contentHash, type OutputSink } from './output-sink.ts'
import { computeRelatedLists, type RelatedState } from './related-lists.ts'
import type { IndexedArticle, SearchInput } from './search-document.ts'
import { buildSearchIndex } from './search-index.ts'
import type { SearchState } from './search-state.ts'
import { trace } from './trace.ts'

const TOP_TAGS = 24

export function toHeadline(entry: ModelArticle): Headline {
  const { source, minutes } = entry
  return {
    id: entry.id,
    title: entry.title,
    ...(entry.published ? { published: entry.published } : {}),
    tags: entry.tags.slice(0, HEADLINE_TAG_LIMIT),
    ...(source ? { source } : {}),
    ...(minutes ? { minutes } : {}),
  }
}

export function deltaEncode(sorted: readonly number[]): number[] {
  return sorted.map((value, i) => (i === 0 ? value : value - sorted[i - 1]!))
}

/** Feed times (newest first, undated last) to the number of articles on each day: see DateCounts. */
export function dateCounts(times: readonly (number | undefined)[]): DateCounts {
  const days: [string, number][] = []
  let undated = 0
  for (const time of times) {
    if (time === undefined) {
      undated++
      continue
    }
    const day = new Date(time).toISOString().slice(0, 10)
    const last = days.at(-1)
    if (last?.[0] === day) last[1]++
    else days.push([day, 1])
  }
  return { days, undated }
}

/**
 * A list given newest first, as chunks of PAGE_SIZE from its oldest (see HeadlineChunk): chunk k
 * holds the items at sequence numbers (k - 1) * PAGE_SIZE onwards, oldest first.
 */
export function* chunksOf<T>(newestFirst: readonly T[]): Generator<[chunk: number, items: T[]]> {
  const count = newestFirst.length
  for (let chunk = 1; (chunk - 1) * PAGE_SIZE < count; chunk++) {
    const items: T[] = []
    for (let seq = (chunk - 1) * PAGE_SIZE; seq < Math.min(count, chunk * PAGE_SIZE); seq++)
      items.push(newestFirst[count - 1 - seq]!)
    yield [chunk, items]
  }
}

/** Feed positions (ascending, newest first) of a list of `count` as sequence numbers, ascending. */
export function toSeqs(positions: readonly number[], count: number): number[] {
  const seqs = new Array<number>(positions.length)
  for (let i = 0; i < positions.length; i++)
    seqs[i] = count - 1 - positions[positions.length - 1 - i]!
  return seqs
}

/** What an earlier compile left that this one can reuse. */
export interface PreviousWrite {
  /** Per article id: what its document was made from (see `documentSource`). */
  documents: ReadonlyMap<string, string>
  /** The related lists as the previous compile left them (related-lists.ts). */
  related?: RelatedState
  /** The search index's state (search-state.ts). */
  search?: SearchState
}

export interface WriteResult {
  /** Per article id: what its document was made from, for the next compile. */
  documents: Map<string, string>
  related: RelatedState
  search: SearchState
}

/**
 * Writes every file of the compiled corpus to `files`. Lists, counts and indexes are computed
 * whole (they are cheap) and the sink skips the ones that did not change; an article document is
 * rebuilt only when what it is made of changed: its record, its tags' display names or its related
 * headlines (`previous.documents`), and kept otherwise.
 */
export function writeCompiled(
  model: CorpusModel,
  name: string,
  files: OutputSink,
  previous: PreviousWrite = { documents: new Map() },
): WriteResult {
  const write = (path: string, value: unknown) => files.write(path, JSON.stringify(value))

  const { articles, tags } = model
  const headlines = articles.map(toHeadline)
  const pageCount = Math.max(1, Math.ceil(articles.length / PAGE_SIZE))
  const byCount = tags
    .map((tag, id) => ({ id, name: tag.name, count: tag.positions.length }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))

  const dated = articles.filter((entry) => entry.published)
  const meta: CorpusMeta = {
    format: FORMAT_VERSION,
    name,
    articleCount: articles.length,
    skippedCount: model.skipped,
    pageSize: PAGE_SIZE,
    pageCount,
    tagCount: tags.length,
    topTags: byCount
      .slice(0, TOP_TAGS)
      .map(({ name: tagName, count }) => ({ name: tagName, count })),
    ...(dated.length
      ? {
          newest: dated[0]!.published!,
          oldest: dated[dated.length - 1]!.published!,
        }
      : {}),
  }
  write('corpus.json', { format: FORMAT_VERSION, name } satisfies CorpusInfo)
  write('meta.json', meta)
  write('dates.json', dateCounts(articles.map((entry) => entry.time)))
  write('tags.json', {
    tags: byCount.map(({ name: tagName, count }) => [tagName, count]),
  } satisfies TagIndex)

  write('feed/latest.json', {
    total: articles.length,
    items: headlines.slice(0, latestLength(articles.length)),
  } satisfies LatestHeadlines)
  for (const [chunk, items] of chunksOf(headlines))
    write(`feed/${chunk}.json`, { items } satisfies HeadlineChunk)

  const fileNames = new Map<string, string>()
  for (const tag of tags) {
    const file = tagFileName(tag.name)
    const clash = fileNames.get(file)
    if (clash)
      throw new Error(`tags "${clash}" and "${tag.name}" map to the same file name ${file}`)
    fileNames.set(file, tag.name)
    const count = tag.positions.length
    const info = { name: tag.name, count }
    const tagHeadlines = tag.positions.map((p) => headlines[p]!)
    write(`tags/${file}/latest.json`, {
      tag: info,
      total: count,
      items: tagHeadlines.slice(0, latestLength(count)),
    } satisfies TagLatest)
    for (const [chunk, items] of chunksOf(tagHeadlines))
      write(`tags/${file}/${chunk}.json`, { items } satisfies HeadlineChunk)
    write(`tags/${file}/ids.json`, {
      tag: info,
      seqs: deltaEncode(toSeqs(tag.positions, articles.length)),
    } satisfies TagPostings)
  }

  trace('lists written')
  const relatedLists = computeRelatedLists(
    articles.map((entry) => ({
      id: entry.id,
      time: entry.time,
      tags: entry.tagIds.map((tagId) => tags[tagId]!.key),
    })),
    previous.related,
    RELATED_LIMIT,
  )
  trace('related lists')
  const nameOf = new Map(tags.map((tag) => [tag.key, tag.name]))
  const documents = new Map<string, string>()
  articles.forEach((entry, position) => {
    const related = relatedLists.listOf(position).map((match): RelatedHeadline => {
      const other = articles[match.position]!
      return {
        id: other.id,
        title: other.title,
        ...(other.published ? { published: other.published } : {}),
        ...(other.minutes ? { minutes: other.minutes } : {}),
        shared: match.shared.map((key) => nameOf.get(key)!),
      }
    })
    const path = `articles/${entry.id}.json`
    const source = documentSource(entry, related)
    documents.set(entry.id, source)
    if (previous.documents.get(entry.id) === source) {
      files.keep(path)
      return
    }
    write(path, {
      article: entry.article,
      ...(entry.minutes ? { minutes: entry.minutes } : {}),
      related,
    } satisfies ArticleDocument)
  })

  trace('article documents')
  // The search index numbers documents from the oldest: the feed backwards. Its version of an
  // article is what fixes what the index reads (the record, the tags' display names, the minutes),
  // so the whole article is prepared again only for documents the index has not seen.
  const searchInputs = articles.map((entry): SearchInput => ({
    key: entry.id,
    version: contentHash(`${entry.hash}\n${JSON.stringify(entry.tags)}\n${entry.minutes ?? ''}`),
    get article(): IndexedArticle {
      return { ...entry.article, ...(entry.minutes ? { minutes: entry.minutes } : {}) }
    },
  }))
  const search = buildSearchIndex(searchInputs.reverse(), previous.search, files)

  trace('search index')
  return { documents, related: relatedLists.state, search: search.state }
}

/**
 * Everything an article document is made of, hashed: the record (which fixes the article and its
 * minutes), its tags' display names and its related headlines as shown.
 */
function documentSource(entry: ModelArticle, related: RelatedHeadline[]): string {
  return contentHash(`${entry.hash}\n${JSON.stringify(entry.tags)}\n${JSON.stringify(related)}`)
}
