/**
 * Related headlines, full and incremental (scripts/corpus/related-lists.ts): the time of a full
 * computation; for each kind of change a newsroom makes, the time of the incremental one from the
 * full one's state and how many lists it changed, searched and merged; the state's size and load
 * time. Figures, not pass/fail; writes bench-results/related.json.
 *
 *   npx tsx scripts/bench/related.ts --sizes default,100000   (--verify: compare every incremental
 *                                                              result with a full one)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { tagKey } from '../../src/lib/tag-key.ts'
import { buildModel } from '../corpus/build-model.ts'
import { readCorpus } from '../corpus/read-corpus.ts'
import {
  computeRelatedLists,
  type RelatedArticle,
  type RelatedLists,
} from '../corpus/related-lists.ts'
import { loadRelatedState, saveRelatedState } from '../corpus/related-state.ts'
import { corpusFor, ROOT } from './build-run.ts'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'default,100000' },
    verify: { type: 'boolean', default: false },
  },
})

const timed = <T>(run: () => T): [T, number] => {
  const started = performance.now()
  const value = run()
  return [value, performance.now() - started]
}
const ms = (millis: number) => `${millis.toFixed(0)} ms`

/** The corpus as the compiler gives it to the related lists, and the tags of a typical record. */
function load(size: string): { articles: RelatedArticle[]; modelTags: string[] } {
  const files = readCorpus(corpusFor(size))
  const model = buildModel(files)
  const articles = model.articles.map((entry) => ({
    id: entry.id,
    time: entry.time,
    tags: entry.tagIds.map((tag) => model.tags[tag]!.key),
  }))
  // As scripts/bench/publish.ts publishes: modelled on the middle record of the biggest file.
  const main = files.map((file) => [...file.records]).sort((a, b) => b.length - a.length)[0]!
  const record = main[Math.floor(main.length / 2)] as { tags?: string[] }
  return { articles, modelTags: [...new Set((record.tags ?? []).map(tagKey))] }
}

/** Inserts an article where the feed order puts it (after the others of its time). */
function insert(articles: RelatedArticle[], article: RelatedArticle): RelatedArticle[] {
  const time = article.time
  let at = articles.findIndex((other) =>
    time === undefined ? false : other.time === undefined || other.time < time,
  )
  if (at < 0) at = articles.length
  return [...articles.slice(0, at), article, ...articles.slice(at)]
}

const results: Record<string, unknown>[] = []
for (const size of values.sizes.split(',').map((s) => s.trim())) {
  const { articles, modelTags } = load(size)
  const n = articles.length
  console.log(`\n${size === 'default' ? 'default corpus' : `${size} articles`}: ${n} articles`)

  const [full, fullMs] = timed(() => computeRelatedLists(articles))
  const [saved, saveMs] = timed(() => saveRelatedState(full.state))
  const loads = Array.from({ length: 5 }, () => timed(() => loadRelatedState(saved))[1]).sort(
    (a, b) => a - b,
  )
  const loadMs = loads[2]!
  const state = loadRelatedState(saved)
  console.log(`  full: ${ms(fullMs)}`)
  console.log(
    `  state: ${(saved.length / 1e6).toFixed(2)} MB, saved in ${ms(saveMs)}, loaded in ${ms(loadMs)} (median of 5)`,
  )

  const newest = Math.max(...articles.map((a) => a.time ?? -Infinity))
  const fresh = (i: number, tags: readonly string[], time: number | undefined) => ({
    id: `related-bench-${i}`,
    time,
    tags,
  })
  const middle = articles[Math.floor(n / 2)]!
  const edited = Math.floor(n / 3)
  const editedTags = articles[edited]!.tags
  const extra = modelTags.find((tag) => !editedTags.includes(tag)) ?? 'related bench tag'
  const changes: [string, () => RelatedArticle[]][] = [
    ['one new article (the newest)', () => [fresh(0, modelTags, newest + 60_000), ...articles]],
    ['one back-dated article', () => insert(articles, fresh(0, modelTags, middle.time))],
    ['one deleted article', () => articles.filter((_, i) => i !== Math.floor(n / 4))],
    [
      'one tag edit (a tag added)',
      () => articles.map((a, i) => (i === edited ? { ...a, tags: [...a.tags, extra] } : a)),
    ],
    [
      // Each modelled on another article, spread over the corpus, a minute apart.
      '100 new articles',
      () => [
        ...Array.from({ length: 100 }, (_, i) =>
          fresh(i, articles[Math.floor((i * n) / 100)]!.tags, newest + (100 - i) * 60_000),
        ),
        ...articles,
      ],
    ],
  ]

  const steps: Record<string, unknown>[] = []
  for (const [name, change] of changes) {
    const changed = change()
    const [next, incrementalMs]: [RelatedLists, number] = timed(() =>
      computeRelatedLists(changed, state),
    )
    let same: boolean | undefined
    if (values.verify || size === 'default') {
      const scratch = computeRelatedLists(changed)
      same = changed.every(
        (_, position) =>
          JSON.stringify(next.listOf(position)) === JSON.stringify(scratch.listOf(position)),
      )
    }
    const { mode, searched, merged, checked } = next.stats
    steps.push({
      change: name,
      incrementalMs,
      listsChanged: next.changed.size,
      ...next.stats,
      same,
    })
    console.log(
      `  ${name}: ${ms(incrementalMs)} (${mode}), ${next.changed.size} lists changed; ` +
        `${searched} searched, ${merged} merged, ${checked} checked` +
        (same === undefined
          ? ''
          : same
            ? '; equals a full computation'
            : '; DIFFERS from a full computation'),
    )
  }
  results.push({
    corpus: size,
    articles: n,
    fullMs,
    stateBytes: saved.length,
    saveMs,
    loadMs,
    steps,
  })
}

mkdirSync(join(ROOT, 'bench-results'), { recursive: true })
writeFileSync(join(ROOT, 'bench-results', 'related.json'), JSON.stringify(results, null, 2))
console.log('\nwritten to bench-results/related.json')
