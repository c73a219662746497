import { expect, test } from './test'

import { expectNoHorizontalScroll, headlineLinks } from './helpers'

// Built with CORPUS=e2e/fixtures/broken-corpus: 7 good articles (one with a javascript: link,
// dropped by the compiler) and 7 broken ones.

test('a corpus with broken articles shows the good ones', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByText('7 articles, newest first')).toBeVisible()
  await expect(headlineLinks(page)).toHaveText([
    'Festival closes after a week',
    'Border talks resume between neighbours',
    'River festival opens in Dushanbe',
    'Water summit ends with a joint statement',
    '<img src=x onerror="window.__pwned=1"> Markup in a headline stays text',
    'A link that would run script',
    'Headline-only item without a date',
  ])
  await expect(page.getByText('Dated the thirtieth of February')).toHaveCount(0)
  await expect(page.getByText('A second article with a taken id')).toHaveCount(0)
})

test('markup in the corpus is shown as text and never runs', async ({ page }) => {
  await page.goto('/article/script-in-title')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=')
  await expect(
    page.getByText('<script>window.__pwned = 2</script> This body mentions markup.'),
  ).toBeVisible()
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined()
  await expect(page.locator('main img, main script')).toHaveCount(0)
})

test('an article whose link would run script is kept without the link', async ({ page }) => {
  await page.goto('/article/script-url')
  await expect(
    page.getByRole('heading', { level: 1, name: 'A link that would run script' }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Original article' })).toHaveCount(0)
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0)
})

test('a very long word wraps on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 })
  await page.goto('/article/script-in-title')
  await expect(page.getByText(/AVeryLongWord/)).toBeVisible()
  await expectNoHorizontalScroll(page)
})
