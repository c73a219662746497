/**
 * Related headlines: the articles sharing the most informative tags with a given one, ranked so
 * that publishing an article changes only the lists it belongs in.
 *
 * Score: the sum of the shared tags' integer weights, w(df) = max(1, round(4 ln(M / df))), where
 * df is how many articles have the tag and M, the corpus's size class, is the smallest power of
 * two >= the article count. A shared "Tajikistan" counts far more than a shared "Armed conflicts
 * and attacks"; a tag only one article has relates nothing. A tag's weight moves only when its own
 * df crosses a rounding step (about every 28% of growth) or when the corpus doubles.
 *
 * Ties (integer scores tie exactly): the candidate published nearest the article's time first, at
 * equal distance the newer, then feed order. Undated articles are infinitely far from dated ones
 * and equally near one another. Nothing in this key depends on other articles, so a new article
 * enters only the lists of articles near it in time or where it scores strictly higher.
 *
 * Scoring every candidate of every tag costs the sum of df² over tags, too slow at 100,000 articles
 * with broad tags. Two exact shortcuts: an article's score depends only on which of the tags it
 * shares, so tag subsets are visited from the best down, each scanned outward in time from the
 * article's own place (the tie order) and only as far as needed, and each tag's list is read at
 * most once per search for all the subsets it is the rarest tag of; articles with more tags than
 * that suits use MaxScore. And articles with the same tags and time share one computed list.
 * related-lists.ts keeps the lists from one compile to the next and recomputes only those a change
 * can reach.
 */

export interface RelatedCorpus {
  /** Tag ids per article (no repeats), feed order: newest first, undated last, ties in input order. */
  articleTags: readonly (readonly number[])[]
  /** Feed positions per tag id, ascending. */
  postings: readonly (readonly number[])[]
  /** Published time (ms) per article, feed order; undefined when undated. */
  times: readonly (number | undefined)[]
}

export interface RelatedMatch {
  position: number
  score: number
  /** Shared tag ids, in the related article's order. */
  shared: number[]
}

/** The corpus size class M: the smallest power of two >= the article count (1 for none). */
export function sizeClass(count: number): number {
  let size = 1
  while (size < count) size *= 2
  return size
}

/** A tag's weight in a corpus of size class `size`: 0 when only one article has it. */
export function tagWeight(df: number, size: number): number {
  return df <= 1 ? 0 : Math.max(1, Math.round(4 * Math.log(size / df)))
}

/** Times with NaN for undated, so distances are plain arithmetic. */
function timesOf(corpus: RelatedCorpus): Float64Array {
  return Float64Array.from(corpus.times, (time) => time ?? NaN)
}

/** How far apart two times (NaN: undated) are: undated is infinitely far from dated. */
export function timeDistance(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : Infinity
  return Number.isNaN(b) ? Infinity : Math.abs(a - b)
}

/**
 * Whether candidate A ranks before candidate B: higher score, then nearer in time, then earlier in
 * the feed (at equal distance that is the newer one; at equal time, input order).
 */
export function ranksBefore(
  scoreA: number,
  distanceA: number,
  positionA: number,
  scoreB: number,
  distanceB: number,
  positionB: number,
): boolean {
  if (scoreA !== scoreB) return scoreA > scoreB
  if (distanceA !== distanceB) return distanceA < distanceB
  return positionA < positionB
}

/** Brute force reference: score every other article. For tests. */
export function relatedBruteForce(
  corpus: RelatedCorpus,
  position: number,
  limit: number,
): RelatedMatch[] {
  const size = sizeClass(corpus.articleTags.length)
  const weights = corpus.postings.map((list) => tagWeight(list.length, size))
  const times = timesOf(corpus)
  const own = new Set(corpus.articleTags[position])
  const matches: (RelatedMatch & { distance: number })[] = []
  corpus.articleTags.forEach((tags, other) => {
    if (other === position) return
    const shared = tags.filter((tag) => own.has(tag))
    const score = shared.reduce((sum, tag) => sum + weights[tag]!, 0)
    if (score <= 0) return
    matches.push({
      position: other,
      score,
      shared,
      distance: timeDistance(times[position]!, times[other]!),
    })
  })
  matches.sort((a, b) =>
    ranksBefore(a.score, a.distance, a.position, b.score, b.distance, b.position) ? -1 : 1,
  )
  return matches.slice(0, limit).map(({ distance: _, ...match }) => match)
}

/** Above this many informative tags an article is searched by MaxScore, not by tag subsets. */
const SUBSET_TAGS = 12

export interface RelatedFinder {
  /** The best `limit` related articles of the article at `position`. */
  find: (position: number, limit: number) => RelatedMatch[]
  /**
   * The lists of many articles, each passed to `each` in the order given. Articles with the same
   * informative tags and the same time have the same list but for themselves: one search serves all.
   */
  findEach: (
    positions: readonly number[],
    limit: number,
    each: (position: number, matches: RelatedMatch[]) => void,
  ) => void
}

/**
 * A tag's articles (feed positions, ascending) with, beside them, their times and their tags (the
 * article at index i has tags[tagStart[i]] to tags[tagStart[i + 1] - 1]): a scan reads along the
 * list, not all over the feed, which keeps it in cache.
 */
interface TagList {
  articles: Int32Array
  times: Float64Array
  tagStart: Int32Array
  tags: Int32Array
}

export function createRelatedFinder(corpus: RelatedCorpus): RelatedFinder {
  const n = corpus.articleTags.length
  const size = sizeClass(n)
  const weights = Int32Array.from(corpus.postings, (list) => tagWeight(list.length, size))
  const times = timesOf(corpus)
  const scores = new Float64Array(n)
  const touched = new Int32Array(n)
  const isTouched = new Uint8Array(n)
  const bitOf = new Int8Array(corpus.postings.length).fill(-1)
  const tagLists: (TagList | undefined)[] = new Array(corpus.postings.length)
  /** A tag's list in the form the scans read, made when first read. */
  const tagList = (tag: number): TagList => {
    const known = tagLists[tag]
    if (known) return known
    const articles = Int32Array.from(corpus.postings[tag]!)
    const tagStart = new Int32Array(articles.length + 1)
    articles.forEach(
      (other, i) => (tagStart[i + 1] = tagStart[i]! + corpus.articleTags[other]!.length),
    )
    const tags = new Int32Array(tagStart[articles.length]!)
    articles.forEach((other, i) => tags.set(corpus.articleTags[other]!, tagStart[i]!))
    const list = {
      articles,
      times: Float64Array.from(articles, (other) => times[other]!),
      tagStart,
      tags,
    }
    tagLists[tag] = list
    return list
  }

  /** An article's informative tags (df >= 2), most informative (rarest) first. */
  const termsOf = (position: number) =>
    corpus.articleTags[position]!.filter((tag) => weights[tag]! > 0).sort(
      (a, b) => weights[b]! - weights[a]! || a - b,
    )

  const match = (other: number, own: ReadonlySet<number>, score: number): RelatedMatch => ({
    position: other,
    score,
    shared: corpus.articleTags[other]!.filter((tag) => own.has(tag)),
  })

  /**
   * The first index in `list` (times descending, NaN for undated last) whose time is at most
   * `time` (`strict`: less than it). Undated count as older than any time, and a NaN `time` finds
   * the first undated.
   */
  const firstAtMost = (list: Float64Array, time: number, strict: boolean): number => {
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const t = list[mid]!
      if (Number.isNaN(t) || (strict ? t < time : t <= time)) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  /**
   * A tag's articles in tie order for an article at time `time` (NaN: undated), one at a time:
   * nearest in time first, at equal distance the newer, at equal time feed order. Dated: the
   * article's own time block, then outward both ways a whole block of equal times at a time, then
   * the undated. Undated: the undated, then the dated from the newest. Each call of the returned
   * function gives the next article's index in the tag's list, or -1 when there are no more.
   */
  const tieOrder = (tag: number, time: number): (() => number) => {
    const { articles: list, times: listTimes } = tagList(tag)
    const dated = firstAtMost(listTimes, NaN, true)
    // The run of indexes being read, [at, to), and where the next runs come from.
    let at = 0
    let to = 0
    let phase = 0
    let left = 0
    let right = 0
    const nextRun = (): boolean => {
      if (Number.isNaN(time)) {
        if (phase === 2) return false
        ;[at, to] = phase++ === 0 ? [dated, list.length] : [0, dated]
        return true
      }
      if (phase === 0) {
        at = firstAtMost(listTimes, time, false)
        to = right = firstAtMost(listTimes, time, true)
        left = at - 1
        phase = 1
        return true
      }
      if (phase === 1 && (left >= 0 || right < dated)) {
        const newer = left >= 0 ? listTimes[left]! - time : Infinity
        const older = right < dated ? time - listTimes[right]! : Infinity
        if (newer <= older) {
          // The block of equal times ending at `left`, read in feed order.
          const blockTime = listTimes[left]!
          to = left + 1
          while (left > 0 && listTimes[left - 1] === blockTime) left--
          at = left
          left--
        } else {
          const blockTime = listTimes[right]!
          at = right
          while (right < dated && listTimes[right] === blockTime) right++
          to = right
        }
        return true
      }
      if (phase === 1) {
        ;[at, to] = [dated, list.length]
        phase = 2
        return true
      }
      return false
    }
    return () => {
      while (at >= to) if (!nextRun()) return -1
      return at++
    }
  }

  /**
   * The best `limit` articles by tag subsets. Another article's score depends only on which of
   * these tags it shares, so subsets are visited from the highest summed weight down (a heap over
   * the excluded tags, cheapest exclusions first), and within one subset candidates come in tie
   * order: each subset's scan stops after the first few matches. Subsets of equal weight are
   * merged by the tie key, as ties must be.
   */
  function bySubsets(position: number, terms: number[], limit: number): RelatedMatch[] {
    const m = terms.length
    const time = times[position]!
    terms.forEach((tag, i) => (bitOf[tag] = i))
    const own = new Set(terms)
    // Excluded tags in ascending weight: e_j is terms[m - 1 - j].
    const excluded = terms.map((_, j) => weights[terms[m - 1 - j]!]!)
    const total = terms.reduce((sum, tag) => sum + weights[tag]!, 0)
    const all = (1 << m) - 1
    const heap: { cost: number; mask: number; last: number }[] = [{ cost: 0, mask: 0, last: -1 }]
    const pop = () => {
      const top = heap[0]!
      const end = heap.pop()!
      if (heap.length) {
        heap[0] = end
        for (let i = 0; ;) {
          const l = 2 * i + 1
          const r = l + 1
          let min = i
          if (l < heap.length && heap[l]!.cost < heap[min]!.cost) min = l
          if (r < heap.length && heap[r]!.cost < heap[min]!.cost) min = r
          if (min === i) break
          ;[heap[i], heap[min]] = [heap[min]!, heap[i]!]
          i = min
        }
      }
      return top
    }
    const push = (item: { cost: number; mask: number; last: number }) => {
      heap.push(item)
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1
        if (heap[parent]!.cost <= heap[i]!.cost) break
        ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
        i = parent
      }
    }
    const next = () => {
      const item = pop()
      const j = item.last + 1
      if (j < m) {
        push({ cost: item.cost + excluded[j]!, mask: item.mask | (1 << j), last: j })
        if (item.last >= 0)
          push({
            cost: item.cost - excluded[item.last]! + excluded[j]!,
            mask: (item.mask & ~(1 << item.last)) | (1 << j),
            last: j,
          })
      }
      // From excluded tags (e indexes) to the shared subset (term indexes).
      let shared = all
      for (let e = 0; e < m; e++) if (item.mask & (1 << e)) shared &= ~(1 << (m - 1 - e))
      return { shared, score: total - item.cost }
    }
    // A subset's articles are all on its rarest tag's list. Each list is read at most once per
    // search, in tie order and only as far as some subset needs; what is read is sorted by the
    // subset it shares (its mask), so every subset with that rarest tag is served from one read.
    const readers: ((() => number) | undefined)[] = new Array(m)
    const bySubset: (number[] | undefined)[][] = Array.from({ length: m }, () => [])
    /** The first `need` articles in tie order whose shared tags are exactly `subset`. */
    const scan = (subset: number, need: number): number[] => {
      let rarest = 0
      while (!(subset & (1 << rarest))) rarest++
      const tag = terms[rarest]!
      const read = (readers[rarest] ??= tieOrder(tag, time))
      const { articles: list, tagStart: start, tags } = tagList(tag)
      const sorted = bySubset[rarest]!
      for (let found = sorted[subset]; (found?.length ?? 0) < need;) {
        const i = read()
        if (i < 0) break
        let mask = 0
        for (let j = start[i]!; j < start[i + 1]!; j++) {
          const bit = bitOf[tags[j]!]!
          if (bit >= 0) mask |= 1 << bit
        }
        const other = list[i]!
        const same = sorted[mask]
        if (same) same.push(other)
        else sorted[mask] = [other]
        if (mask === subset) found ??= sorted[subset]
      }
      return (sorted[subset] ?? []).slice(0, need)
    }

    const result: RelatedMatch[] = []
    let pending = heap.length ? next() : undefined
    while (pending && result.length < limit) {
      // One group of equal scores.
      const groupScore = pending.score
      const group: { other: number; distance: number }[] = []
      while (pending && pending.score === groupScore) {
        if (pending.shared !== 0)
          for (const other of scan(pending.shared, limit - result.length))
            group.push({ other, distance: timeDistance(time, times[other]!) })
        pending = heap.length ? next() : undefined
      }
      group.sort((a, b) => a.distance - b.distance || a.other - b.other)
      for (const { other } of group.slice(0, limit - result.length))
        result.push(match(other, own, groupScore))
    }
    for (const tag of terms) bitOf[tag] = -1
    return result
  }

  /**
   * The best `limit` articles by MaxScore, for articles with many tags: tags rarest first; once
   * the k-th best score beats all a not-yet-seen article could still reach, no new candidates.
   */
  function byMaxScore(position: number, terms: number[], limit: number): RelatedMatch[] {
    const time = times[position]!
    const remaining = new Float64Array(terms.length + 1)
    for (let j = terms.length - 1; j >= 0; j--)
      remaining[j] = remaining[j + 1]! + weights[terms[j]!]!

    let count = 0
    let cut = terms.length
    for (let j = 0; j < terms.length; j++) {
      // Strictly: an unseen article with the k-th score could still win the tie.
      if (count >= limit && kthScore(scores, touched, count, limit) > remaining[j]!) {
        cut = j
        break
      }
      const weight = weights[terms[j]!]!
      const list = tagList(terms[j]!).articles
      for (let i = 0; i < list.length; i++) {
        const other = list[i]!
        if (!isTouched[other]) {
          isTouched[other] = 1
          touched[count++] = other
        }
        scores[other]! += weight
      }
    }
    // Finish the known candidates with the tags left after the cut.
    if (cut < terms.length) {
      const rest = terms.slice(cut)
      for (let i = 0; i < count; i++) {
        const other = touched[i]!
        for (const tag of corpus.articleTags[other]!)
          if (rest.includes(tag)) scores[other]! += weights[tag]!
      }
    }

    const before = (a: number, b: number) =>
      ranksBefore(
        scores[a]!,
        timeDistance(time, times[a]!),
        a,
        scores[b]!,
        timeDistance(time, times[b]!),
        b,
      )
    const top: number[] = []
    for (let i = 0; i < count; i++) {
      const other = touched[i]!
      if (top.length === limit) {
        if (!before(other, top[limit - 1]!)) continue
        top.pop()
      }
      let at = top.length
      while (at > 0 && before(other, top[at - 1]!)) at--
      top.splice(at, 0, other)
    }
    const own = new Set(terms)
    const result = top.map((other) => match(other, own, scores[other]!))
    for (let i = 0; i < count; i++) {
      scores[touched[i]!] = 0
      isTouched[touched[i]!] = 0
    }
    return result
  }

  /** One more than asked: the article itself is among them. */
  const search = (position: number, terms: number[], limit: number) =>
    terms.length <= SUBSET_TAGS
      ? bySubsets(position, terms, limit + 1)
      : byMaxScore(position, terms, limit + 1)
  const without = (best: RelatedMatch[], position: number, limit: number) =>
    best.filter((found) => found.position !== position).slice(0, limit)

  return {
    find(position, limit) {
      const terms = termsOf(position)
      return terms.length ? without(search(position, terms, limit), position, limit) : []
    },
    findEach(positions, limit, each) {
      // Keep a shared list only while articles with its key are still to come.
      const keys = positions.map((position) => `${termsOf(position).join(',')}@${times[position]}`)
      const waiting = new Map<string, number>()
      for (const key of keys) waiting.set(key, (waiting.get(key) ?? 0) + 1)
      const known = new Map<string, RelatedMatch[]>()
      positions.forEach((position, i) => {
        const key = keys[i]!
        const terms = termsOf(position)
        if (terms.length === 0) return each(position, [])
        let best = known.get(key)
        if (!best) {
          best = search(position, terms, limit)
          known.set(key, best)
        }
        const left = waiting.get(key)! - 1
        waiting.set(key, left)
        if (left === 0) known.delete(key)
        each(position, without(best, position, limit))
      })
    },
  }
}

/** The k-th highest score among the candidates so far (k <= count). */
function kthScore(scores: Float64Array, touched: Int32Array, count: number, k: number): number {
  const best = new Float64Array(k).fill(-Infinity)
  for (let i = 0; i < count; i++) {
    const score = scores[touched[i]!]!
    if (score <= best[k - 1]!) continue
    let at = k - 1
    while (at > 0 && best[at - 1]! < score) {
      best[at] = best[at - 1]!
      at--
    }
    best[at] = score
  }
  return best[k - 1]!
}
