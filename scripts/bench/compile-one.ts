/**
 * Compiles one corpus and prints figures as JSON (run in its own process so peak memory is its own).
 *   node --import tsx scripts/bench/compile-one.ts <corpus> <outDir>
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

import { compileCorpus } from '../corpus/compile.ts'
import { createThreadedWriter } from '../corpus/file-writer.ts'

const [input, out] = process.argv.slice(2) as [string, string]
// As the build compiles: the files written on a second thread.
const started = performance.now()
const writer = createThreadedWriter(out)
const report = compileCorpus(input, out, writer)
await writer.close()
report.millis = performance.now() - started

function sizes(dir: string, filter: (name: string) => boolean = () => true): number[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && filter(entry.name))
    .map((entry) => statSync(join(entry.parentPath, entry.name)).size)
    .sort((a, b) => a - b)
}

const pick = (values: number[]) => ({
  median: values[Math.floor(values.length / 2)] ?? 0,
  max: values.at(-1) ?? 0,
})
const gz = (path: string) => gzipSync(readFileSync(join(out, path))).length

console.log(
  JSON.stringify({
    articles: report.kept,
    skipped: report.skipped,
    tags: report.tags,
    files: report.files,
    totalBytes: report.bytes,
    compileMs: Math.round(report.millis),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    metaBytes: statSync(join(out, 'meta.json')).size,
    tagIndexBytes: statSync(join(out, 'tags.json')).size,
    tagIndexGzipBytes: gz('tags.json'),
    firstFeedPageBytes: statSync(join(out, 'feed', '1.json')).size,
    firstFeedPageGzipBytes: gz('feed/latest.json'),
    feedPage: pick(sizes(join(out, 'feed'))),
    tagPage: pick(sizes(join(out, 'tags'), (name) => name !== 'ids.json')),
    tagPostings: pick(sizes(join(out, 'tags'), (name) => name === 'ids.json')),
    articleDocument: pick(sizes(join(out, 'articles'))),
  }),
)
