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
  type CorpusMeta,
  type DateCounts,
  type Headline,
  type HeadlineChunk,
  type LatestHeadlines,
  type TagIndex,
  type TagLatest,
  type TagPostings,
} from '../../src/lib/compiled-corpus.ts'
import { tagFileName } from '../../src/lib/tag-key.ts'
import type { CorpusModel, ModelArticle } from './build-model.ts'
import type { FileWriter } from './file-writer.ts'
import { createRelatedFinder } from './related.ts'
import { writeSearchIndex } from './search-index.ts'

const TOP_TAGS = 24

export function toHeadline({ article, minutes }: ModelArticle): Headline {
  const source = article.sources?.[0]
  return {
    id: article.id,
    title: article.title,
    ...(article.published ? { published: article.published } : {}),
    tags: article.tags.slice(0, HEADLINE_TAG_LIMIT),
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

export interface WriteSummary {
  files: number
  bytes: number
}

export function writeCompiled(model: CorpusModel, name: string, files: FileWriter): WriteSummary {
  const summary: WriteSummary = { files: 0, bytes: 0 }
  const write = (path: string, value: unknown) => {
    const json = JSON.stringify(value)
    files.write(path, json)
    summary.files++
    summary.bytes += Buffer.byteLength(json)
  }

  const { articles, tags } = model
  const headlines = articles.map(toHeadline)
  const pageCount = Math.max(1, Math.ceil(articles.length / PAGE_SIZE))
  const byCount = tags
    .map((tag, id) => ({ id, name: tag.name, count: tag.positions.length }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))

  const dated = articles.filter((entry) => entry.article.published)
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
          newest: dated[0]!.article.published!,
          oldest: dated[dated.length - 1]!.article.published!,
        }
      : {}),
  }
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

  const findRelated = createRelatedFinder({
    articleTags: articles.map((entry) => entry.tagIds),
    postings: tags.map((tag) => tag.positions),
  })
  articles.forEach((entry, position) => {
    const related = findRelated(position, RELATED_LIMIT).map((match) => {
      const { article, minutes } = articles[match.position]!
      return {
        id: article.id,
        title: article.title,
        ...(article.published ? { published: article.published } : {}),
        ...(minutes ? { minutes } : {}),
        shared: match.shared.map((tagId) => tags[tagId]!.name),
      }
    })
    write(`articles/${entry.article.id}.json`, {
      article: entry.article,
      ...(entry.minutes ? { minutes: entry.minutes } : {}),
      related,
    } satisfies ArticleDocument)
  })

  const tagOrder = new Map(byCount.map((tag, index) => [tags[tag.id]!.key, index]))
  writeSearchIndex(articles, tagOrder, write)

  return summary
}
