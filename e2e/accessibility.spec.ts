import type { Page } from '@playwright/test'

import { headlineLinks, SEED_ID } from './helpers'
import { expect, test } from './test'

/** The page's background in its first painted frame (recorded before any paint, then read). */
async function firstFrameBackground(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const seen = (window as unknown as { __firstFrame?: string }).__firstFrame
        if (seen) resolve(seen)
        else
          requestAnimationFrame(() =>
            resolve((window as unknown as { __firstFrame: string }).__firstFrame),
          )
      }),
  )
}

test.beforeEach(async ({ page }) => {
  // Rendering steps run rAF callbacks just before a frame is painted: the first one sees what the
  // first frame shows (the stylesheet is render-blocking, so it has applied by then).
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      ;(window as unknown as { __firstFrame: string }).__firstFrame = getComputedStyle(
        document.documentElement,
      ).backgroundColor
    })
  })
})

const LIGHT = 'rgb(253, 252, 249)'
const DARK = 'rgb(18, 17, 16)'

test('a chosen theme survives a reload, and the first frame already has it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  expect(await firstFrameBackground(page)).toBe(LIGHT)
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await expect(page.locator('html')).toHaveCSS('background-color', DARK)

  for (const path of ['/', `/article/${SEED_ID}`, '/tags', '/?tag=Tajikistan']) {
    await page.goto(path)
    expect(await firstFrameBackground(page), path).toBe(DARK)
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark')
  }

  // Back to the system's theme: a dark system shows dark, a light one light.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.reload()
  expect(await firstFrameBackground(page)).toBe(DARK)
  await page.emulateMedia({ colorScheme: 'light' })
  await page.reload()
  expect(await firstFrameBackground(page)).toBe(LIGHT)
})

test('a light choice holds on a dark system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/')
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light')
  await page.reload()
  expect(await firstFrameBackground(page)).toBe(LIGHT)
})

test('after an in-app navigation, focus is on the new page’s heading and its title is said', async ({
  page,
}) => {
  await page.goto('/')
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
  const link = headlineLinks(page).nth(1)
  const title = (await link.textContent())!
  await link.focus()
  await page.keyboard.press('Enter')
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(title)
  await expect(heading).toBeFocused()
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: title })).toHaveCount(1)
  // The next Tab starts from the heading, not from the top of the page or mid-list.
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeFocused()
  // Typing a search keeps the focus in the field.
  const box = page.getByRole('searchbox', { name: 'Search news' })
  await box.fill('border')
  await box.press('Enter')
  await expect(page).toHaveURL('/?q=border')
  await expect(box).toBeFocused()
})
