// @vitest-environment happy-dom
import { renderToString } from 'react-dom/server'
import { MemoryRouter } from 'react-router-dom'
import { describe, expect, it } from 'vitest'

import type { Article } from '@/lib/compiled-corpus'
import { HOSTILE } from '@/testing/hostile-strings'

import { ArticleBody } from './article-body'

const markup = `${HOSTILE.closeScript} ${HOSTILE.breakAttribute} ${HOSTILE.closeCdata} ${HOSTILE.ampersand}`

const hostile: Article = {
  id: 'hostile',
  title: `Title ${markup}`,
  tags: [`Tag ${HOSTILE.breakAttribute}`, '__proto__'],
  summary: `Summary ${markup}`,
  body: `Body ${markup}\n\nSecond ${HOSTILE.comment}`,
  author: `Author ${HOSTILE.breakAttribute}`,
  sources: [
    { name: `Source ${HOSTILE.closeScript}`, url: 'https://example.com/?a=1&b="><script>' },
    // The compiler drops such links; the app does not rely on it.
    { name: 'Data source', url: 'data:text/html,<script>alert(1)</script>' },
  ],
  url: 'javascript:alert(1)',
  license: `Licence ${HOSTILE.closeScript}`,
  credit: `Credit ${HOSTILE.breakAttribute}`,
  image: { src: 'https://example.com/i.jpg?"><script>', alt: `Alt ${HOSTILE.breakAttribute}` },
}

/** The article as the prerender writes it into a page, then read back by a browser's parser. */
function prerender(article: Article) {
  const html = renderToString(
    <MemoryRouter>
      <ArticleBody article={article} />
    </MemoryRouter>,
  )
  return { html, doc: new DOMParser().parseFromString(html, 'text/html') }
}

describe('ArticleBody prerendered with hostile text', () => {
  it('writes every corpus string as escaped text', () => {
    const { html, doc } = prerender(hostile)
    expect(html).toContain(
      'Title &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; ]]&gt; Tom &amp; Jerry &amp;amp; &amp;#60;',
    )
    // React's own text separators (<!-- -->) are the only comments.
    expect(html).not.toMatch(/<script|<img src=x|<!--(?! -->)/)
    expect(doc.querySelectorAll('script, [onerror], [onmouseover]')).toHaveLength(0)
    expect(doc.querySelector('h1')?.textContent).toBe(`Title ${markup}`)
    expect(doc.body.textContent).toContain(`Second ${HOSTILE.comment}`)
    expect(doc.body.textContent).toContain(`By Author ${HOSTILE.breakAttribute}`)
  })

  it('keeps the only image the article has, with its attributes escaped', () => {
    const { doc } = prerender(hostile)
    const images = doc.querySelectorAll('img')
    expect(images).toHaveLength(1)
    expect(images[0]!.getAttribute('src')).toBe('https://example.com/i.jpg?%22%3E%3Cscript%3E')
    expect(images[0]!.getAttribute('alt')).toBe(`Alt ${HOSTILE.breakAttribute}`)
  })

  it('links only http(s) URLs; a source without one keeps its name', () => {
    const { doc } = prerender(hostile)
    const hrefs = [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!)
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|\/)/)
    expect(hrefs).toContain('https://example.com/?a=1&b=%22%3E%3Cscript%3E')
    expect(doc.body.textContent).toContain('Data source')
    expect(doc.body.textContent).not.toContain('Original article')
  })

  it('marks every outbound link noopener, noreferrer and nofollow', () => {
    const { doc } = prerender({
      ...hostile,
      url: 'https://example.com/original',
      sources: [{ name: 'Wire', url: 'https://example.com/wire' }],
    })
    const outbound = [...doc.querySelectorAll('a[href^="http"]')]
    expect(outbound.map((a) => a.textContent)).toEqual(['Wire', 'Original article'])
    for (const a of outbound)
      expect(a.getAttribute('rel')!.split(' ')).toEqual(
        expect.arrayContaining(['noopener', 'noreferrer', 'nofollow']),
      )
  })

  it('isolates corpus text in its own direction', () => {
    const { doc } = prerender({
      ...hostile,
      title: 'عنوان الخبر',
      author: 'كاتب',
      sources: [{ name: 'وكالة', url: 'https://example.com/wire' }],
    })
    expect(doc.querySelector('h1')?.getAttribute('dir')).toBe('auto')
    for (const text of ['كاتب', 'وكالة']) {
      const element = [...doc.querySelectorAll('bdi')].find((bdi) => bdi.textContent === text)
      expect(element, text).toBeDefined()
    }
    for (const p of doc.querySelectorAll('.font-serif > p'))
      expect(p.getAttribute('dir')).toBe('auto')
  })
})
