/**
 * Where postings chunks start and what they are called, computed the same way by the compiler
 * (which writes them) and the engine (which finds a word's chunk from the word list it read).
 *
 * A chunk boundary is content-defined: whether a new chunk starts between two neighbouring words
 * of one two-letter list depends on those two words and their document frequencies only. Each
 * word ends a chunk with a probability proportional to the bytes of its postings (decided by a
 * hash of the word, so the same every time), which makes chunks CHUNK_TARGET bytes on average
 * whatever the words; a word larger than that is a chunk of its own. The target is the
 * compiler's (CHUNK_TARGET), recorded in meta.json for the engine. Inserting a word, or a
 * document that changes some words' df, moves only the boundaries next to those words, so the
 * other chunks keep their content and their names.
 *
 * Imported by node-side scripts too, so relative imports here carry their .ts extension.
 */
import { hash53 } from '../../../lib/hash53.ts'
import { bucketKey, type TermEntry } from './index-format.ts'

/** About how many bytes a word's postings take in a chunk file. */
export function postingsBytes(term: string, df: number): number {
  return 7 * df + term.length + 8
}

/**
 * Whether `next` starts a new chunk after `previous` (both of one list, in order), for chunks of
 * `target` bytes on average (SearchMeta.chunkTarget).
 */
export function startsChunk(previous: TermEntry, next: TermEntry, target: number): boolean {
  const before = postingsBytes(previous[0], previous[1])
  if (before >= target || postingsBytes(next[0], next[1]) >= target) return true
  return hash53(previous[0], 1) / 2 ** 53 < before / target
}

/**
 * The chunk of every entry of a sorted list of whole two-letter lists (one list, or a letter's
 * lists one after the other): its list's key and a hash of the chunk's first word. Two chunks of
 * one list whose first words hash alike (never seen; only a corpus made for it) get a suffix.
 */
export function chunkNames(entries: readonly TermEntry[], target: number): string[] {
  const names = new Array<string>(entries.length)
  let bucket = ''
  let used = new Set<string>()
  let current = ''
  entries.forEach((entry, i) => {
    const key = bucketKey(entry[0])
    const fresh = key !== bucket
    if (fresh) {
      bucket = key
      used = new Set()
    }
    if (fresh || startsChunk(entries[i - 1]!, entry, target)) {
      const base = `${key}-${hash53(entry[0], 0).toString(36)}`
      let name = base
      for (let k = 2; used.has(name); k++) name = `${base}_${k}`
      used.add(name)
      current = name
    }
    names[i] = current
  })
  return names
}
