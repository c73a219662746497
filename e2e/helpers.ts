import { expect, type Page } from '@playwright/test'

export const SEED_ID = 'tajikistan-unodc-discuss-cooperation-prospects'

/**
 * The first of the five ports the e2e servers listen on (default corpus, broken-corpus fixture,
 * static-host fixture, hostile-corpus fixture, the default corpus for service worker updates).
 * E2E_PORT moves them, so two checkouts can run their suites side by side.
 */
export const E2E_PORT = Number(process.env.E2E_PORT) || 4174

/** The default-corpus build again, where a test can deploy a changed service worker (offline.spec). */
export const NEXT_BUILD_URL = `http://localhost:${E2E_PORT + 4}`

/** A changed worker served there answers this message with its build (e2e/next-build-server.ts). */
export const BUILD_QUESTION = 'dateline-test:build?'

/** The address the default-corpus build is made for (SITE_URL) and served at in the tests. */
export const SITE_URL = `http://localhost:${E2E_PORT}`

/** The feed's headline links, in order. */
export function headlineLinks(page: Page) {
  return page
    .getByRole('list', { name: 'Headlines' })
    .getByRole('heading', { level: 2 })
    .getByRole('link')
}

/** Nothing may stick out sideways: the page must not scroll horizontally. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0)
}

/** The longest Wikinews article of the default corpus (an interview, 100,000 characters). */
export const LONG_ARTICLE_ID =
  'wikinews-living-with-hiv-during-covid-19-wikinews-talks-to-hiv-positive-sex-worke'

/** A tag of the default corpus whose chip is wider than a phone. */
export const LONG_TAG = 'Russian attacks on civilians in the Russo-Ukrainian war'

/** The app has taken the prerendered page over. */
export async function appReady(page: Page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
}

/** The view the URL asks for is drawn and nothing on it is still loading. */
export async function viewSettled(page: Page) {
  await page.waitForFunction(
    () =>
      !document.documentElement.classList.contains('dl-pending') &&
      !document.querySelector('[aria-busy="true"], .animate-pulse'),
  )
}

/** The reader's library (src/features/saved) as the page will find it in localStorage. */
export function seedLibrary(page: Page, library: object) {
  return page.addInitScript(
    ([key, value]) => localStorage.setItem(key!, value!),
    [
      'dateline:library:v1',
      JSON.stringify({ version: 1, views: [], articles: [], read: [], ...library }),
    ],
  )
}
