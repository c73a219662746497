import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'

import { ALL_HOSTILE, xmlCharacters } from '../../src/testing/hostile-strings.ts'
import { atomFeed, NO_DATE, type AtomFeed } from './atom.ts'

const feed: AtomFeed = {
  title: 'Dateline: Border <management> & "trade"',
  selfUrl: 'https://news.example.org/feeds/tag/border-management-1x.xml',
  pageUrl: 'https://news.example.org/?tag=Border+management',
  updated: '2026-05-03T04:30:00Z',
  author: 'Wikinews & friends',
  entries: [
    {
      url: 'https://news.example.org/article/talks-resume',
      title: '<script>alert(1)</script> Talks resume',
      published: '2026-05-03T04:30:00Z',
      summary: 'Both sides met & agreed.\u0007 A bell character is not XML.',
      categories: ['Tajikistan', 'A "quoted" tag'],
      author: 'A. Reporter',
    },
    { url: 'https://news.example.org/article/undated', title: 'Undated', categories: [] },
  ],
}

const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['entry', 'category', 'link'].includes(name),
  }).parse(xml) as {
    feed: {
      '@xmlns': string
      id: string
      title: string
      updated: string
      author: { name: string }
      link: { '@rel': string; '@href': string }[]
      entry: {
        id: string
        title: string
        link: { '@href': string }[]
        published?: string
        updated: string
        summary?: { '#text': string }
        category?: { '@term': string }[]
      }[]
    }
  }

describe('atomFeed', () => {
  it('is well-formed Atom with escaped text', () => {
    const xml = atomFeed(feed)
    expect(XMLValidator.validate(xml)).toBe(true)
    const { feed: parsed } = parse(xml)
    expect(parsed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(parsed.title).toBe('Dateline: Border <management> & "trade"')
    expect(parsed.author.name).toBe('Wikinews & friends')
    expect(parsed.entry[0]!.title).toBe('<script>alert(1)</script> Talks resume')
    expect(parsed.entry[0]!.summary!['#text']).toBe(
      'Both sides met & agreed. A bell character is not XML.',
    )
    expect(parsed.entry[0]!.category!.map((c) => c['@term'])).toEqual([
      'Tajikistan',
      'A "quoted" tag',
    ])
  })

  it('uses absolute URLs for the feed, its page and every entry', () => {
    const { feed: parsed } = parse(atomFeed(feed))
    const urls = [
      parsed.id,
      ...parsed.link.map((link) => link['@href']),
      ...parsed.entry.flatMap((entry) => [entry.id, ...entry.link.map((link) => link['@href'])]),
    ]
    expect(urls).toHaveLength(7)
    for (const url of urls) expect(new URL(url).origin).toBe('https://news.example.org')
    expect(parsed.link.find((link) => link['@rel'] === 'self')?.['@href']).toBe(feed.selfUrl)
  })

  it('dates an undated entry with the feed, so every entry has its required <updated>', () => {
    const { feed: parsed } = parse(atomFeed(feed))
    expect(parsed.entry[1]!.published).toBeUndefined()
    expect(parsed.entry[1]!.updated).toBe('2026-05-03T04:30:00Z')
    expect(parse(atomFeed({ ...feed, updated: NO_DATE, entries: [] })).feed.updated).toBe(NO_DATE)
  })

  it('holds hostile text only escaped, and stays valid XML', () => {
    const xml = atomFeed({
      ...feed,
      title: ALL_HOSTILE,
      author: ALL_HOSTILE,
      entries: [
        {
          url: 'https://news.example.org/article/__proto__',
          title: ALL_HOSTILE,
          summary: ALL_HOSTILE,
          categories: [ALL_HOSTILE, 'constructor'],
          author: ALL_HOSTILE,
        },
      ],
    })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).not.toMatch(/<script|<img|<!--|\]\]>/)
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u)
    expect(xml).toContain(
      '<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &apos; onmouseover=&apos;alert(1) ]]&gt; Tom &amp; Jerry &amp;amp; &amp;#60; &lt;!-- --&gt; line\u2028paragraph\u2029end high low pair😀 nulbelbsvtffescnon</title>',
    )
    const { feed: parsed } = parse(xml)
    const text = xmlCharacters(ALL_HOSTILE)
    expect(parsed.title).toBe(text)
    expect(parsed.author.name).toBe(text)
    expect(parsed.entry[0]!.title).toBe(text)
    expect(parsed.entry[0]!.summary!['#text']).toBe(text)
    expect(parsed.entry[0]!.category!.map((c) => c['@term'])).toEqual([text, 'constructor'])
  })
})
