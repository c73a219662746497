import { defineConfig, devices } from '@playwright/test'

import { chromiumLaunchOptions as launchOptions } from './scripts/chromium.ts'

const PORT = 4174
const FIXTURE_PORT = 4175

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
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: /fixture-corpus/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions },
    },
    {
      // A small Android phone: 360×800, touch, mobile user agent, rendered by Chromium.
      name: 'mobile',
      testIgnore: /fixture-corpus/,
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
  ],
  webServer: [
    {
      // The production build on the default corpus, served as any static host would.
      command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command:
        `CORPUS=e2e/fixtures/broken-corpus npx vite build --outDir .cache/dist-fixture && ` +
        `npx vite preview --outDir .cache/dist-fixture --port ${FIXTURE_PORT} --strictPort`,
      url: `http://localhost:${FIXTURE_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
