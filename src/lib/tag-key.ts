import { stripInvisible } from './invisible-text.ts'

/**
 * Tags compare case-insensitively and regardless of invisible characters: "Gaza war", "Gaza War"
 * and "Gaza\u200Bwar" are one tag. The key is what the compiler groups by and what the client
 * derives from a tag named in the URL, so both sides must use this one function.
 */
export function tagKey(tag: string): string {
  return stripInvisible(tag).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** cyrb53: a fast 53-bit string hash; collisions are checked at compile time. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
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
