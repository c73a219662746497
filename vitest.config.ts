import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Unit tests need no compiled corpus, so the corpus plugin is left out (it would compile on start).
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': new URL('./src', import.meta.url).pathname } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./src/testing/setup-tests.ts'],
    restoreMocks: true,
    // A hang, not a speed check: property tests over random corpora take seconds on a loaded machine.
    testTimeout: 30_000,
  },
})
