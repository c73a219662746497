import { hash53 } from './hash53.ts'
import { stripInvisible } from './invisible-text.ts'

/**
 * Tags compare case-insensitively and regardless of invisible characters: "Gaza war", "Gaza War"
 * and "Gaza\u200Bwar" are one tag. The key is what the compiler groups by and what the client
 * derives from a tag named in the URL, so both sides must use this one function.
 */
export function tagKey(tag: string): string {
  return stripInvisible(tag).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * A file-system and URL safe name for a tag's compiled files: a readable ASCII slug plus a hash of
 * the key, so "C++" and "C" or "Québec" and "Quebec" never share a file.
 */
export function tagFileName(tag: string): string {
  const key = tagKey(tag)
  const slug = key
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  // Collisions are checked at compile time.
  const hash = hash53(key).toString(36)
  return slug ? `${slug}-${hash}` : hash
}

/** The tags as the reader gave them, in their order, each in the corpus's spelling where known. */
export function inCorpusSpelling(
  tags: readonly string[],
  known: readonly { name: string }[],
): string[] {
  const spelling = new Map(known.map((tag) => [tagKey(tag.name), tag.name]))
  return tags.map((tag) => spelling.get(tagKey(tag)) ?? tag)
}
