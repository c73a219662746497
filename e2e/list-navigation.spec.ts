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

test('the front page and page c - 2, page by page and article by article; a reload keeps each', async ({
  page,
}) => {
  // The front page: the newest chunk and the one before it (26 to 50 headlines).
  await page.goto('/')
  const total = Number(
    (await page.getByText(/^[\d,]+ articles, newest first$/).textContent())!.replace(/\D/g, ''),
  )
  const chunks = Math.ceil(total / 25)
  const front = await titlesOf(page, total - (chunks - 2) * 25)
  expect(front.length).toBeGreaterThan(25)
  const pager = page.getByRole('navigation', { name: 'Pages, top' })

  // Older is page c - 2: the next 25, none of them shown twice; Newer comes back.
  await pager.getByRole('link', { name: /Older/ }).click()
  await expect(page).toHaveURL(`/page/${chunks - 2}`)
  const older = await titlesOf(page, 25)
  expect(older.filter((title) => front.includes(title))).toEqual([])
  await pager.getByRole('link', { name: /Newer/ }).click()
  await expect(page).toHaveURL('/')
  await expect(headlineLinks(page)).toHaveText(front)
  // A reload of page c - 2 (its own prerendered file) shows the same headlines.
  await page.goto(`/page/${chunks - 2}`)
  await expect(headlineLinks(page)).toHaveText(older)

  // Article by article across the boundary: the front page's last, then page c - 2's first.
  await page.goto('/')
  await headlineLinks(page).last().click()
  await expect(heading(page)).toHaveText(front.at(-1)!)
  await expect(next(page)).toHaveAccessibleName(`Next ${older[0]}`)
  await next(page).click()
  await expect(heading(page)).toHaveText(older[0]!)
  await expect(
    page.getByText(`Article ${front.length + 1} of ${total.toLocaleString('en')}`),
  ).toBeVisible()
  await expect(previous(page)).toHaveAccessibleName(`Previous ${front.at(-1)}`)
  await expect(next(page)).toHaveAccessibleName(`Next ${older[1]}`)
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
  await expect(previous(page)).toHaveAccessibleName(`Previous ${front.at(-1)}`)
  await expect(next(page)).toHaveAccessibleName(`Next ${older[1]}`)
  expect(page.url()).toBe(url)
  expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0)
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
  expect(canonical).toBe(`${SITE_URL}${new URL(url).pathname}`)

  // Back over the boundary, and to the list each article is on.
  await previous(page).click()
  await expect(heading(page)).toHaveText(front.at(-1)!)
  await backTo(page, 'the latest news').click()
  await expect(page).toHaveURL('/')
  await page.goBack()
  await page.goBack()
  await expect(heading(page)).toHaveText(older[0]!)
  await backTo(page, `the latest news, page ${chunks - 2}`).click()
  await expect(page).toHaveURL(`/page/${chunks - 2}`)
  await expect(headlineLinks(page)).toHaveText(older.map((t) => new RegExp(escape(t))))
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
