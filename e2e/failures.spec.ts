import type { BrowserContext, Page, Route } from '@playwright/test'

import { headlineLinks, SEED_ID } from './helpers'
import { expect, test } from './test'

// Failed requests are logged by the browser itself; the app's own details are warnings. (One
// pattern: an option given as a two-item array would be read as [value, options].)
test.use({ allowedConsoleErrors: [/Failed to load resource|net::ERR_/] })

/** Ways a data request can fail, as a route handler. */
const FAULTS: Record<string, { fail: (route: Route) => Promise<void>; advice: RegExp }> = {
  'a server error': {
    fail: (route) => route.fulfill({ status: 503, body: 'Service Unavailable' }),
    advice: /The server had a problem/,
  },
  'a dropped connection': {
    fail: (route) => route.abort('connectionreset'),
    advice: /The connection failed/,
  },
  'a truncated file': {
    fail: (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"items":[{"id":"' }),
    advice: /What arrived was damaged/,
  },
  'a missing file': {
    fail: (route) => route.fulfill({ status: 404, body: 'Not Found' }),
    advice: /missing on the server/,
  },
}

/** The app is running the page (the prerendered one has been taken over). */
async function appReady(page: Page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
}

/** Fails every request matching `pattern` until the returned function is called. */
async function breakRequests(
  context: BrowserContext,
  pattern: string | RegExp,
  fail: (r: Route) => Promise<void>,
) {
  let broken = true
  let failed = 0
  await context.route(pattern, async (route) => {
    if (!broken) return route.fallback()
    failed++
    return fail(route)
  })
  return {
    repair: () => {
      broken = false
    },
    failed: () => failed,
  }
}

async function expectProblem(page: Page, title: string, advice: RegExp) {
  // Transient failures are asked again twice (after 1 s and 2 s) before the reader is told.
  const panel = page.getByRole('alert').filter({ hasText: title })
  await expect(panel).toBeVisible({ timeout: 15_000 })
  await expect(panel).toContainText(advice)
  // The message is for readers: no file names.
  await expect(panel).not.toContainText('.json')
  // The rest of the app stays: the header, its search and navigation.
  await expect(page.getByRole('searchbox', { name: 'Search news' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  return panel
}

// Every fault on every kind of view: the handling is the same code at any width, so this matrix
// runs on the desktop project only (@fault-matrix); the phone runs the tests after it.
const MATRIX = { tag: '@fault-matrix' }

for (const [fault, { fail, advice }] of Object.entries(FAULTS)) {
  test(
    `${fault}: an article says so, and "Try again" loads it`,
    MATRIX,
    async ({ page, context }) => {
      await page.goto('/')
      await appReady(page)
      const link = headlineLinks(page).nth(2)
      const title = (await link.textContent())!
      const broken = await breakRequests(context, '**/data/*/articles/**', fail)
      await link.click()
      const panel =
        fault === 'a missing file'
          ? // An article the server does not have is an article that does not exist.
            page.getByRole('heading', { level: 1, name: 'Page not found' })
          : await expectProblem(page, 'This article could not be loaded', advice)
      await expect(panel).toBeVisible()
      broken.repair()
      if (fault !== 'a missing file') {
        await panel.getByRole('button', { name: 'Try again' }).click()
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
      }
    },
  )

  test(
    `${fault}: a tag view says so, and "Try again" loads it`,
    MATRIX,
    async ({ page, context }) => {
      await page.goto('/tags?filter=tajik')
      await appReady(page)
      const broken = await breakRequests(context, '**/data/*/tags/**', fail)
      await page
        .getByRole('list', { name: 'Tags' })
        .getByRole('link', { name: 'Tajikistan', exact: true })
        .click()
      if (fault === 'a missing file') {
        // A tag the server has no pages for is a tag no article has.
        await expect(
          page.getByRole('heading', { name: 'No articles are tagged “Tajikistan”' }),
        ).toBeVisible()
        return
      }
      const panel = await expectProblem(page, 'The news could not be loaded', advice)
      broken.repair()
      await panel.getByRole('button', { name: 'Try again' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Tajikistan' })).toBeVisible()
      await expect(headlineLinks(page)).toHaveCount(24)
    },
  )

  test(
    `${fault}: a feed page says so, and "Try again" loads it`,
    MATRIX,
    async ({ page, context }) => {
      await page.goto('/')
      await appReady(page)
      // A later page reads the feed's chunks (not feed/latest.json, which the front page read).
      const broken = await breakRequests(context, /\/data\/[^/]+\/feed\/\d+\.json$/, fail)
      await page
        .getByRole('navigation', { name: /top/ })
        .getByRole('link', { name: /Older/ })
        .click()
      // A page the feed has is never "missing": its absence is a failure too.
      const panel = await expectProblem(page, 'The news could not be loaded', advice)
      broken.repair()
      await panel.getByRole('button', { name: 'Try again' }).click()
      await expect(headlineLinks(page)).toHaveCount(25)
      await expect(page).toHaveURL(/\/page\/\d+$/)
    },
  )

  test(
    `${fault}: a search says so, and "Try again" searches`,
    MATRIX,
    async ({ page, context }) => {
      await page.goto('/')
      await appReady(page)
      const broken = await breakRequests(context, '**/data/*/search/**', fail)
      const box = page.getByRole('searchbox', { name: 'Search news' })
      await box.fill('tajikistan')
      await box.press('Enter')
      await expect(page).toHaveURL('/?q=tajikistan')
      const panel =
        fault === 'a missing file'
          ? // A word list the server does not have is a word no article has.
            page.getByRole('heading', { name: 'Nothing found for “tajikistan”' })
          : await expectProblem(page, 'The search index could not be loaded', advice)
      await expect(panel).toBeVisible({ timeout: 15_000 })
      broken.repair()
      if (fault !== 'a missing file') {
        await panel.getByRole('button', { name: 'Try again' }).click()
        await expect(page.getByText(/^24 results for “tajikistan”/)).toBeVisible()
      }
    },
  )
}

test('a failed panel fails alone: the timeline says so and the list still shows', async ({
  page,
  context,
}) => {
  await page.goto('/')
  await appReady(page)
  const broken = await breakRequests(
    context,
    '**/data/*/dates.json',
    FAULTS['a server error']!.fail,
  )
  await page.goto('/?tag=Tajikistan')
  await expect(headlineLinks(page)).toHaveCount(24)
  const problem = page.getByRole('alert').filter({ hasText: 'The timeline could not be loaded' })
  await expect(problem).toBeVisible({ timeout: 15_000 })
  broken.repair()
  await problem.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByText(/^Articles per month/)).toBeVisible()
})

test('offline, an article not yet read says so at once, and loads when back online', async ({
  page,
  context,
}) => {
  await page.goto('/')
  await appReady(page)
  // The article view's code is loaded; its data is not.
  await headlineLinks(page).first().click()
  await expect(page).toHaveURL(/\/article\//)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.goBack()
  await expect(page).toHaveURL('/')
  const link = headlineLinks(page).nth(4)
  const title = (await link.textContent())!
  await context.setOffline(true)
  await link.click()
  await expectProblem(page, 'You’re offline', /This article hasn’t been saved for offline reading/)
  await context.setOffline(false)
  // Back online, it loads by itself.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
})

test('a view whose code cannot load keeps the header and offers a reload', async ({
  page,
  context,
}) => {
  await page.goto('/')
  await appReady(page)
  await context.route('**/assets/tags-*.js', (route) => route.abort('failed'))
  await context.setOffline(true)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click()
  const panel = await expectProblem(
    page,
    'You’re offline',
    /The tag index hasn’t been saved for offline reading/,
  )
  await expect(panel.getByRole('button', { name: 'Reload' })).toBeVisible()
  await context.setOffline(false)
})

test('after a deploy removed the old code, the next view reloads into the new version', async ({
  page,
  context,
}) => {
  await page.goto('/')
  await appReady(page)
  await context.route('**/assets/tags-*.js', (route) => route.fulfill({ status: 404 }))
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click()
  // The page reloads at the address asked for: the served page, not an error.
  await expect(page).toHaveURL('/tags')
  await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('typing fast from an article, with slow data, never shows an error', async ({
  page,
  context,
}) => {
  await context.route('**/data/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 150))
    await route.fallback()
  })
  await page.goto(`/article/${SEED_ID}`)
  await appReady(page)
  // Remember any alert that ever appears, however briefly.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { alertsSeen: string[] }).alertsSeen = seen
    new MutationObserver(() => {
      for (const alert of document.querySelectorAll('[role=alert]'))
        seen.push(alert.textContent ?? '')
    }).observe(document.body, { childList: true, subtree: true })
  })
  const box = page.getByRole('searchbox', { name: 'Search news' })
  await box.click()
  await page.keyboard.type('earthquake', { delay: 30 })
  await expect(page.getByText(/results? for “earthquake”/)).toBeVisible({ timeout: 15_000 })
  await box.fill('')
  await page.keyboard.type('ear', { delay: 25 })
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await expect(page).toHaveURL('/?q=e')
  await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible({ timeout: 15_000 })
  expect(
    await page.evaluate(() => (window as unknown as { alertsSeen: string[] }).alertsSeen),
  ).toEqual([])
})

test.describe('mangled addresses', () => {
  test.use({ allowedConsoleErrors: [/status of 404|Failed to load resource/] })

  test('show a sensible view or the not-found page, never an error', async ({ page }) => {
    // Each address, and what the reader sees: a heading, and a message where it names nothing.
    const addresses: [string, RegExp][] = [
      [`/?q=${'flood'.repeat(2000)}`, /Nothing found for/],
      ['/?tag=%E0%A4%A&page=%ZZ', /No articles are tagged/],
      ['/?tag=Nowhere+Land&notag=__proto__&from=2025-02-30&to=yesterday', /No articles are tagged/],
      ['/?page=1e400&sort=sideways', /Latest news|There is no page/],
      ['/article/%E0%A4%A', /Page not found/],
      ['/article/constructor', /Page not found/],
      ['/tags?filter=%25%25%ZZ&sort=%', /No tag matches|Tags/],
      ['/page/0', /Page not found|Latest news/],
    ]
    for (const [address, message] of addresses) {
      await page.goto(address)
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
      await expect(page.getByRole('heading', { level: 1 }), address).toBeVisible()
      await expect(page.getByRole('main').getByText(message).first(), address).toBeVisible()
    }
  })
})
