import { readFileSync } from 'node:fs'

import type { Page } from '@playwright/test'

import { headlineLinks, SEED_ID } from './helpers'
import { expect, test } from './test'

const LIBRARY_KEY = 'dateline:library:v1'

/** The app is running the page (the prerendered one has been taken over). */
async function appReady(page: Page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
}

const resultTitles = (page: Page) =>
  page.getByRole('list', { name: 'Search results' }).getByRole('heading', { level: 2 })

test('a view built by clicking comes back whole after a reload', async ({ page }) => {
  await page.goto('/?tag=Gaza+war')
  await appReady(page)
  // A second tag, from the tags offered beside the list: narrows (AND), not replaces.
  await page
    .getByRole('link', { name: /^Armed conflicts and attacks, [\d,]+: narrow to it$/ })
    .click()
  await expect(page).toHaveURL('/?tag=Gaza+war&tag=Armed+conflicts+and+attacks')
  // A query, typed and committed.
  const box = page.getByRole('searchbox', { name: 'Search news' })
  await box.fill('strike')
  await box.press('Enter')
  await expect(page).toHaveURL('/?q=strike&tag=Gaza+war&tag=Armed+conflicts+and+attacks')
  // A date range, from the form.
  await page.getByText('Choose dates', { exact: true }).click()
  await page.getByLabel('From', { exact: true }).fill('2025-01-01')
  await page.getByLabel('To', { exact: true }).fill('2025-12-31')
  await page.getByRole('button', { name: 'Show these dates' }).click()
  await expect(page.getByRole('link', { name: /^Remove date range/ })).toBeVisible()
  // A sort, and the second page.
  await page.getByRole('link', { name: 'Sort by oldest' }).click()
  await page
    .getByRole('navigation', { name: 'Result pages, top' })
    .getByRole('link', { name: /Newer/ })
    .click()
  const url =
    '/?q=strike&tag=Gaza+war&tag=Armed+conflicts+and+attacks&from=2025-01-01&to=2025-12-31&sort=oldest&page=2'
  await expect(page).toHaveURL(url)
  await expect(page.getByText(/results for “strike” · page 2 of \d+/)).toBeVisible()
  const titles = await resultTitles(page).allTextContents()
  expect(titles.length).toBeGreaterThan(0)

  await page.reload()
  await expect(page).toHaveURL(url)
  await expect(resultTitles(page)).toHaveText(titles)
  for (const name of ['Remove filter Gaza war', 'Remove filter Armed conflicts and attacks'])
    await expect(page.getByRole('link', { name })).toBeVisible()
  await expect(page.getByRole('link', { name: /^Remove date range/ })).toBeVisible()
})

test('back and forward restore each list and where it was scrolled to', async ({ page }) => {
  const views = [
    '/',
    '/?tag=Gaza+war',
    '/?tag=Gaza+war&sort=oldest',
    '/?tag=Gaza+war&sort=oldest&page=2',
    '/?sort=oldest&page=1',
  ]
  // Each next view by a click on the app's own link, clicked in the page itself: a click through
  // the test runner first scrolls the link into view, and the position to come back to is the one
  // the reader left.
  const click = (selector: string) =>
    page.evaluate((css) => document.querySelector<HTMLElement>(css)!.click(), selector)
  const steps = [
    () => click('a[title="Narrow to Gaza war"]'),
    () => click('a[aria-label="Sort by oldest"]'),
    () => click('nav[aria-label="Pages, top"] a[rel="next"]'),
    () => click('a[aria-label="Remove filter Gaza war"]'),
  ]
  views[4] = '/?sort=oldest'
  await page.goto(views[0]!)
  await appReady(page)
  const scrolls: number[] = []
  const firstHeadlines: string[] = []
  for (let i = 0; i < views.length; i++) {
    if (i > 0) {
      await steps[i - 1]!()
      await expect(page).toHaveURL(views[i]!)
      // The new list is drawn (the URL changes before the render that shows it), and the app
      // has taken the page to its top, as it does for every new view.
      await expect(headlineLinks(page).first()).not.toHaveText(firstHeadlines[i - 1]!)
      await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(0)
    }
    await expect(headlineLinks(page).first()).toBeVisible()
    firstHeadlines.push((await headlineLinks(page).first().textContent())!)
    await page.evaluate((top) => window.scrollTo(0, top), 300 + i * 250)
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(300 + i * 250)
    scrolls.push(300 + i * 250)
  }
  for (let i = views.length - 2; i >= 0; i--) {
    await page.goBack()
    await expect(page).toHaveURL(views[i]!)
    await expect(headlineLinks(page).first()).toHaveText(firstHeadlines[i]!)
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(scrolls[i])
  }
  for (let i = 1; i < views.length; i++) {
    await page.goForward()
    await expect(page).toHaveURL(views[i]!)
    await expect(headlineLinks(page).first()).toHaveText(firstHeadlines[i]!)
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(scrolls[i])
  }
})

test('a reload keeps the scroll position, and Back from an article lands on its headline', async ({
  page,
}) => {
  await page.goto('/?tag=Gaza+war')
  await appReady(page)
  const eighth = headlineLinks(page).nth(7)
  await eighth.scrollIntoViewIfNeeded()
  const title = (await eighth.textContent())!
  const y = await page.evaluate(() => Math.round(window.scrollY))
  expect(y).toBeGreaterThan(200)
  await page.reload()
  await appReady(page)
  await expect
    .poll(() => page.evaluate(() => Math.round(window.scrollY)))
    .toBeGreaterThanOrEqual(y - 4)
  expect(await page.evaluate(() => Math.round(window.scrollY))).toBeLessThanOrEqual(y + 4)
  await headlineLinks(page).filter({ hasText: title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await page.goBack()
  await expect(headlineLinks(page).filter({ hasText: title })).toBeInViewport()
})

test('a saved view opens from /saved in a new page', async ({ page, context }) => {
  await page.goto('/?tag=Tajikistan&sort=oldest')
  await appReady(page)
  const titles = await headlineLinks(page).allTextContents()
  await page.getByRole('button', { name: 'Save this view' }).click()
  const name = page.getByRole('textbox', { name: 'Name' })
  await expect(name).toHaveValue('Tajikistan · oldest first')
  await name.fill('Tajik story, from the start')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Saved as “Tajik story, from the start”')).toBeVisible()

  const other = await context.newPage()
  await other.goto('/saved')
  const saved = other.getByRole('list', { name: 'Saved views' })
  await saved.getByRole('link', { name: 'Tajik story, from the start' }).click()
  await expect(other).toHaveURL('/?tag=Tajikistan&sort=oldest')
  await expect(headlineLinks(other)).toHaveText(titles)

  // Rename, then delete.
  await other.goto('/saved')
  await other.getByRole('button', { name: 'Rename Tajik story, from the start' }).click()
  await other.getByRole('textbox', { name: 'Name' }).fill('Tajikistan')
  await other.getByRole('button', { name: 'Rename', exact: true }).click()
  await expect(saved.getByRole('link', { name: 'Tajikistan' })).toBeVisible()
  await other.getByRole('button', { name: 'Delete Tajikistan' }).click()
  await expect(other.getByText(/None yet/)).toBeVisible()
})

test('the reading list: add and remove from a list and from an article', async ({ page }) => {
  await page.goto('/?tag=Tajikistan')
  await appReady(page)
  const first = page.getByRole('list', { name: 'Headlines' }).getByRole('listitem').first()
  const firstTitle = (await headlineLinks(page).first().textContent())!
  const toggle = first.getByRole('button', { name: /^Save / })
  await toggle.click()
  await expect(first.getByRole('button', { name: /Saved/ })).toHaveAttribute('aria-pressed', 'true')

  await page.goto(`/article/${SEED_ID}`)
  await appReady(page)
  const save = page
    .getByRole('button', { name: 'Save', exact: false })
    .filter({ hasText: /^☆\s*Save$/ })
  await save.click()
  await expect(page.getByRole('button', { name: /Saved/ })).toHaveAttribute('aria-pressed', 'true')

  await page.goto('/saved')
  const list = page.getByRole('list', { name: 'Reading list' })
  await expect(list.getByRole('link')).toHaveText([
    'Tajikistan, UNODC Discuss Cooperation Prospects',
    firstTitle,
  ])
  await page.getByRole('button', { name: `Remove ${firstTitle} from the reading list` }).click()
  await expect(list.getByRole('link')).toHaveText([
    'Tajikistan, UNODC Discuss Cooperation Prospects',
  ])

  // Opened articles look read in lists.
  await page.goto('/?tag=Tajikistan')
  await appReady(page)
  await expect(
    page.getByRole('link', { name: /Tajikistan, UNODC Discuss Cooperation Prospects \(read\)/ }),
  ).toBeVisible()
})

test('saved items go to a file and come back in a fresh browser', async ({ page, browser }) => {
  await page.goto('/?tag=Water')
  await appReady(page)
  await page.getByRole('button', { name: 'Save this view' }).click()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.goto(`/article/${SEED_ID}`)
  await appReady(page)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.goto('/saved')
  // Saved newest first a moment ago: nothing has come since.
  await expect(page.getByText('Nothing new')).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export' }).click()
  const file = await (await download).path()
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { version: number; views: unknown[] }
  expect(exported.version).toBe(1)
  expect(exported.views).toHaveLength(1)

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.goto('/saved')
  await expect(other.getByText(/None yet/)).toBeVisible()
  await other.getByLabel('Import a file…').setInputFiles(file)
  await expect(other.getByText('Imported 1 view and 1 article.')).toBeVisible()
  await expect(other.getByRole('list', { name: 'Saved views' }).getByRole('link')).toHaveText([
    'Water',
  ])
  await expect(other.getByRole('list', { name: 'Reading list' }).getByRole('link')).toHaveText([
    'Tajikistan, UNODC Discuss Cooperation Prospects',
  ])
  // Importing the same file again adds nothing.
  await other.getByLabel('Import a file…').setInputFiles(file)
  await expect(other.getByText('Imported 0 views and 0 articles.')).toBeVisible()
  await fresh.close()
})

test('damaged saved data: a notice, and everything else works', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version":1,"views":[{"id":')
      sessionStorage.setItem('seeded', '1')
    }
  }, LIBRARY_KEY)
  await page.goto('/saved')
  await expect(page.getByRole('alert')).toContainText('could not be read')
  await page.getByRole('button', { name: 'Understood' }).click()
  await page.goto(`/article/${SEED_ID}`)
  await appReady(page)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.goto('/saved')
  await expect(page.getByRole('list', { name: 'Reading list' }).getByRole('link')).toHaveCount(1)
})

test('the timeline narrows a list to the month clicked', async ({ page }) => {
  await page.goto('/?tag=Gaza+war')
  await appReady(page)
  const total = Number(
    (await page.getByText(/^[\d,]+ articles, newest first/).textContent())!
      .split(' ')[0]!
      .replace(',', ''),
  )
  const chart = page.getByRole('img', { name: /articles from Jan 2025 to/ })
  const box = (await chart.boundingBox())!
  // The sixth month: June 2025.
  const bars = await page.locator('figure svg > g').count()
  await page.mouse.click(box.x + (box.width / bars) * 5.5, box.y + box.height - 4)
  await expect(page).toHaveURL('/?tag=Gaza+war&from=2025-06-01&to=2025-06-30')
  await expect(
    page.getByText(/^[\d,]+ articles, newest first · 1 Jun 2025 – 30 Jun 2025/),
  ).toBeVisible()
  const narrowed = Number(
    (await page.getByText(/^[\d,]+ articles, newest first/).textContent())!
      .split(' ')[0]!
      .replace(',', ''),
  )
  expect(narrowed).toBeGreaterThan(0)
  expect(narrowed).toBeLessThan(total)
  await expect(
    page.getByRole('link', { name: /^Remove date range 1 Jun 2025 – 30 Jun 2025$/ }),
  ).toBeVisible()
  for (const time of await page.locator('[aria-label="Headlines"] time').all())
    expect(await time.getAttribute('datetime')).toMatch(/^2025-06/)
})

test('-tag: in a search leaves the tag out', async ({ page }) => {
  await page.goto('/')
  await appReady(page)
  const box = page.getByRole('searchbox', { name: 'Search news' })
  await box.fill('drone -tag:Ukraine')
  await box.press('Enter')
  await expect(page).toHaveURL('/?q=drone&notag=Ukraine')
  await expect(page.getByRole('link', { name: 'Stop leaving out Ukraine' })).toBeVisible()
  await expect(resultTitles(page).first()).toBeVisible()
  const chips = await page
    .getByRole('list', { name: 'Search results' })
    .getByRole('list', { name: 'Tags' })
    .getByRole('listitem')
    .allTextContents()
  expect(chips.length).toBeGreaterThan(0)
  expect(chips).not.toContain('Ukraine')
})
