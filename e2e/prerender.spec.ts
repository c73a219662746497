import type { Page } from '@playwright/test'

import { headlineLinks, SEED_ID, SITE_URL } from './helpers'
import { expect, test } from './test'

const WIKINEWS_ID = 'wikinews-magnitogorsk-apartment-building-collapses-after-explosion-dozens-dead'

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the front page lists the newest headlines and pages on; page <n> holds chunk n', async ({
    page,
    request,
  }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news')
    // The newest chunk and the one before it: 26 to 50 headlines.
    const count = await headlineLinks(page).count()
    expect(count).toBeGreaterThan(25)
    expect(count).toBeLessThanOrEqual(50)
    const first = page.getByRole('list', { name: 'Headlines' }).getByRole('listitem').first()
    await expect(first.locator('time')).toHaveAttribute('datetime', '2026-08-22')
    const front = await headlineLinks(page).allTextContents()

    await page
      .getByRole('navigation', { name: 'Pages, top' })
      .getByRole('link', { name: /Older/ })
      .click()
    await expect(page).toHaveURL(/\/page\/\d+$/)
    const n = Number(new URL(page.url()).pathname.split('/').pop())
    await expect(headlineLinks(page)).toHaveCount(25)
    expect((await headlineLinks(page).allTextContents()).filter((t) => front.includes(t))).toEqual(
      [],
    )
    await expect(page).toHaveTitle(`Latest news, page ${n} — Dateline`)
    // Nothing on it counts the corpus: it stays as it is as news arrives.
    await expect(page.getByText(/\d+ articles|page \d+ of/)).toHaveCount(0)
    await expect(page.getByRole('complementary', { name: 'Popular tags' })).toHaveCount(0)

    // The file is chunk n of the compiled feed, newest first.
    const html = await (await request.get(`/page/${n}`)).text()
    const chunkUrl = new RegExp(`/data/[^/"]+/feed/${n}\\.json`).exec(html)![0]
    const chunk = (await (await request.get(chunkUrl)).json()) as { items: { id: string }[] }
    const hrefs = await headlineLinks(page).evaluateAll((links) =>
      links.map((link) => decodeURIComponent(link.getAttribute('href')!.split('?')[0]!)),
    )
    expect(hrefs).toEqual(chunk.items.map((item) => `/article/${item.id}`).reverse())
  })

  test('an article shows its title, body and related headlines', async ({ page }) => {
    await page.goto(`/article/${WIKINEWS_ID}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Magnitogorsk apartment building collapses after explosion, dozens dead',
    )
    expect(await page.locator('article p').count()).toBeGreaterThan(3)
    await page.goto(`/article/${SEED_ID}`)
    const related = page.getByRole('complementary', { name: 'Related headlines' }).getByRole('link')
    await expect(related).toHaveCount(12)
    await related.first().click()
    await expect(page).toHaveURL(/\/article\//)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      (await page.title()).replace(/ — Dateline$/, ''),
    )
  })

  test('the tag index lists every tag as a link', async ({ page }) => {
    await page.goto('/tags')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All tags')
    const links = page.getByRole('list', { name: 'Tags' }).getByRole('link')
    expect(await links.count()).toBeGreaterThan(3000)
    await expect(links.filter({ hasText: /^Tajikistan$/ })).toHaveAttribute(
      'href',
      '/?tag=Tajikistan',
    )
  })

  test('link previews: title, description, canonical URL, Open Graph and JSON-LD', async ({
    page,
  }) => {
    await page.goto(`/article/${WIKINEWS_ID}`)
    const meta = (key: string) =>
      page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute('content')
    expect(await meta('og:title')).toBe(
      'Magnitogorsk apartment building collapses after explosion, dozens dead',
    )
    expect(await meta('og:type')).toBe('article')
    expect(await meta('description')).toMatch(/Magnitogorsk/)
    expect(await meta('article:published_time')).toBe('2019-01-04T00:00:00Z')
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      `${SITE_URL}/article/${WIKINEWS_ID}`,
    )
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    ) as Record<string, unknown>
    expect(jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      url: `${SITE_URL}/article/${WIKINEWS_ID}`,
    })
  })
})

/** Counts nodes removed from the page, from before the first byte of HTML is parsed. */
async function watchRemovals(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { removed: number }
    w.removed = 0
    new MutationObserver((records) => {
      for (const record of records) w.removed += record.removedNodes.length
    }).observe(document, { childList: true, subtree: true })
  })
}

const hydrated = (page: Page) =>
  page.waitForFunction(() =>
    Object.keys(document.getElementById('root')!).some((key) => key.startsWith('__reactContainer')),
  )

test('a prerendered page is taken over in place, then navigates inside the app', async ({
  page,
}) => {
  await watchRemovals(page)
  await page.goto(`/article/${SEED_ID}`)
  await hydrated(page)
  // Hydration adopts the prerendered DOM: nothing was torn down and drawn again.
  expect(await page.evaluate(() => (window as unknown as { removed: number }).removed)).toBe(0)
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1))
  const related = page.getByRole('complementary', { name: 'Related headlines' }).getByRole('link')
  const title = await related.first().textContent()
  await related.first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!)
  // The same document: the app navigated, the browser did not load a page.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1)
})

test('what a reader types before the app has started is searched for', async ({ page }) => {
  await page.route('**/assets/*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await route.continue()
  })
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search news' }).fill('earthquake')
  // Typed into the prerendered page: the app is not running yet.
  expect(
    await page.evaluate(() =>
      Object.keys(document.getElementById('root')!).some((key) => key.startsWith('__react')),
    ),
  ).toBe(false)
  // Every script of the app (the search worker too) arrives 1.5 s late here.
  await expect(page).toHaveURL('/?q=earthquake', { timeout: 15_000 })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search')
  await expect(
    page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first(),
  ).toBeVisible()
  await expect(page.getByRole('searchbox', { name: 'Search news' })).toHaveValue('earthquake')
})

test('a cold tag view never shows an article outside the tag, and nothing shifts', async ({
  page,
}) => {
  // A slow script makes the moment before the app draws the tag view long enough to look at.
  await page.route('**/assets/*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600))
    await route.continue()
  })
  await page.addInitScript(() => {
    const w = window as unknown as { seen: Set<string>; shift: number; pendingAtStart?: boolean }
    w.seen = new Set()
    w.shift = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number
        hadRecentInput: boolean
      }[])
        if (!entry.hadRecentInput) w.shift += entry.value
    }).observe({ type: 'layout-shift', buffered: true })
    const look = () => {
      w.pendingAtStart ??= document.body
        ? document.documentElement.classList.contains('dl-pending')
        : undefined
      for (const link of document.querySelectorAll<HTMLElement>('[aria-label="Headlines"] h2 a'))
        if (link.checkVisibility()) w.seen.add(link.textContent ?? '')
      requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  })
  await page.goto('/?tag=Tajikistan')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tajikistan')
  await expect(headlineLinks(page)).toHaveCount(24)
  const shown = new Set(await headlineLinks(page).allTextContents())
  const state = await page.evaluate(() => {
    const w = window as unknown as { seen: Set<string>; shift: number; pendingAtStart?: boolean }
    return { seen: [...w.seen], shift: w.shift, pendingAtStart: w.pendingAtStart }
  })
  expect(state.pendingAtStart).toBe(true)
  expect(state.seen.filter((title) => !shown.has(title))).toEqual([])
  expect(state.shift).toBeLessThan(0.02)
})

test('the old address of a feed page moves to its own path', async ({ page }) => {
  await page.goto('/?page=3')
  await expect(page).toHaveURL('/page/3')
  await expect(page).toHaveTitle('Latest news, page 3 — Dateline')
  await expect(page.getByRole('complementary', { name: 'Page 3' })).toBeVisible()
})

test('a tag view can be followed in a feed reader', async ({ page, request }) => {
  await page.goto('/?tag=Tajikistan')
  const link = page.getByRole('link', { name: 'Tajikistan (Atom feed)' })
  const href = (await link.getAttribute('href'))!
  expect(href).toMatch(/^\/feeds\/tag\/tajikistan-[a-z0-9]+\.xml$/)
  await expect(page.locator(`head link[rel="alternate"][href="${href}"]`)).toHaveAttribute(
    'type',
    'application/atom+xml',
  )
  const response = await request.get(href)
  expect(response.headers()['content-type']).toMatch(/xml/)
  const feed = await page.evaluate(
    (xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml')
      return {
        error: doc.querySelector('parsererror')?.textContent,
        title: doc.querySelector('feed > title')?.textContent,
        entries: [...doc.querySelectorAll('entry > link')].map((l) => l.getAttribute('href')),
      }
    },
    await response.text(),
  )
  expect(feed.error).toBeUndefined()
  expect(feed.title).toBe('Dateline: Tajikistan')
  expect(feed.entries).toHaveLength(20)
  for (const url of feed.entries) expect(url).toMatch(new RegExp(`^${SITE_URL}/article/`))
})

test('the site announces its feed, sitemap and robots rules', async ({ request }) => {
  const feed = await request.get('/feed.xml')
  expect(feed.ok()).toBe(true)
  expect((await feed.text()).match(/<entry>/g)).toHaveLength(50)
  const sitemap = await (await request.get('/sitemap.xml')).text()
  expect(sitemap).toContain(`<loc>${SITE_URL}/article/${SEED_ID}</loc>`)
  expect(sitemap).toContain(`<loc>${SITE_URL}/page/2</loc>`)
  expect(await (await request.get('/robots.txt')).text()).toContain(
    `Sitemap: ${SITE_URL}/sitemap.xml`,
  )
})

test.describe('a page whose data cannot be loaded', () => {
  test.use({ allowedConsoleErrors: [/status of 500/] })

  test('stays as it was served, a plain page that still reads and links', async ({ page }) => {
    await page.route('**/data/*/feed/latest.json', (route) => route.fulfill({ status: 500 }))
    const gaveUp = page.waitForEvent('console', (message) =>
      message.text().includes('the app could not start here'),
    )
    await page.goto('/')
    await gaveUp
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news')
    expect(await headlineLinks(page).count()).toBeGreaterThan(25)
    await expect(page.getByText('This page could not be shown')).toHaveCount(0)
    await headlineLinks(page).first().click()
    await expect(page).toHaveURL(/\/article\//)
  })
})
