import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'

import { createSitemapWriter, urlSet } from './sitemap.ts'

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' })

function build(count: number, limit: number) {
  const files = new Map<string, string>()
  const writer = createSitemapWriter(
    {
      write: (name, content) => files.set(name, content),
      urlOf: (name) => `https://news.example.org/reader/${name}`,
    },
    limit,
  )
  for (let i = 0; i < count; i++)
    writer.add({ loc: `https://news.example.org/reader/article/a${i}`, lastmod: '2026-05-03' })
  return { files, extra: writer.close() }
}

describe('sitemaps', () => {
  it('writes one sitemap.xml while the URLs fit in one file', () => {
    const { files, extra } = build(3, 5)
    expect(extra).toBe(0)
    expect([...files.keys()]).toEqual(['sitemap.xml'])
    const xml = files.get('sitemap.xml')!
    expect(XMLValidator.validate(xml)).toBe(true)
    const urls = parser.parse(xml).urlset.url as { loc: string; lastmod: string }[]
    expect(urls.map((url) => url.loc)).toEqual(
      [0, 1, 2].map((i) => `https://news.example.org/reader/article/a${i}`),
    )
    expect(urls[0]!.lastmod).toBe('2026-05-03')
  })

  it('splits at the limit and makes sitemap.xml the index of the parts', () => {
    const { files, extra } = build(12, 5)
    expect(extra).toBe(3)
    expect([...files.keys()].sort()).toEqual([
      'sitemap.xml',
      'sitemaps/1.xml',
      'sitemaps/2.xml',
      'sitemaps/3.xml',
    ])
    const index = parser.parse(files.get('sitemap.xml')!).sitemapindex.sitemap as { loc: string }[]
    expect(index.map((entry) => entry.loc)).toEqual(
      [1, 2, 3].map((n) => `https://news.example.org/reader/sitemaps/${n}.xml`),
    )
    const counts = [1, 2, 3].map(
      (n) => parser.parse(files.get(`sitemaps/${n}.xml`)!).urlset.url.length,
    )
    expect(counts).toEqual([5, 5, 2])
  })

  it('escapes URLs', () => {
    const xml = urlSet([{ loc: 'https://news.example.org/?tag=A&tag=B' }])
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<loc>https://news.example.org/?tag=A&amp;tag=B</loc>')
  })

  it('escapes hostile URLs and drops what XML cannot hold', () => {
    const xml = urlSet([
      { loc: 'https://news.example.org/article/__proto__?a=1&b="><script>]]>\u0000\uD800' },
      { loc: 'https://news.example.org/article/constructor', lastmod: '2026-05-03<' },
    ])
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain(
      '<loc>https://news.example.org/article/__proto__?a=1&amp;b=&quot;&gt;&lt;script&gt;]]&gt;</loc>',
    )
    expect(xml).toContain('<lastmod>2026-05-03&lt;</lastmod>')
    const urls = parser.parse(xml).urlset.url as { loc: string }[]
    expect(urls.map((url) => url.loc)).toEqual([
      'https://news.example.org/article/__proto__?a=1&b="><script>]]>',
      'https://news.example.org/article/constructor',
    ])
  })
})
