/**
 * Every article's related headlines (ranking in related.ts), kept from one compile to the next: a
 * compile given the previous compile's state searches again only the lists a change can reach, and
 * its result is exactly what a compile from nothing gives.
 *
 * Why that works: a list depends on its article's tags and time, on the weights of those tags, on
 * the size class, and on the other articles' tags, times and feed order among equal times. So,
 * while the size class holds:
 *   - an article that is new, or whose tags, time or place among articles of its time changed,
 *     has its list searched, and is a new candidate for every other list: where it beats the
 *     list's last entry (or the list is short), it is merged in without a search;
 *   - a list holding an article that was removed or changed is searched again;
 *   - a tag whose weight changed has the lists of all its articles searched again;
 *   - every other list is what it was (with positions renumbered). Title edits change no list.
 * When the size class changes (the corpus doubled or halved), every list is searched again.
 */
import { RELATED_LIMIT } from '../../src/lib/compiled-corpus.ts'
import {
  createRelatedFinder,
  ranksBefore,
  sizeClass,
  tagWeight,
  timeDistance,
  type RelatedCorpus,
  type RelatedFinder,
} from './related.ts'

export interface RelatedArticle {
  id: string
  /** Published time (ms); undefined when undated. */
  time: number | undefined
  /** Tag keys (src/lib/tag-key.ts `tagKey`), in the article's order. */
  tags: readonly string[]
}

export interface RelatedEntry {
  /** Feed position of the related article in this compile's input. */
  position: number
  id: string
  score: number
  /** Tag keys it shares with the article, in the related article's order. */
  shared: string[]
}

/** What a compile keeps for the next one: plain data (related-state.ts saves and loads it). */
export interface RelatedState {
  /** The list length the lists hold at most. */
  limit: number
  /** Article ids, feed order. */
  ids: string[]
  /** Published times (ms), feed order; NaN when undated. */
  times: Float64Array
  /** The tag keys `tagIds` index. */
  tagKeys: string[]
  /** Article i's tags are tagIds[tagStart[i]] to tagIds[tagStart[i + 1] - 1], in its order. */
  tagStart: Int32Array
  tagIds: Int32Array
  /** Article i's related articles, as positions in `ids`, are listItems[listStart[i]...]. */
  listStart: Int32Array
  listItems: Int32Array
}

export interface RelatedStats {
  /** Full: every list searched; incremental: only those a change can reach. */
  mode: 'full' | 'incremental'
  /** Why a compile given a previous state searched every list. */
  reason?: string
  /** Lists searched. */
  searched: number
  /** Lists that took new candidates without a search. */
  merged: number
  /** New candidates checked against a kept list's last entry. */
  checked: number
}

export interface RelatedLists {
  /** The related list of the article at a feed position of this compile's input. */
  listOf: (position: number) => RelatedEntry[]
  /**
   * Ids of the articles whose list shows something else than the previous compile's (other
   * articles, another order or other shared tags), new articles included. A score that moved
   * without moving anything is not a change: documents do not show scores.
   */
  changed: Set<string>
  /**
   * Ids of the articles whose list holds any of `ids`: their documents show those articles'
   * titles, dates and reading times, so an edit to one of those rewrites them with no list change.
   */
  holding: (ids: Iterable<string>) => Set<string>
  /** For the next compile. */
  state: RelatedState
  stats: RelatedStats
}

/**
 * Related lists for `articles` (feed order: newest first, undated last). With `previous`, the
 * state a compile of the same `limit` returned, only the lists a change can reach are searched.
 */
export function computeRelatedLists(
  articles: readonly RelatedArticle[],
  previous?: RelatedState,
  limit: number = RELATED_LIMIT,
): RelatedLists {
  const n = articles.length
  const { corpus, state } = indexArticles(articles, limit)
  const size = sizeClass(n)
  const weights = Int32Array.from(corpus.postings, (list) => tagWeight(list.length, size))
  const finder = createRelatedFinder(corpus)
  /** Lists computed by this compile (searched or merged), as positions; the rest are kept. */
  const lists: (number[] | undefined)[] = new Array(n)
  const all = () => Array.from({ length: n }, (_, position) => position)
  const searchAll = (reason?: string): RelatedStats => {
    finder.findEach(all(), limit, (position, matches) => {
      lists[position] = matches.map((match) => match.position)
    })
    return { mode: 'full', ...(reason ? { reason } : {}), searched: n, merged: 0, checked: 0 }
  }

  const oldWeights = previous && weightsOf(previous)
  let stats: RelatedStats
  let oldOf: Int32Array | undefined
  let newOf: Int32Array | undefined
  if (!previous) stats = searchAll()
  else {
    const renumbered = renumber(previous, state)
    oldOf = renumbered.oldOf
    newOf = renumbered.newOf
    if (previous.limit !== limit) stats = searchAll(`the list length changed`)
    else if (sizeClass(previous.ids.length) !== size)
      stats = searchAll(`the size class changed (${sizeClass(previous.ids.length)} to ${size})`)
    else stats = update(previous, oldWeights!, corpus, state, weights, renumbered, lists, finder)
  }

  assembleLists(state, lists, previous, oldOf, newOf)
  const listOf = (position: number) => entriesOf(state, weights, position)

  const changed = new Set<string>()
  for (let position = 0; position < n; position++) {
    const old = oldOf ? oldOf[position]! : -1
    if (old < 0) changed.add(state.ids[position]!)
    else if (
      lists[position] &&
      !sameEntries(entriesOf(previous!, oldWeights!, old), listOf(position))
    )
      changed.add(state.ids[position]!)
  }
  return { listOf, changed, holding: (ids) => holding(state, ids), state, stats }
}

function holding(state: RelatedState, ids: Iterable<string>): Set<string> {
  const wanted = new Set(ids)
  const held = new Uint8Array(state.ids.length)
  state.ids.forEach((id, position) => wanted.has(id) && (held[position] = 1))
  const holders = new Set<string>()
  for (let position = 0; position < state.ids.length; position++)
    for (let i = state.listStart[position]!; i < state.listStart[position + 1]!; i++)
      if (held[state.listItems[i]!]) {
        holders.add(state.ids[position]!)
        break
      }
  return holders
}

/** The finder's corpus and this compile's state but for its lists. */
function indexArticles(
  articles: readonly RelatedArticle[],
  limit: number,
): { corpus: RelatedCorpus; state: RelatedState } {
  const n = articles.length
  const tagOf = new Map<string, number>()
  const tagKeys: string[] = []
  const postings: number[][] = []
  const articleTags: number[][] = []
  const times = new Float64Array(n)
  const tagStart = new Int32Array(n + 1)
  const tagIds: number[] = []
  articles.forEach((article, position) => {
    const time = article.time
    const before = position > 0 ? times[position - 1]! : Infinity
    if (time === undefined ? false : Number.isNaN(before) || time > before)
      throw new Error(
        `related lists: article ${article.id} is out of feed order (newest first, undated last)`,
      )
    times[position] = time ?? NaN
    const tags: number[] = []
    for (const key of article.tags) {
      let tag = tagOf.get(key)
      if (tag === undefined) {
        tag = tagKeys.length
        tagOf.set(key, tag)
        tagKeys.push(key)
        postings.push([])
      }
      const list = postings[tag]!
      if (list[list.length - 1] === position) continue // a repeated tag counts once
      list.push(position)
      tags.push(tag)
    }
    articleTags.push(tags)
    for (const tag of tags) tagIds.push(tag)
    tagStart[position + 1] = tagIds.length
  })
  return {
    corpus: { articleTags, postings, times: articles.map((article) => article.time) },
    state: {
      limit,
      ids: articles.map((article) => article.id),
      times,
      tagKeys,
      tagStart,
      tagIds: Int32Array.from(tagIds),
      listStart: new Int32Array(n + 1),
      listItems: new Int32Array(0),
    },
  }
}

interface Renumbered {
  /** New position -> old position, -1 for a new article. */
  oldOf: Int32Array
  /** Old position -> new position, -1 for a removed article. */
  newOf: Int32Array
  /** New articles, and articles whose tags, time or order among equal times changed (new positions). */
  entering: number[]
  /** Old positions of the removed and changed articles: a list that held one is searched again. */
  gone: Uint8Array
  /** Tag key -> the previous state's tag id. */
  oldTagOf: Map<string, number>
}

/** How the previous compile's articles map onto this one's, and which of them changed. */
function renumber(previous: RelatedState, current: RelatedState): Renumbered {
  const oldCount = previous.ids.length
  const oldPosition = new Map<string, number>()
  previous.ids.forEach((id, position) => oldPosition.set(id, position))
  const oldTagOf = new Map<string, number>()
  previous.tagKeys.forEach((key, tag) => oldTagOf.set(key, tag))
  const oldOf = new Int32Array(current.ids.length).fill(-1)
  const newOf = new Int32Array(oldCount).fill(-1)
  const gone = new Uint8Array(oldCount)
  const entering: number[] = []
  // The kept articles must keep their order (it breaks ties); one that moved counts as changed.
  let lastKept = -1
  current.ids.forEach((id, position) => {
    const old = oldPosition.get(id)
    if (old === undefined) {
      entering.push(position)
      return
    }
    if (newOf[old] !== -1) throw new Error(`related lists: the id ${id} is given twice`)
    oldOf[position] = old
    newOf[old] = position
    const time = current.times[position]!
    const oldTime = previous.times[old]!
    const sameTime = time === oldTime || (Number.isNaN(time) && Number.isNaN(oldTime))
    const from = previous.tagStart[old]!
    const start = current.tagStart[position]!
    let sameTags = previous.tagStart[old + 1]! - from === current.tagStart[position + 1]! - start
    for (let i = 0; sameTags && from + i < previous.tagStart[old + 1]!; i++)
      sameTags =
        previous.tagKeys[previous.tagIds[from + i]!] === current.tagKeys[current.tagIds[start + i]!]
    if (sameTime && sameTags && old > lastKept) {
      lastKept = old
      return
    }
    gone[old] = 1
    entering.push(position)
  })
  for (let old = 0; old < oldCount; old++) if (newOf[old] === -1) gone[old] = 1
  return { oldOf, newOf, entering, gone, oldTagOf }
}

/** The incremental compile: searches and merges only the lists a change can reach. */
function update(
  previous: RelatedState,
  oldWeights: Int32Array,
  corpus: RelatedCorpus,
  { tagKeys, times, tagStart, tagIds, limit }: RelatedState,
  weights: Int32Array,
  { oldOf, newOf, entering, gone, oldTagOf }: Renumbered,
  lists: (number[] | undefined)[],
  finder: RelatedFinder,
): RelatedStats {
  const n = corpus.articleTags.length
  const search = new Uint8Array(n)
  for (const position of entering) search[position] = 1
  // Lists that held a removed or changed article.
  for (let old = 0; old < previous.ids.length; old++) {
    const position = newOf[old]!
    if (position < 0 || search[position]) continue
    for (let i = previous.listStart[old]!; i < previous.listStart[old + 1]!; i++)
      if (gone[previous.listItems[i]!]) {
        search[position] = 1
        break
      }
  }
  // Articles with a tag whose weight changed.
  corpus.postings.forEach((list, tag) => {
    const old = oldTagOf.get(tagKeys[tag]!)
    if ((old === undefined ? 0 : oldWeights[old]!) !== weights[tag])
      for (const position of list) search[position] = 1
  })

  /** A kept list, renumbered. */
  const keptList = (position: number): number[] => {
    const old = oldOf[position]!
    const items: number[] = []
    for (let i = previous.listStart[old]!; i < previous.listStart[old + 1]!; i++)
      items.push(newOf[previous.listItems[i]!]!)
    return items
  }
  const scoreBetween = (a: number, b: number) => {
    const other = corpus.articleTags[b]!
    let score = 0
    for (const tag of corpus.articleTags[a]!) if (other.includes(tag)) score += weights[tag]!
    return score
  }

  // New candidates against the kept lists' last entries.
  const candidates = new Map<number, number[]>()
  const inEntering = new Int32Array(weights.length).fill(-1)
  const seen = new Int32Array(n).fill(-1)
  const lastScore = new Int32Array(n).fill(-1)
  let checked = 0
  for (const entrant of entering) {
    const own = corpus.articleTags[entrant]!
    for (const tag of own) inEntering[tag] = entrant
    for (const tag of own) {
      if (weights[tag] === 0) continue
      for (const position of corpus.postings[tag]!) {
        if (position === entrant || search[position] || seen[position] === entrant) continue
        seen[position] = entrant
        checked++
        let score = 0
        for (let i = tagStart[position]!; i < tagStart[position + 1]!; i++)
          if (inEntering[tagIds[i]!] === entrant) score += weights[tagIds[i]!]!
        const end = previous.listStart[oldOf[position]! + 1]!
        let enters = end - previous.listStart[oldOf[position]!]! < limit
        if (!enters) {
          const last = newOf[previous.listItems[end - 1]!]!
          if (lastScore[position]! < 0) lastScore[position] = scoreBetween(position, last)
          enters =
            score >= lastScore[position]! &&
            ranksBefore(
              score,
              timeDistance(times[position]!, times[entrant]!),
              entrant,
              lastScore[position]!,
              timeDistance(times[position]!, times[last]!),
              last,
            )
        }
        if (enters) {
          const list = candidates.get(position)
          if (list) list.push(entrant)
          else candidates.set(position, [entrant])
        }
      }
    }
  }
  for (const [position, entrants] of candidates) {
    const time = times[position]!
    const ranked = [...keptList(position), ...entrants].map((other) => ({
      other,
      score: scoreBetween(position, other),
      distance: timeDistance(time, times[other]!),
    }))
    ranked.sort((a, b) =>
      ranksBefore(a.score, a.distance, a.other, b.score, b.distance, b.other) ? -1 : 1,
    )
    lists[position] = ranked.slice(0, limit).map((entry) => entry.other)
  }

  const searched: number[] = []
  for (let position = 0; position < n; position++) if (search[position]) searched.push(position)
  finder.findEach(searched, limit, (position, matches) => {
    lists[position] = matches.map((match) => match.position)
  })
  return { mode: 'incremental', searched: searched.length, merged: candidates.size, checked }
}

/** Fills the state's lists: this compile's where it computed one, else the previous, renumbered. */
function assembleLists(
  state: RelatedState,
  lists: readonly (number[] | undefined)[],
  previous: RelatedState | undefined,
  oldOf: Int32Array | undefined,
  newOf: Int32Array | undefined,
): void {
  const n = state.ids.length
  const start = state.listStart
  const kept = (position: number): [from: number, to: number] => {
    const old = oldOf![position]!
    return [previous!.listStart[old]!, previous!.listStart[old + 1]!]
  }
  for (let position = 0; position < n; position++) {
    const list = lists[position]
    const [from, to] = list ? [0, list.length] : kept(position)
    start[position + 1] = start[position]! + to - from
  }
  const items = new Int32Array(start[n]!)
  for (let position = 0; position < n; position++) {
    const list = lists[position]
    if (list) {
      items.set(list, start[position]!)
      continue
    }
    const [from, to] = kept(position)
    for (let i = from, at = start[position]!; i < to; i++, at++) {
      const other = newOf![previous!.listItems[i]!]!
      if (other < 0) throw new Error(`related lists: a kept list holds a removed article`)
      items[at] = other
    }
  }
  state.listItems = items
}

/** Each tag's weight in a state: df counted from its articles. */
function weightsOf(state: RelatedState): Int32Array {
  const df = new Int32Array(state.tagKeys.length)
  for (const tag of state.tagIds) df[tag]!++
  const size = sizeClass(state.ids.length)
  return df.map((count) => tagWeight(count, size))
}

function entriesOf(state: RelatedState, weights: Int32Array, position: number): RelatedEntry[] {
  const own = state.tagIds.subarray(state.tagStart[position], state.tagStart[position + 1])
  const entries: RelatedEntry[] = []
  for (let i = state.listStart[position]!; i < state.listStart[position + 1]!; i++) {
    const other = state.listItems[i]!
    const shared: string[] = []
    let score = 0
    for (let j = state.tagStart[other]!; j < state.tagStart[other + 1]!; j++) {
      const tag = state.tagIds[j]!
      if (!own.includes(tag)) continue
      shared.push(state.tagKeys[tag]!)
      score += weights[tag]!
    }
    entries.push({ position: other, id: state.ids[other]!, score, shared })
  }
  return entries
}

/** The same list as a document shows it: ids in order and their shared tags. */
function sameEntries(a: RelatedEntry[], b: RelatedEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (entry, i) =>
        entry.id === b[i]!.id &&
        entry.shared.length === b[i]!.shared.length &&
        entry.shared.every((key, j) => key === b[i]!.shared[j]),
    )
  )
}
