import { expect, NOT_FOUND_RESPONSE, test } from './test'

import { expectNoHorizontalScroll, headlineLinks, SEED_ID } from './helpers'

test('feed → article → related headline → tag → filtered feed → back', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  await expect(page).toHaveTitle('Dateline')

  // The newest brief opens the feed.
  const first = page.getByRole('list', { name: 'Headlines' }).getByRole('listitem').first()
  await expect(first.locator('time')).toHaveAttribute('datetime', '2026-08-22')
  const firstTitle = (await headlineLinks(page).first().textContent())!
  await headlineLinks(page).first().click()
  await expect(page).toHaveURL(/\/article\//)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle)
  await expect(page).toHaveTitle(`${firstTitle} — Dateline`)

  // Follow the best related headline.
  const related = page.getByRole('complementary', { name: 'Related headlines' }).getByRole('link')
  await expect(related.first()).toBeVisible()
  const relatedTitle = (await related.first().textContent())!
  await related.first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(relatedTitle)
  const articleUrl = page.url()

  // Then one of its tags.
  const tagLink = page.getByRole('list', { name: 'Tags' }).getByRole('link').first()
  const tag = (await tagLink.textContent())!.trim()
  await tagLink.click()
  await expect(page).toHaveURL(`/?tag=${encodeURIComponent(tag).replace(/%20/g, '+')}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tag)
  await expect(page.getByRole('link', { name: `Remove filter ${tag}` })).toBeVisible()
  await expect(headlineLinks(page).first()).toBeVisible()
  await expect(page).toHaveTitle(`${tag} — Dateline`)

  // Back returns to the article.
  await page.goBack()
  await expect(page).toHaveURL(articleUrl)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(relatedTitle)
})

test('the seed article lists twelve related headlines, all tagged Tajikistan', async ({ page }) => {
  await page.goto(`/article/${SEED_ID}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Tajikistan, UNODC Discuss Cooperation Prospects',
  )
  await expect(page).toHaveTitle('Tajikistan, UNODC Discuss Cooperation Prospects — Dateline')
  const items = page.getByRole('complementary', { name: 'Related headlines' }).getByRole('listitem')
  await expect(items).toHaveCount(12)
  for (const item of await items.all()) await expect(item).toContainText('Tajikistan')
  // Most of the seed's own headlines (undated, written for it) are among them.
  const undated = items.filter({ hasText: 'Undated' })
  expect(await undated.count()).toBeGreaterThanOrEqual(7)
  await expect(page.getByRole('link', { name: 'More on Tajikistan' })).toHaveAttribute(
    'href',
    '/?tag=Tajikistan',
  )
  await expectNoHorizontalScroll(page)
})

test('a cold load of a tag-filtered page, numbered from the oldest', async ({ page }) => {
  await page.goto('/?tag=Gaza+war&page=2')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gaza war')
  // The tag's count, and the days this page holds (page 2: its 26th to 50th oldest articles).
  await expect(page.getByText(/^455 articles, newest first · \d+ \w+ \d{4}( – .+)?$/)).toBeVisible()
  await expect(headlineLinks(page)).toHaveCount(25)
  await expect(page).toHaveTitle('Gaza war, page 2 — Dateline')
  // Pagination at top and bottom keeps the filter; Older is page 1, the oldest.
  const top = page.getByRole('navigation', { name: 'Pages, top' })
  await expect(page.getByRole('navigation', { name: 'Pages, bottom' })).toBeAttached()
  await top.getByRole('link', { name: /Older/ }).click()
  await expect(page).toHaveURL('/?tag=Gaza+war&page=1')
  await expect(page).toHaveTitle('Gaza war, page 1 — Dateline')
  await expect(top.getByRole('link', { name: /Older/ })).toHaveCount(0)
  await page.goBack()
  await expect(page).toHaveTitle('Gaza war, page 2 — Dateline')
  await top.getByRole('link', { name: /Newer/ }).click()
  await expect(page).toHaveURL('/?tag=Gaza+war&page=3')
  await expectNoHorizontalScroll(page)
})

test('tags narrow with AND and come off one by one', async ({ page }) => {
  await page.goto('/?tag=Tajikistan&tag=International+relations')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Tajikistan + International relations',
  )
  const count = await headlineLinks(page).count()
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThan(24)
  await page.getByRole('link', { name: 'Remove filter International relations' }).click()
  await expect(page).toHaveURL('/?tag=Tajikistan')
  await expect(headlineLinks(page)).toHaveCount(24)
  await page.getByRole('link', { name: 'Show all news' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
})

test('a cold load of an article URL', async ({ page }) => {
  await page.goto(
    '/article/wikinews-magnitogorsk-apartment-building-collapses-after-explosion-dozens-dead',
  )
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Magnitogorsk apartment building collapses after explosion, dozens dead',
  )
  await expect(page.getByText('4 January 2019').first()).toBeVisible()
  await expect(page.getByText('Licence: CC BY 2.5')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  const paragraphs = page.locator('article p')
  expect(await paragraphs.count()).toBeGreaterThan(3)
  await expectNoHorizontalScroll(page)
})

test('every article is published, whatever its id (this one ends in "report")', async ({
  page,
}) => {
  await page.goto('/article/2026-03-06-the-united-nations-high-commissioner-for-refugees-report')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'United Nations High Commissioner for Refugees',
  )
})

test.describe('addresses that name nothing', () => {
  test.use({ allowedConsoleErrors: [NOT_FOUND_RESPONSE] })

  test('unknown articles and routes show a not-found page with a way back', async ({ page }) => {
    for (const path of ['/article/no-such-article', '/no/such/page']) {
      const response = await page.goto(path)
      // A static host answers with 404.html and its status, so search engines drop the address.
      expect(response?.status()).toBe(404)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
      await expect(page).toHaveTitle('Page not found — Dateline')
      await expectNoHorizontalScroll(page)
    }
    await page.getByRole('link', { name: 'Go to the latest news' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  })
})

test('the tag index filters as you type and links to tag views', async ({ page }) => {
  await page.goto('/tags')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All tags')
  await page.getByRole('textbox', { name: 'Filter tags' }).fill('tajik')
  await expect(page.getByText(/tags match “tajik”/)).toBeVisible()
  await expect(page).toHaveURL('/tags?filter=tajik')
  await page
    .getByRole('list', { name: 'Tags' })
    .getByRole('link', { name: 'Tajikistan', exact: true })
    .click()
  await expect(page).toHaveURL('/?tag=Tajikistan')
  await expect(headlineLinks(page)).toHaveCount(24)
})

test('no view scrolls sideways, down to 320 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 })
  for (const path of ['/', `/article/${SEED_ID}`, '/?tag=Gaza+war&tag=Israel', '/tags']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoHorizontalScroll(page)
  }
})
