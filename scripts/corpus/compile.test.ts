import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import type {
  ArticleDocument,
  CorpusMeta,
  HeadlineChunk,
  LatestHeadlines,
  TagLatest,
  TagPostings,
} from '../../src/lib/compiled-corpus.ts'
import type { SearchDoc } from '../../src/features/search/engine/index-format.ts'
import { tagFileName } from '../../src/lib/tag-key.ts'
import { compileCorpus, formatReport } from './compile.ts'
import { CorpusError } from './read-corpus.ts'

const FIXTURE = join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'broken-corpus')
const work = mkdtempSync(join(tmpdir(), 'dateline-compile-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function readJson<T>(dir: string, path: string): T {
  return JSON.parse(readFileSync(join(dir, path), 'utf8')) as T
}

describe('compiling a corpus with broken articles', () => {
  const out = join(work, 'fixture')
  const report = compileCorpus(FIXTURE, out)

  it('reports each broken article on its own line and keeps the rest', () => {
    expect(report.kept).toBe(7)
    expect(report.skipped).toBe(7)
    const text = formatReport(report)
    const lines = text.split('\n')
    expect(lines).toHaveLength(9)
    expect(lines.filter((line) => line.startsWith('skipped '))).toHaveLength(7)
    expect(text).toMatch(/01-good\.json: article \[6\] \(id "missing-title"\): title: is required/)
    expect(text).toMatch(
      /01-good\.json: article \[8\] \(id "impossible-date"\): published: "2026-02-30" is not a real date/,
    )
    expect(text).toMatch(/02-more\.json: article \[1\]: record: must be an object, got a string/)
    expect(text).toMatch(
      /02-more\.json: article \[2\] \(id "river-festival-opens"\): id: duplicate of .*01-good\.json article \[0\]/,
    )
    expect(lines.at(-1)).toMatch(/7 articles kept, 7 skipped, 1 warning;/)
  })

  it('keeps an article with an unsafe link, without the link, and says so', () => {
    expect(formatReport(report)).toContain(
      'warning e2e/fixtures/broken-corpus/01-good.json: article [3] (id "script-url"): url: link dropped: "javascript:alert(1)" has the scheme "javascript:"; only http: and https: links are kept',
    )
    const doc = readJson<ArticleDocument>(out, 'articles/script-url.json')
    expect(doc.article).toEqual({
      id: 'script-url',
      title: 'A link that would run script',
      tags: [],
    })
  })

  it('writes a manifest, feed chunks, tag chunks, postings and one document per article', () => {
    const meta = readJson<CorpusMeta>(out, 'meta.json')
    expect(meta).toMatchObject({
      articleCount: 7,
      skippedCount: 7,
      pageCount: 1,
      newest: '2026-05-09',
    })
    const newestFirst = [
      'festival-closes',
      'border-talks-resume',
      'river-festival-opens',
      'water-summit',
      'script-in-title',
      'script-url',
      'headline-only',
    ]
    const latest = readJson<LatestHeadlines>(out, 'feed/latest.json')
    expect(latest.total).toBe(7)
    expect(latest.items.map((h) => h.id)).toEqual(newestFirst)
    // Chunks run from the oldest, so that newer articles only ever add to the last one.
    const chunk = readJson<HeadlineChunk>(out, 'feed/1.json')
    expect(chunk.items.map((h) => h.id)).toEqual([...newestFirst].reverse())
    const tagLatest = readJson<TagLatest>(out, `tags/${tagFileName('tajikistan')}/latest.json`)
    expect(tagLatest.tag).toEqual({ name: 'Tajikistan', count: 5 })
    expect(tagLatest.items.map((h) => h.id)).toEqual([
      'festival-closes',
      'border-talks-resume',
      'river-festival-opens',
      'script-in-title',
      'headline-only',
    ])
    const tagChunk = readJson<HeadlineChunk>(out, `tags/${tagFileName('tajikistan')}/1.json`)
    expect(tagChunk.items.map((h) => h.id)).toEqual([
      'headline-only',
      'script-in-title',
      'river-festival-opens',
      'border-talks-resume',
      'festival-closes',
    ])
    // Feed positions 1 and 3 of 7 are sequence numbers 5 and 3, from the oldest: [3, +2].
    const postings = readJson<TagPostings>(out, `tags/${tagFileName('Border management')}/ids.json`)
    expect(postings.seqs).toEqual([3, 2])
    expect(readdirSync(join(out, 'articles')).sort()).toHaveLength(7)
  })

  it('stores related headlines, best first, with the tags they share', () => {
    const doc = readJson<ArticleDocument>(out, 'articles/border-talks-resume.json')
    // Two shared tags first; then the articles sharing only Tajikistan, nearest in time first
    // (a day, three days, six days away), the undated last.
    expect(doc.related.map((r) => r.id)).toEqual([
      'water-summit',
      'river-festival-opens',
      'script-in-title',
      'festival-closes',
      'headline-only',
    ])
    expect(doc.related[0]!.shared).toEqual(['Kyrgyzstan', 'Border management'])
    // Nothing about the rest of the corpus (a feed position) that a new article would change.
    expect(Object.keys(doc).sort()).toEqual(['article', 'minutes', 'related'])
  })

  it('writes the reading time into the article, every list entry and search document', () => {
    const minutesOf = (items: { id: string; minutes?: number }[]) =>
      Object.fromEntries(items.map((item) => [item.id, item.minutes]))
    const feed = minutesOf(readJson<HeadlineChunk>(out, 'feed/1.json').items)
    expect(feed['border-talks-resume']).toBe(1)
    // No text, no reading time.
    expect(feed['headline-only']).toBeUndefined()
    const tag = readJson<HeadlineChunk>(out, `tags/${tagFileName('tajikistan')}/1.json`)
    for (const item of tag.items) expect(item.minutes).toBe(feed[item.id])
    const doc = readJson<ArticleDocument>(out, 'articles/border-talks-resume.json')
    expect(doc.minutes).toBe(1)
    expect(minutesOf(doc.related)).toMatchObject({
      'river-festival-opens': 1,
      'headline-only': undefined,
    })
    expect(readJson<ArticleDocument>(out, 'articles/headline-only.json')).not.toHaveProperty(
      'minutes',
    )
    // Search documents are numbered from the oldest: feed positions 1 and 6 of 7 are 5 and 0.
    expect(readJson<SearchDoc>(out, 'search/docs/5.json')).toMatchObject({
      id: 'border-talks-resume',
      minutes: 1,
    })
    expect(readJson<SearchDoc>(out, 'search/docs/0.json')).toMatchObject({ id: 'headline-only' })
    expect(readJson<SearchDoc>(out, 'search/docs/0.json')).not.toHaveProperty('minutes')
  })

  it('keeps markup in corpus text as plain text for the client to escape', () => {
    const doc = readJson<ArticleDocument>(out, 'articles/script-in-title.json')
    expect(doc.article.title).toContain('<img src=x')
  })
})

describe('the report of a corpus with invisible characters and markdown titles', () => {
  it('says what was removed per article and in all, and warns about markdown links', () => {
    const file = join(work, 'invisible.json')
    writeFileSync(
      file,
      JSON.stringify([
        { id: 'a', title: '\u202EHeadline', tags: ['Gaza\u200B war'], body: 'Te\u00ADxt' },
        { id: 'b', title: 'See [this](https://example.com)', tags: ['Gaza war'] },
      ]),
    )
    const lines = formatReport(compileCorpus(file, join(work, 'invisible-out'))).split('\n')
    expect(lines).toEqual([
      expect.stringMatching(
        /^warning .*invisible\.json: article \[1\] \(id "b"\): title: holds markdown link syntax "\[this\]\(https:\/\/example\.com\)"; shown as written, not as a link$/,
      ),
      expect.stringMatching(
        /^cleaned .*invisible\.json: article \[0\] \(id "a"\): title: 1 bidi control; tags\[0\]: 1 zero-width character; body: 1 zero-width character$/,
      ),
      'removed 3 invisible characters from 1 article (1 bidi control, 2 zero-width characters): text is indexed, merged and shown without them',
      expect.stringMatching(/^corpus "invisible": 2 articles kept, 0 skipped, 1 warning; 1 tags;/),
    ])
  })
})

describe('corpora that cannot be used at all stop the compile', () => {
  function attempt(name: string, content: string): string {
    const file = join(work, name)
    writeFileSync(file, content)
    try {
      compileCorpus(file, join(work, `${name}-out`))
    } catch (error) {
      expect(error).toBeInstanceOf(CorpusError)
      return (error as Error).message
    }
    throw new Error('expected the compile to fail')
  }

  it('names the file, line and column of invalid JSON', () => {
    expect(
      attempt('broken.json', '[\n  {"id": "a", "title": "A"},\n  {"id": "b" "title": "B"}\n]'),
    ).toMatch(/broken\.json:3:14: not valid JSON/)
    expect(attempt('truncated.json', '[{"id": "a"')).toMatch(/truncated\.json:1:12: not valid JSON/)
  })

  it('refuses a file without articles', () => {
    expect(attempt('empty.json', '[]')).toMatch(/empty\.json: the corpus has no articles/)
    expect(attempt('shape.json', '{"items": []}')).toMatch(
      /shape\.json: expected an array of articles or an object with an "articles" array/,
    )
    expect(attempt('all-bad.json', '[{"id": "x"}]')).toMatch(/none of its 1 articles is usable/)
  })

  it('says when the path does not exist', () => {
    expect(() => compileCorpus(join(work, 'missing'), join(work, 'o'))).toThrow(/corpus not found/)
  })
})
