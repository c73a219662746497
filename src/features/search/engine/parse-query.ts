/**
 * The search syntax: words (all required; the last one also matches as a prefix, since it may be
 * still being typed), "exact phrases", -excluded words or -"phrases", tag:Name or tag:"Two words"
 * as tag filters and -tag:Name to leave a tag out. Typo tolerance follows word length: one edit from 4 letters, two from 8.
 */
import { STOPWORDS, tokenize } from '../../../lib/tokenize.ts'

export interface QueryWord {
  /** Folded, as in the index. */
  term: string
  /** Also match longer words starting with it. */
  prefix: boolean
  /** Edits allowed when matching (0, 1 or 2). */
  maxEdits: number
}

export interface QueryPhrase {
  /** Folded words without stopwords. */
  terms: string[]
  /** Each word's position relative to the first, stopwords counted. */
  offsets: number[]
}

export interface ParsedQuery {
  /** Required words, each matched with prefix and typo tolerance where allowed. */
  words: QueryWord[]
  /** Required exact phrases (of two or more indexed words). */
  phrases: QueryPhrase[]
  /** Words and phrases that must not occur. */
  excluded: QueryPhrase[]
  /** tag: filters, as written. */
  tags: string[]
  /** -tag: exclusions, as written. */
  notags: string[]
  /** Folded words to highlight in results. */
  highlight: string[]
}

export function maxEditsFor(term: string): number {
  const length = [...term].length
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

interface Part {
  kind: 'word' | 'phrase' | 'tag'
  text: string
  negated: boolean
}

/** Splits the raw query into words, quoted phrases and tag: filters (an unclosed quote runs to the end). */
function splitParts(query: string): { parts: Part[]; endsInWord: boolean } {
  const parts: Part[] = []
  const pattern = /(-)?(?:(tag):(?:"([^"]*)"?|(\S+))|"([^"]*)"?|(\S+))/giu
  for (const match of query.matchAll(pattern)) {
    const [, minus, tagKeyword, tagQuoted, tagBare, phrase, word] = match
    const negated = minus === '-'
    if (tagKeyword) {
      const text = (tagQuoted ?? tagBare ?? '').trim()
      if (text) parts.push({ kind: 'tag', text, negated })
    } else if (phrase !== undefined) {
      if (phrase.trim()) parts.push({ kind: 'phrase', text: phrase, negated })
    } else if (word !== undefined) {
      parts.push({ kind: 'word', text: word, negated })
    }
  }
  const last = parts.at(-1)
  return {
    parts,
    endsInWord: Boolean(last && last.kind === 'word' && !last.negated && !/\s$/.test(query)),
  }
}

function toPhrase(text: string, keepSingleLetters = false): QueryPhrase {
  const tokens = tokenize(text, { keepSingleLetters }).filter((token) => !STOPWORDS.has(token.term))
  const first = tokens[0]?.position ?? 0
  return { terms: tokens.map((t) => t.term), offsets: tokens.map((t) => t.position - first) }
}

export function parseQuery(query: string): ParsedQuery {
  const { parts, endsInWord } = splitParts(query)
  const parsed: ParsedQuery = {
    words: [],
    phrases: [],
    excluded: [],
    tags: [],
    notags: [],
    highlight: [],
  }
  const seen = new Set<string>()
  const addWord = (term: string, prefix: boolean) => {
    const key = `${term}${prefix ? '*' : ''}`
    if (seen.has(key)) return
    seen.add(key)
    parsed.words.push({ term, prefix, maxEdits: maxEditsFor(term) })
  }

  parts.forEach((part, index) => {
    if (part.kind === 'tag') {
      ;(part.negated ? parsed.notags : parsed.tags).push(part.text)
      return
    }
    // The word being typed may be a single letter so far: it still completes ("b" -> "border").
    const lastPart = index === parts.length - 1 && endsInWord
    const phrase = toPhrase(part.text, lastPart)
    if (phrase.terms.length === 0) return
    if (part.negated) {
      parsed.excluded.push(phrase)
      return
    }
    parsed.highlight.push(...phrase.terms)
    if (part.kind === 'phrase' && phrase.terms.length > 1) {
      parsed.phrases.push(phrase)
      return
    }
    // A bare word can still be several tokens ("al-Hasanat"): each is required.
    phrase.terms.forEach((term, i) => {
      const prefix = part.kind === 'word' && lastPart && i === phrase.terms.length - 1
      if (part.kind === 'phrase') parsed.words.push({ term, prefix: false, maxEdits: 0 })
      else addWord(term, prefix)
    })
  })
  parsed.highlight = [...new Set(parsed.highlight)]
  return parsed
}

/** True when the query asks for nothing: no words, phrases or tags (stopwords alone, say). */
export function isEmptyQuery(parsed: ParsedQuery): boolean {
  return parsed.words.length === 0 && parsed.phrases.length === 0 && parsed.tags.length === 0
}

/**
 * Moves tag: filters out of a query string, so `tag:"Gaza war"` in the search box becomes the same
 * tag filter as /?tag=Gaza+war (and `-tag:Japan` the same as &notag=Japan), chips and URL alike.
 */
export function extractTags(query: string): { query: string; tags: string[]; notags: string[] } {
  const tags: string[] = []
  const notags: string[] = []
  const rest = query.replace(
    /(^|\s)(-?)tag:(?:"([^"]*)"?|(\S+))/giu,
    (_, space: string, minus: string, quoted?: string, bare?: string) => {
      const tag = (quoted ?? bare ?? '').trim()
      if (tag) (minus ? notags : tags).push(tag)
      return space
    },
  )
  return { query: rest.replace(/\s+/g, ' ').trim(), tags, notags }
}
