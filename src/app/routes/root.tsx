import { useQuery } from '@tanstack/react-query'
import {
  isRouteErrorResponse,
  Link,
  Outlet,
  ScrollRestoration,
  useNavigation,
  useRouteError,
  type Location,
} from 'react-router-dom'

import { RouteAnnouncer } from '@/components/ui/route-announcer'
import { APP_NAME } from '@/config/env'
import { isFeedPath, paths, pathPageOf, withBase } from '@/config/paths'
import { feedQueries } from '@/features/feed/api/feed-queries'
import { AppStatus } from '@/features/offline/components/app-status'
import { ThemePicker } from '@/features/preferences/components/theme-picker'
import { SearchBox } from '@/features/search/components/search-box'
import { KeyboardShortcuts } from '@/features/shortcuts/components/keyboard-shortcuts'
import { UrlStateProvider, useUrlState } from '@/lib/url-state'
import { useRevealView } from '@/lib/use-reveal-view'
import { isPlainFeed, parseView } from '@/lib/view-state'

import { NotFound } from './not-found'

function Brand() {
  return (
    <Link
      to={paths.feed()}
      className="font-serif text-2xl font-black tracking-tight text-ink no-underline sm:text-3xl"
    >
      {APP_NAME}
    </Link>
  )
}

const navClass = (current: boolean) =>
  `inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium no-underline touch:min-h-11 ${current ? 'bg-chip text-ink' : 'text-muted hover:text-ink'}`

/** The sections; "Latest" is current only on the unfiltered feed, not on a search or a tag view. */
function MainNav() {
  const url = useUrlState()
  const sections = [
    {
      label: 'Latest',
      to: paths.feed(),
      current:
        isFeedPath(url.pathname) && isPlainFeed(parseView(url.search, pathPageOf(url.pathname))),
    },
    { label: 'Tags', to: paths.tags(), current: url.pathname === paths.tags() },
    { label: 'Saved', to: paths.saved(), current: url.pathname === paths.saved() },
  ]
  return (
    <nav aria-label="Main">
      <ul className="flex gap-1">
        {sections.map(({ label, to, current }) => (
          <li key={label}>
            <Link to={to} aria-current={current ? 'page' : undefined} className={navClass(current)}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function Header() {
  return (
    <header className="border-b border-line bg-surface print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:flex-nowrap sm:px-6">
        <Brand />
        <div className="order-last w-full sm:order-none sm:max-w-md sm:flex-1" data-needs-script>
          <SearchBox />
        </div>
        <div className="flex items-center gap-2">
          <MainNav />
          <div data-needs-script>
            <ThemePicker />
          </div>
        </div>
      </div>
    </header>
  )
}

function Footer() {
  const { data: info } = useQuery(feedQueries.info())
  return (
    <footer className="mt-16 border-t border-line print:hidden">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-8 text-sm text-muted sm:px-6">
        {/* No count here: every page has this footer, and a count would change them all with each
            new article (the front page and the tag index say how many there are). */}
        <p>
          {APP_NAME} · {info ? info.name : 'news reader'}
        </p>
        <p>Each article names its source, credit and licence on its page.</p>
        <p>
          <a
            href={withBase(paths.siteFeed())}
            type="application/atom+xml"
            className="inline-block py-1 underline"
          >
            Follow the latest news in a feed reader (Atom)
          </a>
        </p>
      </div>
    </footer>
  )
}

/** A thin bar while the next view loads, so a click never seems ignored. */
function NavigationProgress() {
  const navigation = useNavigation()
  if (navigation.state === 'idle') return null
  return (
    <div
      role="progressbar"
      aria-label="Loading"
      className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-accent-soft print:hidden"
    >
      <div className="h-full w-1/3 animate-[progress_1s_ease-in-out_infinite] bg-accent" />
    </div>
  )
}

/**
 * The first thing Tab reaches: Enter moves the focus to main. Done here rather than by the
 * fragment, which would also add a #main history entry (Back would stay on the page); before the
 * app has started, the plain link does it.
 */
function SkipLink() {
  return (
    <a
      href="#main"
      onClick={(event) => {
        event.preventDefault()
        document.getElementById('main')?.focus()
      }}
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:inline-flex focus:min-h-11 focus:items-center focus:rounded focus:bg-surface focus:px-4 focus:text-ink"
    >
      Skip to content
    </a>
  )
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <UrlStateProvider>
      <div className="flex min-h-dvh flex-col print:min-h-0">
        <SkipLink />
        <Header />
        <RouteAnnouncer />
        <AppStatus />
        <noscript>
          <p className="mx-auto w-full max-w-6xl px-4 pt-4 text-sm text-muted sm:px-6 print:hidden">
            You are reading without JavaScript: the latest news, every article and the tag index
            work; search and tag filters need JavaScript.
          </p>
        </noscript>
        {/* At least a screen tall, so the footer never shows under a view that is still loading and
          then jumps away when it arrives (layout shift). */}
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto min-h-dvh w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8 print:min-h-0 print:p-0"
        >
          {children}
        </main>
        <Footer />
      </div>
    </UrlStateProvider>
  )
}

/**
 * Where each history entry was scrolled to is kept by entry (Back, Forward and a reload return to
 * it). A page loaded from an address has no entry key of its own yet ("default" for all of
 * them): such pages are told apart by their URL.
 */
const scrollKey = (location: Location) =>
  location.key === 'default' ? `${location.pathname}${location.search}` : location.key

export function RootLayout() {
  const navigation = useNavigation()
  useRevealView()
  return (
    <Shell>
      <NavigationProgress />
      <div data-view aria-busy={navigation.state === 'loading'}>
        <Outlet />
      </div>
      <ScrollRestoration getKey={scrollKey} />
      <KeyboardShortcuts />
    </Shell>
  )
}

/** Last line of defence: whatever failed, the reader gets a message and a way back. */
export function RootErrorBoundary() {
  const error = useRouteError()
  useRevealView()
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Shell>
        <NotFound />
      </Shell>
    )
  }
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <title>{`Error — ${APP_NAME}`}</title>
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mt-4 text-muted">
        {APP_NAME} hit an unexpected error. Reloading usually helps; if it does not, the news is
        still at the front page.
      </p>
      <p className="mt-6 flex gap-4">
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-md bg-accent px-4 py-2 text-paper"
        >
          Reload
        </button>
        <a href={paths.feed()} className="self-center py-1 text-accent underline">
          Go to the front page
        </a>
      </p>
    </div>
  )
}
