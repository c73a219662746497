// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'

import { ALL_HOSTILE, xmlCharacters } from '../../src/testing/hostile-strings.ts'
import { renderHead, websiteJsonLd, type PageHead } from './head.ts'
import type { Site } from './site.ts'

const site: Site = { origin: 'https://news.example.org', base: '/reader/', name: 'Dateline' }

const article: PageHead = {
  title: 'Talks "resume" <b>now</b> & later — Dateline',
  description: 'Both sides met on Tuesday & agreed to meet again.',
  path: '/article/talks-resume',
  type: 'article',
  article: {
    headline: 'Talks "resume" <b>now</b> & later',
    published: '2026-05-03T04:30:00Z',
    tags: ['Tajikistan', 'Border <management>'],
    author: 'A. Reporter',
    image: { src: 'https://img.example.org/a.jpg?x=1&y=2', alt: 'Delegates "meet"' },
    basedOn: 'https://en.wikinews.org/wiki/Talks',
  },
  feeds: [{ title: 'Dateline: latest news', path: '/feed.xml' }],
}

/** The head as a document, parsed the way a link-preview crawler reads it. */
function parse(html: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${html}</head></html>`,
    'text/html',
  )
}
const metaContent = (doc: Document, key: string) =>
  [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) =>
    m.getAttribute('content'),
  )

describe('renderHead', () => {
  it('gives an article its title, description, canonical URL and Open Graph article tags', () => {
    const doc = parse(renderHead(article, site))
    expect(doc.title).toBe('Talks "resume" <b>now</b> & later — Dateline')
    expect(metaContent(doc, 'description')).toEqual([article.description])
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://news.example.org/reader/article/talks-resume',
    )
    expect(metaContent(doc, 'og:type')).toEqual(['article'])
    expect(metaContent(doc, 'og:title')).toEqual(['Talks "resume" <b>now</b> & later'])
    expect(metaContent(doc, 'og:url')).toEqual([
      'https://news.example.org/reader/article/talks-resume',
    ])
    expect(metaContent(doc, 'article:published_time')).toEqual(['2026-05-03T04:30:00Z'])
    expect(metaContent(doc, 'article:tag')).toEqual(['Tajikistan', 'Border <management>'])
    expect(metaContent(doc, 'og:image')).toEqual(['https://img.example.org/a.jpg?x=1&y=2'])
    expect(metaContent(doc, 'twitter:card')).toEqual(['summary_large_image'])
    // Markup in corpus text is text: no element came out of it.
    expect(doc.querySelector('b')).toBeNull()
  })

  it('links feeds under the base path', () => {
    const doc = parse(renderHead(article, site))
    const feed = doc.querySelector('link[rel="alternate"][type="application/atom+xml"]')
    expect(feed?.getAttribute('href')).toBe('/reader/feed.xml')
    expect(feed?.getAttribute('title')).toBe('Dateline: latest news')
  })

  it('describes the article as JSON-LD NewsArticle that no text can break out of', () => {
    const hostile = {
      ...article,
      article: { ...article.article!, headline: 'Ends here </script><script>alert(1)</script>' },
    }
    const html = renderHead(hostile, site)
    const doc = parse(html)
    const scripts = doc.querySelectorAll('script')
    expect(scripts).toHaveLength(1)
    expect(scripts[0]!.getAttribute('type')).toBe('application/ld+json')
    const data = JSON.parse(scripts[0]!.textContent!) as Record<string, unknown>
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Ends here </script><script>alert(1)</script>',
      datePublished: '2026-05-03T04:30:00Z',
      url: 'https://news.example.org/reader/article/talks-resume',
      image: ['https://img.example.org/a.jpg?x=1&y=2'],
      keywords: ['Tajikistan', 'Border <management>'],
      author: [{ '@type': 'Person', name: 'A. Reporter' }],
      publisher: { '@type': 'Organization', name: 'Dateline' },
    })
  })

  it('escapes hostile text for each place it lands: title, attributes and JSON-LD', () => {
    const hostile = `</title>${ALL_HOSTILE}`
    const head: PageHead = {
      ...article,
      title: hostile,
      description: hostile,
      article: {
        headline: hostile,
        published: '2026-05-03T04:30:00Z',
        tags: [hostile],
        author: hostile,
        image: { src: 'https://img.example.org/a.jpg?q="><script>', alt: hostile },
        basedOn: 'https://example.org/?a=1&b=</script>',
      },
      feeds: [{ title: hostile, path: '/feed.xml' }],
    }
    const html = renderHead(head, site)
    // Only the markup renderHead writes itself: one JSON-LD block, no element from the text.
    expect(html.match(/<script/g)).toEqual(['<script'])
    expect(html.match(/<\/script>/g)).toEqual(['</script>'])
    expect(html).not.toMatch(/<img|<\/title>.*<\/title>/s)
    expect(html).toContain(
      '<title>&lt;/title&gt;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &apos; onmouseover=&apos;alert(1) ]]&gt; Tom &amp; Jerry &amp;amp; &amp;#60; &lt;!-- --&gt; line\u2028paragraph\u2029end high low pair😀 nulbelbsvtffescnon</title>',
    )
    // eslint-disable-next-line no-control-regex
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDFFF]/u)
    const [jsonLd] = /(?<=<script type="application\/ld\+json">)[^]*?(?=<\/script>)/.exec(html)!
    expect(jsonLd).not.toMatch(/[<>&\u2028\u2029]/)

    const doc = parse(html)
    const text = xmlCharacters(hostile)
    expect(doc.title).toBe(text)
    for (const key of ['description', 'og:title', 'og:description', 'article:tag', 'og:image:alt'])
      expect(metaContent(doc, key)).toEqual([text])
    expect(doc.querySelector('link[rel="alternate"]')?.getAttribute('title')).toBe(text)
    expect(metaContent(doc, 'og:image')).toEqual(['https://img.example.org/a.jpg?q="><script>'])
    const data = JSON.parse(jsonLd!) as Record<string, unknown>
    expect(data).toMatchObject({
      headline: hostile,
      description: hostile,
      keywords: [hostile],
      author: [{ name: hostile }],
      isBasedOn: 'https://example.org/?a=1&b=</script>',
    })
  })

  it('keeps a page without an address of its own out of search engines', () => {
    const doc = parse(
      renderHead(
        {
          title: 'Page not found — Dateline',
          description: 'Nothing here.',
          type: 'website',
          noindex: true,
          feeds: [],
        },
        site,
      ),
    )
    expect(metaContent(doc, 'robots')).toEqual(['noindex'])
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull()
    expect(metaContent(doc, 'og:url')).toEqual([])
    expect(metaContent(doc, 'twitter:card')).toEqual(['summary'])
  })

  it('offers the site search to search engines from the front page', () => {
    expect(websiteJsonLd(site)).toMatchObject({
      '@type': 'WebSite',
      url: 'https://news.example.org/reader/',
      potentialAction: { target: { urlTemplate: 'https://news.example.org/reader/?q={query}' } },
    })
  })
})
