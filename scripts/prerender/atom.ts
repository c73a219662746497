/**
 * Atom 1.0 feeds (RFC 4287): the newest articles, and the newest of each tag, so a reader can
 * follow the news or one story from any feed reader. All URLs are absolute; all text is escaped.
 */
import { escapeXml } from './xml.ts'

export interface AtomEntry {
  /** Absolute URL of the article page; also the entry's permanent id. */
  url: string
  title: string
  /** RFC 3339; undated articles take the feed's own date. */
  published?: string
  summary?: string
  categories: string[]
  author?: string
}

export interface AtomFeed {
  title: string
  subtitle?: string
  /** Absolute URL of the feed file itself. */
  selfUrl: string
  /** Absolute URL of the page the feed follows (the front page, a tag view). */
  pageUrl: string
  /** RFC 3339: when the newest entry was published. */
  updated: string
  /** Who the feed is by when an entry names no author (Atom requires one). */
  author: string
  entries: AtomEntry[]
}

/** The epoch, for a feed whose every entry is undated: a fixed value keeps builds reproducible. */
export const NO_DATE = '1970-01-01T00:00:00Z'

export function atomFeed(feed: AtomFeed): string {
  const text = (tag: string, value: string) => `<${tag}>${escapeXml(value)}</${tag}>`
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${text('id', feed.selfUrl)}`,
    `  ${text('title', feed.title)}`,
    ...(feed.subtitle ? [`  ${text('subtitle', feed.subtitle)}`] : []),
    `  ${text('updated', feed.updated)}`,
    `  <author>${text('name', feed.author)}</author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    '  <generator>Dateline</generator>',
  ]
  for (const entry of feed.entries) {
    const date = entry.published ?? feed.updated
    lines.push(
      '  <entry>',
      `    ${text('id', entry.url)}`,
      `    ${text('title', entry.title)}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      ...(entry.published ? [`    ${text('published', entry.published)}`] : []),
      `    ${text('updated', date)}`,
      ...(entry.author ? [`    <author>${text('name', entry.author)}</author>`] : []),
      ...entry.categories.map((term) => `    <category term="${escapeXml(term)}"/>`),
      ...(entry.summary ? [`    <summary type="text">${escapeXml(entry.summary)}</summary>`] : []),
      '  </entry>',
    )
  }
  lines.push('</feed>', '')
  return lines.join('\n')
}
