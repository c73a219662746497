import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

import { corpusPlugin } from './scripts/corpus/vite-plugin-corpus.ts'

export default defineConfig({
  plugins: [react(), tailwindcss(), corpusPlugin()],
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
})
