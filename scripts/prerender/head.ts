/**
 * The <head> of a prerendered page: title, description, canonical URL, Open Graph and Twitter
 * card tags, JSON-LD and feed links, so a shared link unfurls and search engines read the page
 * without running it. Every corpus string is escaped for the context it lands in.
 */
import { absoluteUrl, sitePath, type Site } from './site.ts'
import { escapeXml, jsonForScript } from './xml.ts'

export interface FeedLink {
  title: string
  /** App path of the Atom feed, e.g. "/feed.xml". */
  path: string
}

export interface PageHead {
  /** The document title, as plain text. */
  title: string
  description: string
  /** App path of the page ("/article/x"); absent for pages with no address of their own (404). */
  path?: string
  type: 'website' | 'article'
  article?: {
    headline: string
    published?: string
    tags: string[]
    author?: string
    image?: { src: string; alt: string }
    /** The original the article is based on. */
    basedOn?: string
  }
  /** Pages that should not be indexed (404). */
  noindex?: boolean
  feeds: FeedLink[]
  /** Structured data beyond NewsArticle (e.g. the site's search box on the front page). */
  jsonLd?: Record<string, unknown>
}

const meta = (attribute: 'name' | 'property', key: string, content: string) =>
  `<meta ${attribute}="${key}" content="${escapeXml(content)}">`

/** The HTML between <head> and </head> that depends on the page (the template holds the rest). */
export function renderHead(head: PageHead, site: Site): string {
  const lines: string[] = [
    `<title>${escapeXml(head.title)}</title>`,
    meta('name', 'description', head.description),
  ]
  const url = head.path === undefined ? undefined : absoluteUrl(site, head.path)
  if (head.noindex) lines.push(meta('name', 'robots', 'noindex'))
  if (url) lines.push(`<link rel="canonical" href="${escapeXml(url)}">`)
  for (const feed of head.feeds) {
    lines.push(
      `<link rel="alternate" type="application/atom+xml" title="${escapeXml(feed.title)}" href="${escapeXml(sitePath(site, feed.path))}">`,
    )
  }

  const article = head.article
  lines.push(
    meta('property', 'og:site_name', site.name),
    meta('property', 'og:type', head.type),
    meta('property', 'og:title', article?.headline ?? head.title),
    meta('property', 'og:description', head.description),
  )
  if (url) lines.push(meta('property', 'og:url', url))
  if (article?.published) lines.push(meta('property', 'article:published_time', article.published))
  for (const tag of article?.tags ?? []) lines.push(meta('property', 'article:tag', tag))
  if (article?.image) {
    lines.push(
      meta('property', 'og:image', article.image.src),
      meta('property', 'og:image:alt', article.image.alt),
    )
  }
  // X reads title, description and image from Open Graph; only the card type is its own.
  lines.push(meta('name', 'twitter:card', article?.image ? 'summary_large_image' : 'summary'))

  const jsonLd = article && url ? newsArticle(head, article, url, site) : head.jsonLd
  if (jsonLd) lines.push(`<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`)
  return lines.join('\n    ')
}

function newsArticle(
  head: PageHead,
  article: NonNullable<PageHead['article']>,
  url: string,
  site: Site,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: head.description,
    url,
    mainEntityOfPage: url,
    ...(article.published ? { datePublished: article.published } : {}),
    ...(article.image ? { image: [article.image.src] } : {}),
    ...(article.author ? { author: [{ '@type': 'Person', name: article.author }] } : {}),
    ...(article.tags.length ? { keywords: article.tags } : {}),
    ...(article.basedOn ? { isBasedOn: article.basedOn } : {}),
    publisher: { '@type': 'Organization', name: site.name, url: absoluteUrl(site, '/') },
  }
}

/** The front page's structured data: the site and its search, for search engines' site links. */
export function websiteJsonLd(site: Site): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    url: absoluteUrl(site, '/'),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(site, '/')}?q={query}` },
      'query-input': 'required name=query',
    },
  }
}
