/**
 * Writes a synthetic corpus in the v1 input format, for benchmarks and scale tests.
 * Deterministic for a given seed, so figures from different runs compare.
 *
 *   npx tsx scripts/generate-corpus.ts --count 100000 --out .cache/synthetic-100k.json [--seed 1]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'

import type { Article } from '../src/lib/compiled-corpus.ts'

/** mulberry32: a small seeded PRNG; Math.random would make runs incomparable. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PLACES = [
  'Tajikistan',
  'Kyrgyzstan',
  'Uzbekistan',
  'Kazakhstan',
  'Afghanistan',
  'Iran',
  'Israel',
  'Gaza Strip',
  'Ukraine',
  'Russia',
  'United States',
  'Canada',
  'Mexico',
  'Brazil',
  'Argentina',
  'Chile',
  'Peru',
  'Nigeria',
  'Kenya',
  'Ethiopia',
  'Sudan',
  'Egypt',
  'Morocco',
  'South Africa',
  'India',
  'Pakistan',
  'Bangladesh',
  'China',
  'Japan',
  'South Korea',
  'Indonesia',
  'Philippines',
  'Vietnam',
  'Australia',
  'New Zealand',
  'France',
  'Germany',
  'Spain',
  'Italy',
  'Poland',
  'Türkiye',
  'Greece',
  'Sweden',
  'Norway',
  'Finland',
  'Côte d’Ivoire',
  'São Tomé and Príncipe',
  'Québec',
  'Réunion',
  'Curaçao',
]
const CATEGORIES = [
  'Armed conflicts and attacks',
  'Disasters and accidents',
  'Law and crime',
  'Politics and elections',
  'International relations',
  'Business and economy',
  'Health and environment',
  'Sports',
  'Science and technology',
  'Arts and culture',
]
const SUBJECTS = [
  'The government',
  'Officials',
  'The central bank',
  'Rescue teams',
  'Police',
  'The parliament',
  'Protesters',
  'Researchers',
  'The ministry of health',
  'Election observers',
  'The army',
  'The prime minister',
  'The president',
  'A court',
  'Firefighters',
  'Scientists',
  'Farmers',
]
const VERBS = [
  'announces',
  'reports',
  'confirms',
  'rejects',
  'approves',
  'investigates',
  'warns about',
  'signs an agreement on',
  'discusses',
  'suspends',
  'launches',
  'extends',
  'criticises',
  'celebrates',
]
const OBJECTS = [
  'border security',
  'drug trafficking',
  'water management',
  'the national budget',
  'a new trade deal',
  'flood relief',
  'an earthquake response',
  'vaccination campaigns',
  'energy prices',
  'wildfires',
  'a ceasefire proposal',
  'election results',
  'railway construction',
  'a corruption inquiry',
  'fishing licences',
  'refugee support',
  'cybersecurity rules',
  'university reform',
  'mining permits',
  'the football league',
  'a heatwave',
  'interest rates',
  'hydropower projects',
  'press freedom',
]
/**
 * Word frequencies of the real default corpus, so that synthetic text has a realistic vocabulary
 * (tens of thousands of distinct words, Zipf-distributed) for search benchmarks.
 */
export function loadVocabulary(dataDir = join(import.meta.dirname, '..', 'data')): {
  words: string[]
  cumulative: Float64Array
} {
  const counts = new Map<string, number>()
  for (const file of readdirSync(dataDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const parsed = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as {
      articles?: { title?: unknown; body?: unknown }[]
    }
    for (const article of parsed.articles ?? []) {
      const text = `${typeof article.title === 'string' ? article.title : ''} ${typeof article.body === 'string' ? article.body : ''}`
      for (const word of text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
        counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  const words = [...counts.keys()]
  const cumulative = new Float64Array(words.length)
  let total = 0
  words.forEach((word, i) => {
    total += counts.get(word)!
    cumulative[i] = total
  })
  for (let i = 0; i < cumulative.length; i++) cumulative[i]! /= total
  return { words, cumulative }
}

function sampleWord(
  random: () => number,
  vocabulary: { words: string[]; cumulative: Float64Array },
): string {
  const target = random()
  let low = 0
  let high = vocabulary.cumulative.length - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if (vocabulary.cumulative[mid]! < target) low = mid + 1
    else high = mid
  }
  return vocabulary.words[low]!
}

const SYLLABLES = [
  'ka',
  'ri',
  'mo',
  'sa',
  'ten',
  'bu',
  'lo',
  'vi',
  'zan',
  'dor',
  'el',
  'qu',
  'ash',
  'nov',
  'pet',
  'ya',
]

/** An invented proper noun: real archives keep meeting new names, so vocabulary grows with size. */
function inventName(random: () => number): string {
  const length = 2 + Math.floor(random() * 3)
  const name = Array.from({ length }, () => pick(random, SYLLABLES)).join('')
  return name[0]!.toUpperCase() + name.slice(1)
}

const SOURCES = ['Reuters', 'AP', 'AFP', 'BBC News', 'Al Jazeera', 'The Guardian', 'Kyodo', 'TASS']

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

/** Zipf-like pick: low indexes much more often, as real tag frequencies are. */
function pickZipf(random: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1)) - 1))
}

/** An article in the input format, always with its attribution. */
export type SyntheticArticle = Article & { license: string; credit: string }

export function generateArticles(
  count: number,
  seed = 1,
  vocabulary = loadVocabulary(),
): SyntheticArticle[] {
  const random = createRandom(seed)
  // Story threads make the long tail of tags, like the portal's "story" tags.
  const threadCount = Math.max(50, Math.round(count / 8))
  const threads = Array.from(
    { length: threadCount },
    (_, i) => `${pick(random, PLACES)} ${pick(random, OBJECTS)} ${2000 + (i % 27)}`,
  )
  const start = Date.UTC(2015, 0, 1)
  const span = Date.UTC(2026, 7, 22) - start
  const articles: SyntheticArticle[] = []
  for (let i = 0; i < count; i++) {
    const place = pickZipf(random, PLACES.length)
    const other = pickZipf(random, PLACES.length)
    const tags = new Set<string>([pick(random, CATEGORIES), PLACES[place]!])
    if (random() < 0.5) tags.add(PLACES[other]!)
    if (random() < 0.6) tags.add(threads[pickZipf(random, threadCount)]!)
    const name = inventName(random)
    const title = `${pick(random, SUBJECTS)} in ${PLACES[place]} ${pick(random, VERBS)} ${pick(random, OBJECTS)} with ${name}, ${sampleWord(random, vocabulary)} ${sampleWord(random, vocabulary)}`
    const paragraphs = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const words = Array.from({ length: 20 + Math.floor(random() * 40) }, () =>
        sampleWord(random, vocabulary),
      )
      words.splice(Math.floor(random() * words.length), 0, name)
      return words.join(' ') + '.'
    })
    const day = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 10)
    const source = pick(random, SOURCES)
    articles.push({
      id: `syn-${day}-${i.toString(36)}`,
      title,
      published: random() < 0.995 ? day : undefined,
      tags: [...tags],
      body: random() < 0.7 ? paragraphs.join('\n\n') : undefined,
      summary: random() < 0.3 ? paragraphs[0]!.slice(0, 160) : undefined,
      sources: [
        {
          name: source,
          url: `https://example.com/${source.toLowerCase().replace(/\W+/g, '-')}/${i}`,
        },
      ],
      url: `https://example.com/articles/${i}`,
      license: 'CC0 1.0',
      credit: 'Synthetic corpus generated by scripts/generate-corpus.ts',
    })
  }
  return articles
}

function main(): void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  })
  const count = Number(values.count)
  const out = values.out ?? `.cache/synthetic-${count}.json`
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--count must be a positive integer, got ${values.count}`)
  mkdirSync(dirname(out), { recursive: true })
  const articles = generateArticles(count, Number(values.seed))
  writeFileSync(out, JSON.stringify({ name: `Synthetic corpus (${count} articles)`, articles }))
  console.log(`wrote ${count} articles to ${out}`)
}

if (import.meta.url === `file://${process.argv[1]}`) main()
