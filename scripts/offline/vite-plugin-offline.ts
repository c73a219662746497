/**
 * Offline reading and installing: vite-plugin-pwa builds the service worker (src/sw.ts) and the
 * web app manifest, and links the manifest from index.html (so from every prerendered page).
 *
 * vite-plugin-pwa writes the worker when the client build closes, but the prerender writes
 * index.html (the front page, precached as the shell) afterwards, in the build's last step. So the
 * worker is written again once the prerender is done, and its precache list names the files as
 * they end up in dist/. Only the shell is precached, never the prerendered pages or the corpus.
 */
import type { Plugin, ResolvedConfig } from 'vite'
import { VitePWA, type VitePluginPWAAPI } from 'vite-plugin-pwa'

export interface OfflineOptions {
  name: string
  description: string
  /** The browser's toolbar on the installed app: the header's colour (--surface in styles.css). */
  themeColor: string
  /** The splash screen: the page colour (--paper). */
  backgroundColor: string
}

/** The app shell, relative to dist/: what the worker must have to start the app offline. */
const PRECACHE_PATTERNS = ['assets/*.{js,css,woff2,svg,png}', 'index.html']

export function offlinePlugins(options: OfflineOptions): Plugin[] {
  return [
    ...VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // Registered by the app itself once it runs (src/features/offline), never by an inline script.
      injectRegister: false,
      registerType: 'prompt',
      // With the manifest's icons (added by vite-plugin-pwa), the rest of the shell.
      includeAssets: ['favicon.svg'],
      manifest: {
        name: options.name,
        short_name: options.name,
        description: options.description,
        // start_url, scope and id default to the base path (BASE_PATH).
        display: 'standalone',
        theme_color: options.themeColor,
        background_color: options.backgroundColor,
        lang: 'en',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        globPatterns: PRECACHE_PATTERNS,
        // One classic script with workbox inlined: nothing imported from anywhere, no eval.
        rollupFormat: 'iife',
      },
    }),
    writeWorkerAfterPrerender(),
  ]
}

function writeWorkerAfterPrerender(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'dateline-offline',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    buildApp: {
      // After the prerender plugin's own 'post' step (it is listed before this plugin).
      order: 'post',
      async handler() {
        const api = config.plugins.find((plugin) => plugin.name === 'vite-plugin-pwa')?.api as
          VitePluginPWAAPI | undefined
        if (!api) throw new Error('the offline plugin needs vite-plugin-pwa')
        await api.generateSW()
      },
    },
  }
}
