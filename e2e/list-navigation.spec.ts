import type { Page } from '@playwright/test'

import { expectNoHorizontalScroll, headlineLinks, SITE_URL } from './helpers'
import { expect, test } from './test'

const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const steps = (page: Page) =>
  page.getByRole('navigation', { name: 'Previous and next in the list' })
const next = (page: Page) => steps(page).getByRole('link', { name: /^Next/ })
const previous = (page: Page) => steps(page).getByRole('link', { name: /^Previous/ })
const backTo = (page: Page, name: string) => page.getByRole('link', { name: `Back to ${name}` })

/** The titles a list shows, once it shows `count` of them. */
async function titlesOf(page: Page, count: number): Promise<string[]> {
  await expect(headlineLinks(page)).toHaveCount(count)
  return headlineLinks(page).allTextContents()
}

test('a tag view, article by article: next, previous, the first, and back to the list', async ({
  page,
}) => {
  await page.goto('/?tag=Tajikistan')
  const titles = await titlesOf(page, 24)
  await headlineLinks(page).nth(1).click()
  await expect(heading(page)).toHaveText(titles[1]!)
  await expect(page.getByText('Article 2 of 24')).toBeVisible()

  await expect(next(page)).toHaveAccessibleName(`Next ${titles[2]}`)
  await next(page).click()
  await expect(heading(page)).toHaveText(titles[2]!)
  // A normal navigation: focus goes to the new article's heading.
  await expect(heading(page)).toBeFocused()

  await previous(page).click()
  await expect(heading(page)).toHaveText(titles[1]!)
  await previous(page).click()
  await expect(heading(page)).toHaveText(titles[0]!)
  await expect(steps(page).getByText('This is the first in the list')).toBeVisible()
  await expect(previous(page)).toHaveCount(0)
  await expect(next(page)).toHaveAccessibleName(`Next ${titles[1]}`)

  await backTo(page, 'Tajikistan').click()
  await expect(page).toHaveURL('/?tag=Tajikistan')
  await expect(headlineLinks(page).first()).toContainText(titles[0]!)
})

test('from the last of a page, next is the first of the next page; a reload keeps the list', async ({
  page,
}) => {
  // A filtered view (oldest first) of 28 articles: 25 on page 1, 3 on page 2.
  await page.goto('/?tag=Portugal&sort=oldest&page=2')
  const second = await titlesOf(page, 3)
  await page.goto('/?tag=Portugal&sort=oldest')
  const first = await titlesOf(page, 25)

  await headlineLinks(page).last().click()
  await expect(heading(page)).toHaveText(first[24]!)
  await expect(next(page)).toHaveAccessibleName(`Next ${second[0]}`)
  await next(page).click()
  await expect(heading(page)).toHaveText(second[0]!)
  await expect(page.getByText('Article 26 of 28')).toBeVisible()
  await expect(previous(page)).toHaveAccessibleName(`Previous ${first[24]}`)
  await expect(next(page)).toHaveAccessibleName(`Next ${second[1]}`)
  const url = page.url()

  // A reload (or the address shared) keeps the list: the same neighbours, nothing moving as they
  // arrive, and the canonical address of the article without the list.
  await page.addInitScript(() => {
    const w = window as unknown as { shift: number }
    w.shift = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number }[])
        w.shift += entry.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  await page.reload()
  await expect(previous(page)).toHaveAccessibleName(`Previous ${first[24]}`)
  await expect(next(page)).toHaveAccessibleName(`Next ${second[1]}`)
  await expect(page.getByText('Article 26 of 28')).toBeVisible()
  expect(page.url()).toBe(url)
  expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0)
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
  expect(canonical).toBe(`${SITE_URL}${new URL(url).pathname}`)

  // Back to the list: the page this article is on.
  await backTo(page, 'Portugal, page 2').click()
  await expect(page).toHaveURL('/?tag=Portugal&sort=oldest&page=2')
  await expect(headlineLinks(page)).toHaveText(second.map((t) => new RegExp(escape(t))))
  await expectNoHorizontalScroll(page)
})

test('search results, in their order, and back to them', async ({ page }) => {
  await page.goto('/?q=earthquake')
  const results = page
    .getByRole('list', { name: 'Search results' })
    .getByRole('heading', { level: 2 })
    .getByRole('link')
  await expect(results).toHaveCount(10)
  const titles = await results.allTextContents()
  await results.first().click()
  await expect(heading(page)).toHaveText(titles[0]!)
  await expect(page.getByText('Your search words are marked')).toBeVisible()
  for (const title of titles.slice(1, 4)) {
    await next(page).click()
    await expect(heading(page)).toHaveText(title)
    // The search words stay marked along the way.
    await expect(heading(page).locator('mark').first()).toBeVisible()
  }
  await backTo(page, 'search results for “earthquake”').click()
  await expect(page).toHaveURL('/?q=earthquake')
  await expect(results.first()).toContainText(titles[0]!)
})

test('[ and ] step through the list on an article, u goes back to it', async ({ page }) => {
  await page.goto('/?tag=Tajikistan')
  const titles = await titlesOf(page, 24)
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('Enter')
  await expect(heading(page)).toHaveText(titles[1]!)
  await expect(next(page)).toBeVisible()
  await page.keyboard.press(']')
  await expect(heading(page)).toHaveText(titles[2]!)
  await expect(previous(page)).toBeVisible()
  await page.keyboard.press('[')
  await expect(heading(page)).toHaveText(titles[1]!)
  await page.keyboard.press('u')
  await expect(page).toHaveURL('/?tag=Tajikistan')
  // The article came back from is the marked headline.
  await expect(headlineLinks(page).nth(1)).toHaveAttribute('aria-current', 'true')
})

test('an article opened from elsewhere has no list, and a list from elsewhere is ignored', async ({
  page,
}) => {
  await page.goto('/?tag=Tajikistan')
  const href = (await headlineLinks(page).first().getAttribute('href'))!
  const plain = href.split('?')[0]!
  await page.goto(plain)
  await expect(heading(page)).toBeVisible()
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
  await expect(steps(page)).toHaveCount(0)
  await expect(page.getByRole('link', { name: /^Back to/ })).toHaveCount(0)

  await page.goto(`${plain}?list=//evil.example/`)
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
  await expect(heading(page)).toBeVisible()
  await expect(steps(page)).toBeHidden()
  await expect(page.getByRole('link', { name: /^Back to/ })).toHaveCount(0)
})

/** A title as a regular expression that matches it within a longer text ("… (read)"). */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
