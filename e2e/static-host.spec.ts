import { expect, NOT_FOUND_RESPONSE, test } from './test'

// Built with BASE_PATH=/reader/ and SITE_URL=https://news.example.org from
// e2e/fixtures/static-host, and served as a plain static host serves files (scripts/serve.ts).
const SITE = 'https://news.example.org/reader'

// The fixture's article image lives on a made-up host: answer for it.
test.beforeEach(async ({ page }) => {
  await page.route('https://images.example.org/**', (route) =>
    route.fulfill({
      contentType: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>',
    }),
  )
})

test('a deep link under the base path opens cold, even with a dot in its id', async ({ page }) => {
  for (const [id, title] of [
    ['v1.2', 'Version 1.2 of the river treaty is signed'],
    ['report.final', 'The final report on the spring floods'],
  ]) {
    const response = await page.goto(`/reader/article/${id}`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!)
    await expect(page).toHaveTitle(`${title} — Dateline`)
  }
  // And the app runs there: related headlines navigate inside it, under the base path.
  const related = page.getByRole('complementary', { name: 'Related headlines' }).getByRole('link')
  await expect(related.first()).toHaveAttribute('href', /^\/reader\/article\//)
  await related.filter({ hasText: 'Version 1.2' }).click()
  await expect(page).toHaveURL('/reader/article/v1.2')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Version 1.2 of the river treaty is signed',
  )
})

test('the front page links, fetches and searches under the base path', async ({ page }) => {
  await page.goto('/reader/')
  await expect(page.getByText('4 articles, newest first')).toBeVisible()
  const headlines = page
    .getByRole('list', { name: 'Headlines' })
    .getByRole('heading')
    .getByRole('link')
  await expect(headlines).toHaveCount(4)
  for (const link of await headlines.all())
    await expect(link).toHaveAttribute('href', /^\/reader\/article\//)
  await page.getByRole('searchbox', { name: 'Search news' }).fill('ferry')
  await expect(page).toHaveURL('/reader/?q=ferry')
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('heading')
  await expect(results).toHaveText(['Ferry service resumes across the river'])
  await expect(results.getByRole('link')).toHaveAttribute(
    'href',
    /^\/reader\/article\/plain-article/,
  )
})

test('link previews carry absolute URLs on the site', async ({ page, request }) => {
  await page.goto('/reader/article/v1.2')
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
    `${SITE}/article/v1.2`,
  )
  expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toBe(
    'https://images.example.org/treaty.jpg',
  )
  expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe(
    'summary_large_image',
  )
  const feed = await (await request.get('/reader/feed.xml')).text()
  expect(feed).toContain(
    `<link rel="alternate" type="text/html" href="${SITE}/article/report.final"/>`,
  )
  expect(feed).toContain('The report counts the damage &amp; names &lt;the&gt; causes')
  const sitemap = await (await request.get('/reader/sitemap.xml')).text()
  expect(sitemap).toContain(`<loc>${SITE}/article/v1.2</loc>`)
})

test.describe('an unknown address', () => {
  test.use({ allowedConsoleErrors: [NOT_FOUND_RESPONSE] })

  test('gets the real not-found page with status 404', async ({ page }) => {
    const response = await page.goto('/reader/article/nope')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    await page.getByRole('link', { name: 'Go to the latest news' }).click()
    await expect(page).toHaveURL('/reader/')
  })
})

test.describe('offline and installable under the base path', () => {
  test.use({
    serviceWorkers: 'allow',
    // What Chromium logs for requests that fail offline; the app shows what it can.
    allowedConsoleErrors: [/net::ERR_(INTERNET_DISCONNECTED|FAILED)/],
  })

  test('the worker and the manifest live under /reader/', async ({ page, context, request }) => {
    await page.goto('/reader/article/report.final')
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope),
    ).toBe(new URL('/reader/', page.url()).href)
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
      'href',
      '/reader/manifest.webmanifest',
    )
    const manifest = (await (await request.get('/reader/manifest.webmanifest')).json()) as Record<
      string,
      unknown
    >
    expect(manifest).toMatchObject({ start_url: '/reader/', scope: '/reader/' })
    // The article read on the first visit is kept; the front page, never visited, is the shell.
    await expect
      .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))))
      .toBe(true)

    await context.setOffline(true)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'The final report on the spring floods',
    )
    await page.goto('/reader/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news')
    await page.goto('/reader/article/v1.2')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re offline')
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  })
})
