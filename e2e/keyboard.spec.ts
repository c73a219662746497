import type { Page } from '@playwright/test'

import { headlineLinks, SEED_ID } from './helpers'
import { expect, test } from './test'

/** The app is running the page (its shortcuts are live, not only the boot script's "/"). */
async function appReady(page: Page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search news' })
const marked = (page: Page) => page.locator('[data-headline][aria-current="true"]')

test('a keyboard-only journey: a list, an article and back, a search, save, Saved', async ({
  page,
}) => {
  await page.goto('/')
  await appReady(page)
  const links = headlineLinks(page)
  const heading = page.getByRole('heading', { level: 1 })

  // The first Tab reaches the skip link.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()

  // The first j marks the first headline; the current one is marked, focused and on screen.
  await page.keyboard.press('j')
  await expect(links.first()).toHaveAttribute('aria-current', 'true')
  await expect(links.first()).toBeFocused()
  for (const key of ['j', 'k', 'j']) await page.keyboard.press(key)
  await expect(links.nth(1)).toHaveAttribute('aria-current', 'true')
  await expect(links.nth(1)).toBeFocused()
  await expect(links.nth(1)).toBeInViewport()
  await expect(marked(page)).toHaveCount(1)

  // Enter opens it; u goes back to the list, where it is still the current headline.
  const second = (await links.nth(1).textContent())!
  await page.keyboard.press('Enter')
  await expect(heading).toHaveText(second)
  await expect(heading).toBeFocused()
  await page.keyboard.press('u')
  await expect(page).toHaveURL('/')
  await expect(links.nth(1)).toHaveAttribute('aria-current', 'true')
  await expect(marked(page)).toHaveCount(1)

  // "/" and a query; Esc leaves the field, j marks the first result, s saves it.
  await page.keyboard.press('/')
  await expect(searchBox(page)).toBeFocused()
  await page.keyboard.type('tajikistan', { delay: 30 })
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/?q=tajikistan')
  await page.keyboard.press('Escape')
  await expect(searchBox(page)).not.toBeFocused()
  const results = page.getByRole('list', { name: 'Search results' })
  const firstResult = results.getByRole('listitem').first()
  await expect(firstResult).toBeVisible()
  await page.keyboard.press('j')
  const resultLink = firstResult.getByRole('heading', { level: 2 }).getByRole('link')
  await expect(resultLink).toHaveAttribute('aria-current', 'true')
  const resultTitle = (await resultLink.textContent())!
  await page.keyboard.press('s')
  await expect(firstResult.getByRole('button', { name: /Saved/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  )

  // g s: the reading list has it.
  await page.keyboard.press('g')
  await page.keyboard.press('s')
  await expect(page).toHaveURL('/saved')
  await expect(heading).toBeFocused()
  await expect(page.getByRole('list', { name: 'Reading list' }).getByRole('link')).toHaveText([
    resultTitle,
  ])
})

test('? lists the shortcuts; Esc closes the list and focus goes back', async ({ page }) => {
  await page.goto('/')
  await appReady(page)
  await page.keyboard.press('j')
  const first = headlineLinks(page).first()
  await expect(first).toBeFocused()

  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('row', { name: 'g then h Go to the latest news' })).toBeVisible()
  await expect(dialog.getByRole('row', { name: 'o or Enter Open the headline' })).toBeVisible()
  // Shortcuts wait while the list is open.
  await page.keyboard.press('j')
  await expect(first).toHaveAttribute('aria-current', 'true')
  await expect(dialog).toBeVisible()

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(first).toBeFocused()
  await expect(page).toHaveURL('/')

  // The Close button closes it too.
  await page.keyboard.press('?')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
})

test('shortcut keys typed into a field are letters, and a modifier turns them off', async ({
  page,
}) => {
  await page.goto('/')
  await appReady(page)
  await page.keyboard.press('/')
  await page.keyboard.type('jgs', { delay: 30 })
  await expect(searchBox(page)).toHaveValue('jgs')
  await expect(marked(page)).toHaveCount(0)
  await expect(page).not.toHaveURL('/saved')
  await page.keyboard.press('Escape')
  await expect(searchBox(page)).not.toBeFocused()

  await page.goto('/')
  await appReady(page)
  await page.keyboard.press('Alt+j')
  await expect(marked(page)).toHaveCount(0)
  await page.keyboard.press('j')
  await expect(marked(page)).toHaveCount(1)
})

test('] and [ turn the pages; g t and g h go to Tags and home', async ({ page }) => {
  await page.goto('/')
  await appReady(page)
  const first = (await headlineLinks(page).first().textContent())!
  await page.keyboard.press(']')
  // The older page after the front page's (pages are numbered from the oldest).
  await expect(page).toHaveURL(/\/page\/\d+$/)
  await expect(headlineLinks(page).first()).not.toHaveText(first)
  await page.keyboard.press('[')
  await expect(page).toHaveURL('/')
  await expect(headlineLinks(page).first()).toHaveText(first)

  await page.keyboard.press('g')
  await page.keyboard.press('t')
  await expect(page).toHaveURL('/tags')
  await page.keyboard.press('g')
  await page.keyboard.press('h')
  await expect(page).toHaveURL('/')
})

test('on an article, s saves that article and u goes to the latest news', async ({ page }) => {
  await page.goto(`/article/${SEED_ID}`)
  await appReady(page)
  await page.keyboard.press('s')
  await expect(page.getByRole('button', { name: /Saved/ })).toHaveAttribute('aria-pressed', 'true')
  // Opened from outside the app: no list behind it in history.
  await page.keyboard.press('u')
  await expect(page).toHaveURL('/')
})
