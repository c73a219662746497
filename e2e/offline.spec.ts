import type { BrowserContext, Page } from '@playwright/test'

import { BUILD_QUESTION, headlineLinks, NEXT_BUILD_URL, SEED_ID } from './helpers'
import { expect, test } from './test'

// The service worker runs here (the other specs block it).
test.use({
  serviceWorkers: 'allow',
  // Chromium logs every request that fails offline (those the worker cannot answer from its
  // cache): the app handles each, and the tests check what it shows.
  // (One pattern: Playwright would read a second as the option's settings.)
  allowedConsoleErrors: [/net::ERR_(INTERNET_DISCONNECTED|FAILED)/],
})

/** Resolves once the service worker is installed and controls the page (it claims it at once). */
async function serviceWorkerControls(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

function offlineStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: 'You’re offline' })
}

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search news' })
}

/** What the search view says about its results ("12 results for “earthquake”"). */
function resultsSummary(page: Page, q: string) {
  return page.getByText(new RegExp(`^\\d+ results? for “${q}”`))
}

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true)
  await expect(offlineStatus(page)).toBeVisible()
}

test('after a first visit, the feed, opened articles, the reading list and a search work offline', async ({
  page,
  context,
}) => {
  await page.goto('/')
  await serviceWorkerControls(page)
  // What is read from now on goes through the worker; a reload puts the front page in its cache too.
  await page.reload()
  await expect(headlineLinks(page).first()).toBeVisible()
  const titles = await headlineLinks(page).allTextContents()
  const [opened, unopened] = [titles[0]!, titles[5]!]

  // Open an article and save it to the reading list.
  await headlineLinks(page).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(opened)
  const articleUrl = page.url()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible()

  // A search.
  await searchBox(page).fill('earthquake')
  await searchBox(page).press('Enter')
  await expect(page).toHaveURL('/?q=earthquake')
  await expect(resultsSummary(page, 'earthquake')).toBeVisible()
  const summary = await resultsSummary(page, 'earthquake').textContent()

  await goOffline(context, page)

  // The feed, cold (the opened article now marked as read).
  const feed = [`${opened} (read)`, ...titles.slice(1)]
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  await expect(headlineLinks(page)).toHaveText(feed)
  await expect(offlineStatus(page)).toBeVisible()

  // The opened article, cold, then from the reading list inside the app (whose page was never
  // loaded: the app draws it).
  await page.goto(articleUrl)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(opened)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Saved' }).click()
  const readingList = page.getByRole('list', { name: 'Reading list' })
  await readingList.getByRole('link', { name: opened }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(opened)

  // The same search, typed again.
  await searchBox(page).fill('earthquake')
  await searchBox(page).press('Enter')
  await expect(page).toHaveURL('/?q=earthquake')
  await expect(resultsSummary(page, 'earthquake')).toHaveText(summary!)
  // A word whose part of the index was never fetched.
  await searchBox(page).fill('zimbabwe')
  await searchBox(page).press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'search index' })).toContainText(
    'The search index hasn’t been saved for offline reading.',
  )
  await expect(page.getByRole('heading', { level: 2, name: 'You’re offline' })).toBeVisible()

  // An article never opened: said inside the app, with its header, and at once.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Latest' }).click()
  await expect(headlineLinks(page)).toHaveText(feed)
  await page.getByRole('link', { name: unopened, exact: true }).click()
  // No retries while offline: the message comes at once (well within the default 5 s).
  await expect(page.getByRole('heading', { level: 1, name: 'You’re offline' })).toBeVisible()
  await expect(page.getByText('This article hasn’t been saved for offline reading.')).toBeVisible()
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('progressbar')).toHaveCount(0)
  await expect(offlineStatus(page)).toBeVisible()

  // Back online: the status goes, and the article loads by itself.
  await context.setOffline(false)
  await expect(offlineStatus(page)).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(unopened)
})

test('an article never opened, loaded cold offline, says so inside the app', async ({
  page,
  context,
}) => {
  await page.goto('/')
  await serviceWorkerControls(page)
  const unopened = (await headlineLinks(page).nth(3).getAttribute('href'))!
  const title = await headlineLinks(page).nth(3).textContent()
  await goOffline(context, page)
  await page.goto(unopened)
  await expect(page.getByRole('heading', { level: 1, name: 'You’re offline' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await expect(page).toHaveTitle('You’re offline — Dateline')
  // Back online, it loads by itself.
  await context.setOffline(false)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!)
})

test('the page of a first visit is kept for offline reading without a reload', async ({
  page,
  context,
}) => {
  await page.goto(`/article/${SEED_ID}`)
  await serviceWorkerControls(page)
  // The page and its data were loaded before the worker ran: it fetches them once it controls.
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))))
    .toBe(true)
  await goOffline(context, page)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Tajikistan, UNODC Discuss Cooperation Prospects',
  )
  await expect(offlineStatus(page)).toBeVisible()
})

test('a new version waits for the reader; Reload starts it in every open page', async ({
  page,
  context,
}) => {
  const other = await context.newPage()
  await page.goto(`${NEXT_BUILD_URL}/`)
  await serviceWorkerControls(page)
  await other.goto(`${NEXT_BUILD_URL}/tags`)
  await serviceWorkerControls(other)
  const build = (p: Page) =>
    p.evaluate(
      (question) =>
        new Promise<string>((resolve) => {
          navigator.serviceWorker.addEventListener('message', (e) => resolve(String(e.data)), {
            once: true,
          })
          navigator.serviceWorker.controller!.postMessage(question)
          setTimeout(() => resolve('first'), 1000)
        }),
      BUILD_QUESTION,
    )
  expect(await build(page)).toBe('first')

  // A new build is deployed; the page checks for it (as it does every hour, and browsers on navigation).
  await context.addCookies([{ name: 'next-build', value: '2', url: NEXT_BUILD_URL }])
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())
  const prompt = page.getByRole('status').filter({ hasText: 'A new version of Dateline is ready.' })
  await expect(prompt).toBeVisible()
  await expect(prompt.getByRole('button', { name: 'Reload' })).toBeVisible()

  // Nothing changes by itself: not later, not on a reload of the page.
  await prompt.getByRole('button', { name: 'Later' }).click()
  await expect(prompt).toHaveCount(0)
  await page.reload()
  await expect(prompt).toBeVisible()
  expect(await build(page)).toBe('first')

  // Reload: the new version runs, in this page and in the other one.
  await Promise.all([
    page.waitForEvent('load'),
    other.waitForEvent('load'),
    prompt.getByRole('button', { name: 'Reload' }).click(),
  ])
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  expect(await build(page)).toBe('2')
  expect(await build(other)).toBe('2')
  await expect(prompt).toHaveCount(0)
})

test('installable: a web app manifest with icons, linked from every page', async ({
  page,
  request,
}) => {
  for (const path of ['/', '/tags', `/article/${SEED_ID}`]) {
    await page.goto(path)
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
      'href',
      '/manifest.webmanifest',
    )
  }
  const notFound = await request.get('/no-such-page')
  expect(notFound.status()).toBe(404)
  expect(await notFound.text()).toContain('<link rel="manifest" href="/manifest.webmanifest">')
  const response = await request.get('/manifest.webmanifest')
  expect(response.headers()['content-type']).toContain('application/manifest+json')
  const manifest = (await response.json()) as {
    icons: { src: string; sizes: string; purpose?: string }[]
  } & Record<string, unknown>
  expect(manifest).toMatchObject({
    name: 'Dateline',
    short_name: 'Dateline',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#ffffff',
    background_color: '#fdfcf9',
  })
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`)).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ])
  for (const icon of manifest.icons) {
    const png = await request.get(`/${icon.src}`)
    expect(png.headers()['content-type']).toBe('image/png')
    // The PNG header's width: the size the manifest says.
    expect((await png.body()).readUInt32BE(16)).toBe(Number(icon.sizes.split('x')[0]))
  }
})
