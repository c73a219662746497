import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'

import { App } from './app/app'
import { createAppRouter } from './app/router'
import { createQueryClient } from './lib/query-client'
import { PENDING_CLASS, PRERENDERED_ATTRIBUTE } from './lib/prerender-contract'
import './styles.css'

const queryClient = createQueryClient()
const router = createAppRouter(queryClient)
const container = document.getElementById('root')!
const html = document.documentElement
const app = (
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>
)

/** Resolves once the first view's code and data are in (or its loader failed). */
function initialized(): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve()
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return
      unsubscribe()
      resolve()
    })
  })
}

if (!html.hasAttribute(PRERENDERED_ATTRIBUTE)) {
  // Development, or a host that served no prerendered page: the app draws everything itself.
  createRoot(container).render(app)
} else {
  // The prerendered page is on screen. React takes it over once the view's code and data are
  // loaded, so its first render is the same page rather than a skeleton.
  await initialized()
  const pending = html.classList.contains(PENDING_CLASS)
  if (!pending && router.state.errors) {
    // The page's data could not be loaded (offline, a server error). The prerendered page is
    // the right page and stays: a plain web page, its links load pages from the server.
    console.warn(
      'Dateline: the app could not start here; the page stays as served.',
      router.state.errors,
    )
  } else if (!pending) {
    // As a transition, hydration yields to the browser every few milliseconds: the page is already
    // readable, so taking it over must not block scrolling or a tap (Total Blocking Time).
    startTransition(() => {
      hydrateRoot(container, app, {
        // React recovers by drawing the page again; a mismatch is still a bug to hear about.
        onRecoverableError: (error, info) =>
          console.error('Dateline: the prerendered page differs from the app', error, info),
      })
    })
  } else {
    // The page on screen is not the view the URL asks for (a filter, a search, another page; the
    // boot script hid it): draw the right one in its place (the layout shows it when it commits).
    const root = createRoot(container)
    startTransition(() => root.render(app))
  }
}
