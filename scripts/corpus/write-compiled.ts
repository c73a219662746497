/**
 * Writes the compiled corpus (layout in src/lib/compiled-corpus.ts) for a corpus model. Every file
 * the app needs for one view is small and bounded: a feed or tag page holds PAGE_SIZE headlines,
 * an article document one article and RELATED_LIMIT related headlines.
 */
import {
  FORMAT_VERSION,
  HEADLINE_TAG_LIMIT,
  PAGE_SIZE,
  RELATED_LIMIT,
  type ArticleDocument,
  type CorpusMeta,
  type DateIndex,
  type Headline,
  type HeadlinePage,
  type TagIndex,
  type TagPage,
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

/** Feed times (newest first, undated last) to the days they fall on: see DateIndex. */
export function dateIndex(times: readonly (number | undefined)[]): DateIndex {
  const days: [string, number][] = []
  let undated = times.length
  times.forEach((time, position) => {
    if (time === undefined) {
      undated = Math.min(undated, position)
      return
    }
    const day = new Date(time).toISOString().slice(0, 10)
    if (days.at(-1)?.[0] !== day) days.push([day, position])
  })
  return { days, undated }
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
  write('dates.json', dateIndex(articles.map((entry) => entry.time)))
  write('tags.json', {
    tags: byCount.map(({ name: tagName, count }) => [tagName, count]),
  } satisfies TagIndex)

  for (let page = 1; page <= pageCount; page++) {
    const items = headlines.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    write(`feed/${page}.json`, {
      page,
      pageCount,
      total: articles.length,
      items,
    } satisfies HeadlinePage)
  }

  const fileNames = new Map<string, string>()
  for (const tag of tags) {
    const file = tagFileName(tag.name)
    const clash = fileNames.get(file)
    if (clash)
      throw new Error(`tags "${clash}" and "${tag.name}" map to the same file name ${file}`)
    fileNames.set(file, tag.name)
    const count = tag.positions.length
    const info = { name: tag.name, count }
    const tagPages = Math.max(1, Math.ceil(count / PAGE_SIZE))
    for (let page = 1; page <= tagPages; page++) {
      const items = tag.positions
        .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
        .map((p) => headlines[p]!)
      write(`tags/${file}/${page}.json`, {
        tag: info,
        page,
        pageCount: tagPages,
        total: count,
        items,
      } satisfies TagPage)
    }
    write(`tags/${file}/ids.json`, {
      tag: info,
      positions: deltaEncode(tag.positions),
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
