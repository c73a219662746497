import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

import { corpusPlugin } from './scripts/corpus/vite-plugin-corpus.ts'
import { deployChangesPlugin } from './scripts/deploy/vite-plugin-changes.ts'
import { offlinePlugins } from './scripts/offline/vite-plugin-offline.ts'
import { prerenderPlugin } from './scripts/prerender/vite-plugin-prerender.ts'
import { normalizeBase, siteOrigin } from './scripts/prerender/site.ts'

// BASE_PATH: the sub-path the site is served under ("/reader/"); SITE_URL: its public origin, for
// canonical links, link previews, feeds and the sitemap.
const base = normalizeBase(process.env.BASE_PATH)
const DEFAULT_SITE_URL = 'http://localhost:4173'

export default defineConfig(({ command }) => {
  if (command === 'build' && !process.env.SITE_URL)
    console.warn(
      `SITE_URL is not set: canonical links, feeds and the sitemap point at ${DEFAULT_SITE_URL}. ` +
        'Set it to the address readers use, e.g. SITE_URL=https://news.example.org npm run build',
    )
  return {
    base,
    plugins: [
      react(),
      tailwindcss(),
      corpusPlugin(),
      prerenderPlugin({
        origin: siteOrigin(process.env.SITE_URL ?? DEFAULT_SITE_URL, base),
        name: 'Dateline',
      }),
      // After the prerender: the service worker precaches the prerendered front page.
      ...offlinePlugins({
        name: 'Dateline',
        description: 'A fast, calm news reader',
        themeColor: '#ffffff',
        backgroundColor: '#fdfcf9',
      }),
      // Last: what the build wrote, and what changed since the previous build, for the deploy.
      deployChangesPlugin(),
    ],
    resolve: { alias: { '@': new URL('./src', import.meta.url).pathname } },
    build: {
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: {
        // The libraries every view needs change less often than app code: one long-cached chunk.
        // Libraries used by one view (list virtualisation on /tags) stay in that view's chunk.
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'vendor',
                test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack[\\/](react-query|query-core))[\\/]/,
              },
            ],
          },
        },
      },
    },
    server: { port: 5173 },
    preview: { port: 4173 },
  }
})
