import { Fragment } from 'react'

/**
 * Corpus strings (tags, names) joined by a separator, each isolated in its own direction: a
 * right-to-left tag cannot pull the separator or its neighbours into its own order.
 */
export function IsolatedList({
  items,
  separator = ', ',
}: {
  items: readonly string[]
  separator?: string
}) {
  return items.map((item, i) => (
    <Fragment key={i}>
      {i > 0 && separator}
      <bdi>{item}</bdi>
    </Fragment>
  ))
}
