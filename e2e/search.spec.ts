import type { Page } from '@playwright/test'

import { expect, test } from './test'

import { expectNoHorizontalScroll } from './helpers'

function results(page: Page) {
  return page.getByRole('list', { name: 'Search results' })
}

function resultTitles(page: Page) {
  return results(page).getByRole('heading', { level: 2 })
}

async function typeQuery(page: Page, text: string) {
  const box = page.getByRole('searchbox', { name: 'Search news' })
  await box.click()
  await page.keyboard.type(text, { delay: 40 })
}

test('type a query, open a highlighted result, come back to the same results', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  const historyBefore = await page.evaluate(() => history.length)
  await typeQuery(page, 'border tajikistan')
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
  await expect(resultTitles(page).first()).toBeVisible()
  // The matched words are marked in the headlines.
  await expect(resultTitles(page).first().locator('mark').first()).toBeVisible()
  // The URL follows after a pause, as one history entry however many keys were typed.
  await expect(page).toHaveURL('/?q=border+tajikistan')
  expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1)
  await expect(page).toHaveTitle('border tajikistan — Search — Dateline')

  const titles = await resultTitles(page).allTextContents()
  expect(titles.length).toBeGreaterThan(1)
  // Scroll to a lower result, open it.
  const targetIndex = Math.min(3, titles.length - 1)
  const target = resultTitles(page).nth(targetIndex).getByRole('link')
  await target.scrollIntoViewIfNeeded()
  const scrollY = await page.evaluate(() => window.scrollY)
  const targetTitle = (await target.textContent())!
  await target.click()
  await expect(page).toHaveURL(/\/article\/.+\?hl=/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(targetTitle)
  await expect(page.getByRole('heading', { level: 1 }).locator('mark').first()).toBeVisible()
  // Highlighting can be turned off.
  await page.getByRole('link', { name: 'Turn off highlighting' }).click()
  await expect(page.getByRole('heading', { level: 1 }).locator('mark')).toHaveCount(0)

  // Back (twice: turning highlighting off replaced the entry, so once) to the same results, same place.
  await page.goBack()
  await expect(page).toHaveURL('/?q=border+tajikistan')
  // The same results, the opened one now marked as read.
  await expect(resultTitles(page)).toHaveText(
    titles.map((title, i) => (i === targetIndex ? `${title} (read)` : title)),
  )
  await expect(page.getByRole('searchbox', { name: 'Search news' })).toHaveValue(
    'border tajikistan',
  )
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollY - 40)
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrollY + 40)
})

test('a misspelling finds what was meant', async ({ page }) => {
  await page.goto('/')
  await typeQuery(page, 'Tajikstan')
  await expect(page.getByText('Including near spellings: tajikistan for tajikstan')).toBeVisible()
  await expect(page.getByText(/^24 results for “Tajikstan”/)).toBeVisible()
  await expect(resultTitles(page).first().locator('mark').first()).toHaveText(/Tajikistan/i)
})

test('a cold load of a query with a tag filter', async ({ page }) => {
  await page.goto('/?q=border&tag=Tajikistan')
  await expect(page.getByRole('searchbox', { name: 'Search news' })).toHaveValue('border')
  await expect(page.getByRole('link', { name: 'Remove filter Tajikistan' })).toBeVisible()
  const count = await resultTitles(page).count()
  expect(count).toBeGreaterThan(0)
  const status = await page.getByText(/results? for “border”/).textContent()
  // Removing the filter widens the search.
  await page.getByRole('link', { name: 'Remove filter Tajikistan' }).click()
  await expect(page).toHaveURL('/?q=border')
  await expect(page.getByText(/results? for “border”/)).not.toHaveText(status!)
  await expectNoHorizontalScroll(page)
})

test('an "exact phrase" and an -exclusion', async ({ page }) => {
  await page.goto('/?q=%22prime+minister%22')
  await expect(resultTitles(page).first()).toBeVisible()
  // Every shown result has the words together, in order, in its headline or snippet.
  for (const item of await results(page).locator(':scope > li').all()) {
    await expect(item).toContainText(/prime\s+minister/i)
  }

  await page.goto('/?q=earthquake')
  const all = Number(
    (await page.getByText(/results for “earthquake”/).textContent())!.match(/^\d+/)![0],
  )
  await page.goto('/?q=earthquake+-japan')
  const status = (await page.getByText(/results for “earthquake -japan”/).textContent())!
  expect(Number(status.match(/^\d+/)![0])).toBeLessThan(all)
  for (const item of await results(page).locator(':scope > li').all()) {
    await expect(item).not.toContainText(/japan/i)
  }
})

test('keyboard: "/" focuses the search field, Esc leaves it; Enter commits a search', async ({
  page,
}) => {
  await page.goto('/tags')
  await expect(page.getByRole('heading', { level: 1, name: 'All tags' })).toBeVisible()
  await page.keyboard.press('/')
  const box = page.getByRole('searchbox', { name: 'Search news' })
  await expect(box).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(box).not.toBeFocused()
  await page.keyboard.press('/')
  await page.keyboard.type('ceasefire')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/?q=ceasefire')
  await expect(resultTitles(page).first()).toBeVisible()
  // Back returns to where the search started.
  await page.goBack()
  await expect(page).toHaveURL('/tags')
})

test('tags among the results narrow the search', async ({ page, isMobile }) => {
  await page.goto('/?q=earthquake')
  if (isMobile) await page.getByText('Narrow by tag').click()
  const facets = page.getByRole('region', { name: 'Top tags in these results' })
  const first = facets.getByRole('link').first()
  await expect(first).toBeVisible()
  const name = (await first.locator('span').first().textContent())!
  await first.click()
  await expect(page).toHaveURL(
    new RegExp(`/\\?q=earthquake&tag=${encodeURIComponent(name).replace(/%20/g, '\\+')}$`),
  )
  await expect(page.getByRole('link', { name: `Remove filter ${name}` })).toBeVisible()
})

test('no results: a respelling or fewer words are offered', async ({ page }) => {
  await page.goto('/?q=tajikstan+ukraine')
  await expect(
    page.getByRole('heading', { name: 'Nothing found for “tajikstan ukraine”' }),
  ).toBeVisible()
  await page.getByRole('link', { name: 'ukraine', exact: true }).click()
  await expect(page).toHaveURL('/?q=ukraine')
  await expect(resultTitles(page).first()).toBeVisible()
})

test('tag: in the query is the tag filter', async ({ page }) => {
  await page.goto('/?q=border+tag%3A%22Tajikistan%22')
  await expect(resultTitles(page).first()).toBeVisible()
  const viaQuery = await resultTitles(page).allTextContents()
  expect(viaQuery.length).toBeGreaterThan(0)
  await page.goto('/?q=border&tag=Tajikistan')
  await expect(resultTitles(page)).toHaveText(viaQuery)
})
