// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router-dom'
import { describe, expect, it } from 'vitest'

import { countedPager, listPager, type Pager } from '@/lib/list-pages'
import { viewHref, type PageNumber } from '@/lib/view-state'

import { Pagination } from './pagination'

function renderPager(pager: Pager | null) {
  render(
    <MemoryRouter>
      <Pagination pager={pager} hrefFor={(page: PageNumber) => viewHref({ page })} label="Pages" />
    </MemoryRouter>,
  )
  return screen.queryByRole('navigation', { name: 'Pages' })
}

const hrefs = (nav: HTMLElement) =>
  within(nav)
    .getAllByRole('link')
    .map((link) => [link.textContent?.replace(/\u00a0/g, ' '), link.getAttribute('href')])

describe('Pagination', () => {
  it('on an anchored page: Newer and Older, the pages beside it and page 1, no count', () => {
    const nav = renderPager(listPager(20 * 25, 10, 'newest'))!
    expect(hrefs(nav)).toEqual([
      ['← Newer', '/page/11'],
      ['11', '/page/11'],
      ['9', '/page/9'],
      ['1', '/page/1'],
      ['Older →', '/page/9'],
    ])
    expect(within(nav).getAllByText('10')[0]!.closest('[aria-current]')).not.toBeNull()
    expect(nav).toHaveTextContent('Page 10')
    expect(nav).not.toHaveTextContent(/of \d|Last|20/)
  })

  it('on the default page: "Latest", and Older to page c - 2', () => {
    const nav = renderPager(listPager(20 * 25, null, 'newest'))!
    expect(within(nav).getAllByText('Latest')[0]).toHaveAttribute('aria-current', 'page')
    expect(within(nav).getByRole('link', { name: /Older/ })).toHaveAttribute('href', '/page/18')
    expect(within(nav).queryByRole('link', { name: /Newer/ })).toBeNull()
  })

  it('from page c - 2, Newer goes back to the default page', () => {
    const nav = renderPager(listPager(20 * 25, 18, 'newest'))!
    expect(within(nav).getByRole('link', { name: /Newer/ })).toHaveAttribute('href', '/')
  })

  it('counts pages from the top for search results, with the last one a tap away', () => {
    const nav = renderPager(countedPager(2, 9))!
    expect(nav).toHaveTextContent('Page 2 of 9')
    expect(within(nav).getByRole('link', { name: 'Last page, 9' })).toHaveAttribute(
      'href',
      '/page/9',
    )
  })

  it('shows nothing when there is nowhere to go', () => {
    expect(renderPager(listPager(40, null, 'newest'))).toBeNull()
    expect(renderPager(countedPager(1, 1))).toBeNull()
  })
})
