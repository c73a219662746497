import '@testing-library/jest-dom/vitest'

import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy* waits for what a test awaits (a lazy route's first render loads its module): 1 s, the
// default, is too short on a loaded 2-core CI machine. A wait is not a speed check; benchmarks are.
configure({ asyncUtilTimeout: 4000 })

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup()
})
