/**
 * WCAG 2.2 AA by axe-core on every kind of page, in the light and the dark theme, on the desktop
 * and the mobile project: no violation, and exactly one h1. One page load per route; the theme is
 * switched by the emulated system colour scheme (the app follows it by default).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page, Route } from '@playwright/test'

import { LONG_ARTICLE_ID, LONG_TAG, SEED_ID, appReady, seedLibrary, viewSettled } from './helpers'
import { expect, test } from './test'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations']

/** One line per failing element, with its selector, so a failure says where to look. */
function report(theme: string, violations: Violations): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${theme} [${v.id}, ${v.impact}] ${v.help}\n    at ${node.target.join(' ')}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
    ),
  )
}

/** Checks the page as it is, in both themes, and its single h1. */
async function expectAccessible(page: Page) {
  await appReady(page)
  await viewSettled(page)
  await expect(page.locator('h1'), 'one h1 per page').toHaveCount(1)
  const problems: string[] = []
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    await expect(page.locator('html')).toHaveCSS(
      'background-color',
      theme === 'light' ? 'rgb(253, 252, 249)' : 'rgb(18, 17, 16)',
    )
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze()
    problems.push(...report(theme, violations))
  }
  expect(problems, problems.join('\n')).toEqual([])
}

test.beforeEach(async ({ page }) => {
  // axe takes seconds on a page of headlines, twice per test, on a shared machine.
  test.setTimeout(90_000)
  await page.emulateMedia({ colorScheme: 'light' })
})

test('the feed, with a new and a read headline', async ({ page }) => {
  // The first two headlines of the prerendered front page: the first is read and new since the
  // last visit (the second was then the newest), so both marks are checked for contrast.
  const html = await (await page.request.get('/')).text()
  // (Links from a list carry it in ?list=, which is not part of the id.)
  const ids = [...html.matchAll(/href="\/article\/([^"?]+)/g)].map((m) => m[1]!)
  await seedLibrary(page, { read: [ids[0]], feedNewestId: ids[1] })
  await page.goto('/')
  await expect(page.getByText('1 article new since your last visit.')).toBeVisible()
  await expectAccessible(page)
})

test('a tag view', async ({ page }) => {
  await page.goto('/?tag=Tajikistan')
  await expect(page.getByRole('heading', { level: 1, name: 'Tajikistan' })).toBeVisible()
  await expect(page.getByRole('img', { name: /articles from/ })).toBeVisible()
  await expectAccessible(page)
})

test('a tag view with a long tag and a date range', async ({ page }) => {
  await page.goto(`/?tag=${encodeURIComponent(LONG_TAG)}&from=2025-01-01`)
  await expect(page.getByRole('heading', { level: 1, name: LONG_TAG })).toBeVisible()
  await expectAccessible(page)
})

test('search results, marked words and a spelling correction', async ({ page }) => {
  await page.goto('/?q=earthquak')
  await expect(page.getByText(/^\d+ results? for “earthquak”/)).toBeVisible({ timeout: 15_000 })
  const results = page.getByRole('list', { name: 'Search results' })
  await expect(results.locator('h2 mark').first()).toBeVisible()
  // Another tab opened the first two results: they show as read, their marked words too.
  await results.evaluate((list) => {
    const ids = [...list.querySelectorAll('h2 a')]
      .slice(0, 2)
      .map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').pop()!)
    const key = 'dateline:library:v1'
    localStorage.setItem(key, JSON.stringify({ version: 1, views: [], articles: [], read: ids }))
    window.dispatchEvent(new StorageEvent('storage', { key }))
  })
  await expect(results.getByText('(read)')).toHaveCount(2)
  await expectAccessible(page)
})

test('an article opened from a search, its words marked', async ({ page }) => {
  await page.goto(`/article/${SEED_ID}?hl=tajikistan`)
  await expect(page.getByText(/Your search words are marked/)).toBeVisible()
  await expect(page.locator('#main mark').first()).toBeVisible()
  await expectAccessible(page)
})

test('a long Wikinews article', async ({ page }) => {
  await page.goto(`/article/${LONG_ARTICLE_ID}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Related headlines' })).toBeVisible()
  await expectAccessible(page)
})

test('the tag index', async ({ page }) => {
  await page.goto('/tags')
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem').first()).toBeVisible()
  await expectAccessible(page)
})

test('Saved, empty', async ({ page }) => {
  await page.goto('/saved')
  await expect(page.getByText(/^Nothing yet/)).toBeVisible()
  await expectAccessible(page)
})

test('Saved, with a view and an article', async ({ page }) => {
  const now = new Date().toISOString()
  await seedLibrary(page, {
    views: [{ id: 'v1', name: 'Tajikistan', href: '/?tag=Tajikistan', savedAt: now }],
    articles: [
      { id: SEED_ID, title: 'Tajikistan and UNODC', published: '2025-03-01', savedAt: now },
    ],
  })
  await page.goto('/saved')
  await expect(page.getByRole('list', { name: 'Reading list' }).getByRole('link')).toHaveCount(1)
  await expectAccessible(page)
})

test.describe('pages that log a failed request', () => {
  // The missing article's data (404), the broken tag pages (500).
  test.use({ allowedConsoleErrors: [/Failed to load resource/] })

  test('not found', async ({ page }) => {
    await page.goto('/article/no-such-article')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expectAccessible(page)
  })

  test('a view that could not be loaded', async ({ page }) => {
    await page.route('**/data/*/tags/**', (route: Route) =>
      route.fulfill({ status: 500, body: 'Internal Server Error' }),
    )
    await page.goto('/?tag=Tajikistan')
    // Asked again twice (after 1 s and 2 s) before the reader is told.
    await expect(
      page.getByRole('heading', { level: 1, name: 'The news could not be loaded' }),
    ).toBeVisible({ timeout: 15_000 })
    await expectAccessible(page)
  })
})
