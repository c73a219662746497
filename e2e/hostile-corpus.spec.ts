import type { APIRequestContext, Page } from '@playwright/test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { expectNoHorizontalScroll, headlineLinks } from './helpers'
import { expect, test as base } from './test'

// Built with CORPUS=e2e/fixtures/hostile-corpus: one file of articles written to break things —
// markup and script in every text field and tag, javascript:/data:/vbscript: links, bidi overrides
// and zero-width characters (one tag differs from another only by them), control characters, a
// lone surrogate, prototype names as ids and tags, a 10,000-character word, "]]>" and "</script>"
// in text, a markdown link in a title, emoji and astral characters, right-to-left text. Where a
// payload would run, it sets window.__pwned or opens a dialog.

/** Every kept article, in feed order. "only-invisible-title" is skipped. */
const IDS = [
  'script-everywhere',
  'unsafe-links',
  'data-image',
  'rtl-override',
  'zero-width-twin',
  '__proto__',
  'constructor',
  'long-word',
  'markdown-title',
  'emoji-astral',
  'xml-breakers',
  'right-to-left',
  'invisible-tag',
]
const MARKUP_TITLE =
  '<script>window.__pwned=1</script> Markup in every field <img src=x onerror="window.__pwned=2;alert(2)">'
const LONG_WORD = 'Supercalifragilistic'.repeat(500)

/**
 * What the compiler strips (a zero-width joiner inside an emoji excepted): none of it may reach a
 * page, a feed or the sitemap.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u202A-\u202E\u2066-\u2069\u200B\u200C\u200E\u200F\u061C\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u
/** The corpus's markup as written: a page or feed may hold it only escaped. */
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2;alert(2)">',
  '<svg onload="window.__pwned=3">',
  '<iframe src="javascript:window.__pwned=4"></iframe>',
  '</script><script>window.__pwned=5</script>',
  '<b onmouseover="window.__pwned=6">',
  '<script>window.__pwned=7</script>',
  '"><img src=x onerror=window.__pwned=8>',
  '<a href="javascript:window.__pwned=9">',
  '<style>body{display:none}</style>',
  '<marquee onstart="window.__pwned=11">',
  '<!-- here -->',
  '<![CDATA[ one ]]>',
  'Ends ]]> and </script>',
]
/** A link or source attribute with a scheme that runs or embeds. */
const UNSAFE_ATTRIBUTE = /\b(?:href|src)=["']?\s*(?:javascript|data|vbscript):/i

function expectOnlyEscaped(text: string, where: string) {
  for (const payload of PAYLOADS) expect(text, where).not.toContain(payload)
  expect(text, where).not.toMatch(UNSAFE_ATTRIBUTE)
  expect(text, where).not.toMatch(INVISIBLE)
}

/** A 1×1 PNG: the corpus's safe image, answered here (the tests have no network). */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

/** Every test fails if a dialog opened or a payload ran, besides the console errors test.ts watches. */
const test = base.extend<{ dialogs: string[] }>({
  dialogs: [
    async ({ page }, use) => {
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`)
        void dialog.dismiss()
      })
      await page.route(/^https:\/\/example\.com\//, (route) =>
        route.fulfill({ contentType: 'image/png', body: PIXEL }),
      )
      await use(dialogs)
      expect(dialogs, 'dialogs opened by the corpus').toEqual([])
      await expectNothingRan(page)
    },
    { auto: true },
  ],
})

async function expectNothingRan(page: Page) {
  expect(
    await page.evaluate(() => (window as { __pwned?: unknown }).__pwned),
    'a corpus payload ran',
  ).toBeUndefined()
}

/** Opens a page cold and waits for the app to take it over (the search box's shortcut is live). */
async function open(page: Page, path: string) {
  await page.goto(path)
  await expect(page.locator('html')).toHaveAttribute('data-app', '')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

/** What a page shows and links to holds nothing the corpus could run, hide or disguise. */
async function expectSafePage(page: Page) {
  const main = page.locator('main')
  await expect(
    main.locator(
      'script, iframe, marquee, style, [onerror], [onload], [onstart], [onmouseover], img[src="x"]',
    ),
  ).toHaveCount(0)
  const links = await page
    .locator('a[href]')
    .evaluateAll((anchors) =>
      anchors.map((a) => ({ href: a.getAttribute('href')!, rel: a.getAttribute('rel') ?? '' })),
    )
  for (const { href, rel } of links) {
    expect(href, 'only in-app and http(s) links').toMatch(/^(?:\/|#|https?:\/\/)/)
    if (/^https?:/.test(href))
      expect(rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer', 'nofollow']))
  }
  expect(await page.locator('body').innerText()).not.toMatch(INVISIBLE)
  await expectNothingRan(page)
}

test('the feed shows every kept article, its markup as text', async ({ page }) => {
  await open(page, '/')
  await expect(page.getByText('13 articles, newest first')).toBeVisible()
  await expect(headlineLinks(page)).toHaveCount(13)
  await expect(headlineLinks(page).first()).toHaveText(MARKUP_TITLE)
  await expect(headlineLinks(page).nth(3)).toHaveText('txt.exe Invoice override in a headline')
  await expectSafePage(page)
})

test('each article opens with its text as text and only http(s) links', async ({ page }) => {
  test.slow() // fourteen cold loads
  for (const id of IDS) {
    await open(page, `/article/${id}`)
    await expectSafePage(page)
  }
  await open(page, '/article/script-everywhere')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MARKUP_TITLE)
  const article = page.getByRole('article')
  await expect(article.getByText('The body holds markup. </script><script>')).toBeVisible()
  await expect(article.getByText('It ends CDATA ]]> and opens <![CDATA[ one ]]>')).toBeVisible()
  await expect(
    article.getByText('By <b onmouseover="window.__pwned=6">An author</b>'),
  ).toBeVisible()
  await expect(
    article.getByRole('link', { name: '<script>window.__pwned=7</script>', exact: true }),
  ).toBeVisible()
})

test('unsafe links are dropped; the articles and their safe links stay', async ({ page }) => {
  await open(page, '/article/unsafe-links')
  const sources = page.getByRole('region', { name: 'Sources' })
  for (const name of ['Data wire', 'Script wire', 'VB wire', 'Relative wire']) {
    await expect(sources.getByText(name)).toBeVisible()
    await expect(sources.getByRole('link', { name })).toHaveCount(0)
  }
  await expect(sources.getByRole('link', { name: 'Safe wire' })).toHaveAttribute(
    'href',
    'https://example.com/safe',
  )
  await expect(page.getByRole('link', { name: 'Original article' })).toHaveCount(0)
  await expect(page.getByRole('article').locator('img')).toHaveCount(0)
  expect(await page.content()).not.toMatch(UNSAFE_ATTRIBUTE)

  await open(page, '/article/data-image')
  await expect(page.getByRole('article').locator('img')).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Original article' })).toHaveAttribute(
    'href',
    'https://example.com/original',
  )

  await open(page, '/article/script-everywhere')
  const image = page.getByRole('article').locator('img')
  await expect(image).toHaveAttribute('src', 'https://example.com/image.png')
  await expect(image).toHaveAttribute('alt', '"><img src=x onerror=window.__pwned=12>')
  await expect(
    page.getByRole('link', { name: '<a href="javascript:window.__pwned=9">Wire</a>' }),
  ).toHaveAttribute(
    'href',
    'https://example.com/wire?a=1&b=%22%3E%3Cscript%3Ewindow.__pwned=10%3C/script%3E',
  )
})

test('invisible characters are gone from what is shown and searched; a disguised tag is merged', async ({
  page,
}) => {
  await open(page, '/article/rtl-override')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'txt.exe Invoice override in a headline',
  )
  const tags = page.getByRole('article').getByRole('list', { name: 'Tags' }).getByRole('link')
  await expect(tags).toHaveText(['Syrian war crimes', 'RTL override tag'])
  await expect(
    page.getByText('A quokka hides behind a zero-width space; a soft hyphen too.'),
  ).toBeVisible()

  // "Syrian war crimes", "Syrian\u200B war crimes" and "\u202ASyrian war crimes": one tag.
  await open(page, '/tags')
  await page.getByRole('textbox', { name: 'Filter tags' }).fill('syrian')
  const rows = page.getByRole('list', { name: 'Tags' }).getByRole('listitem')
  await expect(rows).toHaveCount(1)
  await expect(rows).toHaveText(/^Syrian war crimes\s*2 articles$/)
  // An old link naming the disguised spelling finds the tag.
  await open(page, '/?tag=Syrian%E2%80%8B+war+crimes')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Syrian war crimes')
  await expect(headlineLinks(page)).toHaveText([
    /^txt\.exe Invoice override in a headline/, // (read): opened above
    'The same tag with a zero-width space',
  ])

  // Words split by a zero-width space or a soft hyphen are found whole.
  for (const word of ['quokka', 'hyphen']) {
    await open(page, `/?q=${word}`)
    await expect(
      page.getByRole('list', { name: 'Search results' }).getByRole('heading', { level: 2 }),
    ).toHaveText([/^txt\.exe Invoice override in a headline/])
  }
})

test('right-to-left text is isolated from the words around it', async ({ page }) => {
  await open(page, '/article/right-to-left')
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('dir', 'auto')
  const isolation = (text: string) =>
    page
      .getByText(text, { exact: true })
      .first()
      .evaluate((element) => getComputedStyle(element).unicodeBidi)
  expect(await isolation('وكالة الأنباء')).toBe('isolate')
  expect(await isolation('أخبار')).toBe('isolate')
  await open(page, '/')
  expect(await isolation('عنوان عربي عن الأخبار 2026')).toBe('isolate')
})

test('prototype names work as ids and tags', async ({ page }) => {
  await open(page, '/article/__proto__')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('An article called __proto__')
  for (const [tag, count] of [
    ['__proto__', 2],
    ['constructor', 2],
    ['toString', 1],
    ['hasOwnProperty', 1],
    ['valueOf', 1],
  ] as const) {
    await open(page, `/?tag=${tag}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tag)
    await expect(headlineLinks(page)).toHaveCount(count)
  }
  await open(page, '/article/constructor')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('An article called constructor')
  await expect(
    page.getByRole('complementary', { name: 'Related headlines' }).getByRole('link'),
  ).toHaveText(['An article called __proto__'])
})

test('a tag view, the tag index and a search over the corpus show markup as text', async ({
  page,
}) => {
  await open(page, '/')
  await page
    .getByRole('link', { name: '"><img src=x onerror=window.__pwned=8>', exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '"><img src=x onerror=window.__pwned=8>',
  )
  await expect(headlineLinks(page)).toHaveText([MARKUP_TITLE])
  await expectSafePage(page)

  await open(page, '/tags')
  const tagLinks = page.getByRole('list', { name: 'Tags' }).getByRole('link')
  await expect(tagLinks).toHaveCount(17)
  for (const tag of [
    '<script>window.__pwned=7</script>',
    'XML ]]> breaker',
    '__proto__',
    '🦠 Microbes',
  ])
    await expect(
      page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: tag, exact: true }),
    ).toBeVisible()
  await expectSafePage(page)

  await page.getByRole('searchbox', { name: 'Search news' }).fill('script markup')
  await page.keyboard.press('Enter')
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('heading', {
    level: 2,
  })
  await expect(results.first()).toHaveText(MARKUP_TITLE)
  await expect(results.first().locator('mark').first()).toBeVisible()
  await expectSafePage(page)

  await open(page, '/?q=constructor')
  await expect(results).toHaveText(['An article called constructor', 'An article called __proto__'])
  await open(page, '/?q=plankton')
  await expect(results).toHaveText(['👩‍🔬 Scientists find 𝔸𝕤𝕥𝕣𝕒𝕝 plankton 🦠 near 🇺🇦'])
})

test('a 10,000-character word wraps at 320 px in every view', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 })
  for (const path of [
    '/',
    '/article/long-word',
    '/article/script-everywhere',
    `/?tag=${LONG_WORD}`,
    `/?q=before&tag=${LONG_WORD}`,
    '/?tag=Long+words',
    '/tags',
    '/?q=before',
  ]) {
    await open(page, path)
    await expectNoHorizontalScroll(page)
  }
  // The article itself: its title, body, tag chip and source name are all on screen.
  await open(page, '/article/long-word')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Long ${LONG_WORD}`)
  await expect(page.getByText(`Before ${LONG_WORD} after.`)).toBeVisible()
  await expect(
    page
      .getByRole('article')
      .getByRole('list', { name: 'Tags' })
      .getByRole('link', { name: LONG_WORD }),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: 'Sources' }).getByRole('link')).toHaveText(
    LONG_WORD,
  )
  await expectNoHorizontalScroll(page)
})

async function text(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path)
  expect(response.status(), path).toBe(200)
  return response.text()
}

test('the built pages, JSON-LD, Atom feeds and sitemap hold the payloads only escaped', async ({
  request,
}) => {
  const feeds = new Set<string>(['/feed.xml'])
  for (const id of IDS) {
    const html = await text(request, `/article/${id}`)
    expectOnlyEscaped(html, id)
    // The JSON-LD block holds no "<": nothing in it can close it.
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)]
    expect(blocks, id).toHaveLength(1)
    expect(blocks[0]![1]).not.toMatch(/[<>]/)
    const data = JSON.parse(blocks[0]![1]!) as { headline: string; url: string }
    expect(data.url).toMatch(new RegExp(`/article/${id}$`))
    for (const [, href] of html.matchAll(
      /<link rel="alternate" type="application\/atom\+xml"[^>]* href="([^"]+)"/g,
    ))
      feeds.add(href!)
  }
  const page = await text(request, '/article/script-everywhere')
  expect(page).toContain(
    '<title>&lt;script&gt;window.__pwned=1&lt;/script&gt; Markup in every field &lt;img src=x onerror=&quot;window.__pwned=2;alert(2)&quot;&gt; — Dateline</title>',
  )
  expect(page).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned=5&lt;/script&gt;')
  expect(page).toContain('"headline":"\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e')
  for (const path of ['/', '/tags', '/?tag=__proto__']) {
    expectOnlyEscaped(await text(request, path), path)
  }

  // Atom: the site feed and every tag feed an article links to, markup escaped, valid XML.
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' })
  expect(feeds.size).toBeGreaterThan(10)
  for (const path of feeds) {
    const xml = await text(request, path)
    expect(XMLValidator.validate(xml), path).toBe(true)
    expect(xml, path).not.toMatch(
      /<(?!\/?(?:feed|id|title|subtitle|updated|author|name|link|generator|entry|published|category|summary)\b|\?xml)/,
    )
    expect(xml, path).not.toMatch(/]]>/)
    expectOnlyEscaped(xml, path)
  }
  const siteFeed = parser.parse(await text(request, '/feed.xml')) as {
    feed: { entry: { title: string; summary?: { '#text': string } }[] }
  }
  expect(siteFeed.feed.entry).toHaveLength(13)
  expect(siteFeed.feed.entry[0]!.title).toBe(MARKUP_TITLE)
  expect(siteFeed.feed.entry.map((entry) => entry.title)).toContain(
    'Ends ]]> and </script> in text & more',
  )

  // The sitemap: every article, prototype names included.
  const sitemap = await text(request, '/sitemap.xml')
  expect(XMLValidator.validate(sitemap)).toBe(true)
  const locs = (parser.parse(sitemap) as { urlset: { url: { loc: string }[] } }).urlset.url.map(
    (url) => new URL(url.loc).pathname,
  )
  for (const id of IDS) expect(locs).toContain(`/article/${id}`)
})
