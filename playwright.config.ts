import { defineConfig, devices } from '@playwright/test'

import { E2E_PORT, SITE_URL } from './e2e/helpers.ts'
import { chromiumLaunchOptions as launchOptions } from './scripts/chromium.ts'

const PORT = E2E_PORT
const FIXTURE_PORT = E2E_PORT + 1
const STATIC_HOST_PORT = E2E_PORT + 2
const HOSTILE_PORT = E2E_PORT + 3
const NEXT_BUILD_PORT = E2E_PORT + 4

/** A build served as a plain static host serves it (scripts/serve.ts): files, .html, 404.html. */
const served = (build: string, outDir: string, port: number, base = '/') => ({
  command: `${build} && npx tsx scripts/serve.ts --dir ${outDir} --port ${port} --base ${base}`,
  url: `http://localhost:${port}${base}`,
  reuseExistingServer: !process.env.CI,
  timeout: 300_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
})

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'on-first-retry',
    launchOptions,
    // The app registers a service worker, and requests a service worker answers bypass
    // page.route(): only e2e/offline.spec.ts (and tests that say so) let it run.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'desktop',
      // Touch targets and narrow screens (e2e/touch.spec.ts) are the phone project's.
      testIgnore: /fixture-corpus|static-host|hostile-corpus|touch/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions },
    },
    {
      // A small Android phone: 360×800, touch, mobile user agent, rendered by Chromium.
      name: 'mobile',
      testIgnore: /fixture-corpus|static-host|hostile-corpus/,
      // Every fault on every view (e2e/failures.spec.ts) is width-independent: desktop runs it.
      grepInvert: /@fault-matrix/,
      use: { ...devices['Pixel 7'], viewport: { width: 360, height: 800 }, launchOptions },
    },
    {
      // A build of a corpus given by CORPUS, with broken articles in it.
      name: 'fixture-corpus',
      testMatch: /fixture-corpus/,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://localhost:${FIXTURE_PORT}`,
        launchOptions,
      },
    },
    {
      // A build under a sub-path (BASE_PATH=/reader/), with ids that look like file names.
      name: 'static-host',
      testMatch: /static-host/,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://localhost:${STATIC_HOST_PORT}`,
        launchOptions,
      },
    },
    {
      // A build of a corpus written to break things: markup and script in every field, unsafe
      // links, invisible and right-to-left characters, prototype names, a 10,000-character word.
      name: 'hostile-corpus',
      testMatch: /hostile-corpus/,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 900 },
        baseURL: `http://localhost:${HOSTILE_PORT}`,
        launchOptions,
      },
    },
    {
      name: 'hostile-corpus-mobile',
      testMatch: /hostile-corpus/,
      use: {
        ...devices['Pixel 7'],
        viewport: { width: 360, height: 800 },
        baseURL: `http://localhost:${HOSTILE_PORT}`,
        launchOptions,
      },
    },
  ],
  webServer: [
    // The production build on the default corpus.
    served(`SITE_URL=${SITE_URL} npm run build`, 'dist', PORT),
    served(
      'CORPUS=e2e/fixtures/broken-corpus npx vite build --outDir .cache/dist-fixture',
      '.cache/dist-fixture',
      FIXTURE_PORT,
    ),
    served(
      `CORPUS=e2e/fixtures/static-host SITE_URL=https://news.example.org BASE_PATH=/reader/ ` +
        'npx vite build --outDir .cache/dist-static-host',
      '.cache/dist-static-host',
      STATIC_HOST_PORT,
      '/reader/',
    ),
    served(
      `CORPUS=e2e/fixtures/hostile-corpus SITE_URL=http://localhost:${HOSTILE_PORT} ` +
        'npx vite build --outDir .cache/dist-hostile',
      '.cache/dist-hostile',
      HOSTILE_PORT,
    ),
    // The default-corpus build again, where a test can "deploy" a new service worker (offline.spec).
    {
      command: `npx tsx e2e/next-build-server.ts --dir dist --port ${NEXT_BUILD_PORT}`,
      url: `http://localhost:${NEXT_BUILD_PORT}/`,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
  ],
})
