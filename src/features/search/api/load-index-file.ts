import { fetchJson, NotFoundError } from '@/lib/fetch-json'

/** The engine's loader: a compiled-corpus file, or null when it does not exist (an unknown word). */
export async function loadIndexFile(path: string): Promise<unknown> {
  try {
    return await fetchJson<unknown>(path)
  } catch (error) {
    if (error instanceof NotFoundError) return null
    throw error
  }
}
