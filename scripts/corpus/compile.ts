/**
 * The corpus compiler: input corpus (file or folder) -> validated model -> static JSON files.
 * Used by the Vite plugin (dev, build, preview, through compile-cached.ts, which keeps the state
 * of the last compile beside its output and compiles incrementally) and by `npm run corpus:check`.
 *
 * One path for both: a full compile is an incremental one from no state. Given the state of an
 * earlier compile (`CompileState`), records seen before are not checked again, files whose content
 * did not change are not written again, and files the corpus no longer has are removed.
 */
import type { InvisibleCounts } from '../../src/lib/invisible-text.ts'
import { plural } from '../../src/lib/plural.ts'
import { buildModel } from './build-model.ts'
import { describeRemoved } from './clean-article.ts'
import { createSyncWriter, type FileWriter } from './file-writer.ts'
import { createOutputSink, type OutputHashes, type SinkTarget } from './output-sink.ts'
import type { PreparedRecord } from './prepare-record.ts'
import type { RelatedState } from './related-lists.ts'
import type { SearchState } from './search-state.ts'
import { CorpusError, defaultCorpusName, readCorpus, type CorpusFile } from './read-corpus.ts'
import { trace } from './trace.ts'
import { writeCompiled } from './write-compiled.ts'

/** What a compile leaves for the next one (saved by compile-state.ts). */
export interface CompileState {
  /** Every record's prepared form, by record hash. */
  prepared: Map<string, PreparedRecord>
  /** Every output file with its hash and size. */
  outputs: OutputHashes
  /** Per article id: what its document was made of. */
  documents: Map<string, string>
  /** The related lists (related-lists.ts). */
  related: RelatedState
  /** The search index (search-state.ts). */
  search: SearchState
}

export interface CompileReport {
  /** Output files and their bytes, in all. */
  files: number
  bytes: number
  /** Since the compile whose state this one started from (everything, for a full compile). */
  filesAdded: number
  filesChanged: number
  filesRemoved: number
  /** Whether it started from an earlier compile's state. */
  incremental: boolean
  name: string
  kept: number
  skipped: number
  tags: number
  /** One line per skipped record: file, index, id, field and reason. */
  problems: string[]
  /** One line per change to a kept record (a dropped link): file, index, id, field and reason. */
  warnings: string[]
  /** One line per kept record that held invisible characters: what was removed from each field. */
  cleaned: string[]
  /** Invisible characters removed in all. */
  removed: InvisibleCounts
  millis: number
}

/**
 * Compiles the corpus at `inputPath` into `outDir`, every file written. With a threaded writer, the
 * files may still be being written when this returns: the caller awaits `writer.close()`.
 */
export function compileCorpus(
  inputPath: string,
  outDir: string,
  writer: FileWriter = createSyncWriter(outDir),
): CompileReport {
  const target: SinkTarget = {
    write: writer.write,
    remove: () => {},
  }
  return compileFiles(inputPath, readCorpus(inputPath), target).report
}

/**
 * Compiles read corpus files through `target`, from the state an earlier compile of the same
 * output left (or from nothing). Returns the report and the state to keep for the next compile.
 */
export function compileFiles(
  inputPath: string,
  files: CorpusFile[],
  target: SinkTarget,
  previous?: CompileState,
): { report: CompileReport; state: CompileState } {
  const started = performance.now()
  const model = buildModel(files, previous?.prepared)
  trace('model')
  if (model.articles.length === 0) {
    const total = model.records
    throw new CorpusError(
      total === 0
        ? `${inputPath}: the corpus has no articles`
        : `${inputPath}: none of its ${total} articles is usable:\n  ${model.problems.slice(0, 20).join('\n  ')}`,
    )
  }
  const names = [
    ...new Set(files.map((file) => file.name).filter((name): name is string => Boolean(name))),
  ]
  const name =
    names.length > 0 && names.length <= 3 ? names.join(' · ') : defaultCorpusName(inputPath)
  const sink = createOutputSink(previous?.outputs ?? new Map(), target)
  const written = writeCompiled(model, name, sink, previous)
  const summary = sink.close()
  const report: CompileReport = {
    files: summary.files,
    bytes: summary.bytes,
    filesAdded: summary.added.length,
    filesChanged: summary.changed.length,
    filesRemoved: summary.removed.length,
    incremental: previous !== undefined,
    name,
    kept: model.articles.length,
    skipped: model.skipped,
    tags: model.tags.length,
    problems: model.problems,
    warnings: model.warnings,
    cleaned: model.cleaned,
    removed: model.removed,
    millis: performance.now() - started,
  }
  return {
    report,
    state: {
      prepared: model.prepared,
      outputs: summary.hashes,
      documents: written.documents,
      related: written.related,
      search: written.search,
    },
  }
}

export function formatReport(report: CompileReport): string {
  const lines = [
    ...report.problems.map((problem) => `skipped ${problem}`),
    ...report.warnings.map((warning) => `warning ${warning}`),
    ...report.cleaned.map((line) => `cleaned ${line}`),
  ]
  const { bidi, zeroWidth, control } = report.removed
  const removed = bidi + zeroWidth + control
  if (removed) {
    lines.push(
      `removed ${plural(removed, 'invisible character')} from ${plural(report.cleaned.length, 'article')} ` +
        `(${describeRemoved(report.removed)}): text is indexed, merged and shown without them`,
    )
  }
  const warnings = report.warnings.length
  lines.push(
    `corpus "${report.name}": ${report.kept} articles kept, ${report.skipped} skipped` +
      `${warnings ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}; ` +
      `${report.tags} tags; ${report.files} files, ${(report.bytes / 1e6).toFixed(1)} MB` +
      (report.incremental
        ? `; since the last compile ${report.filesAdded} added, ${report.filesChanged} changed, ` +
          `${report.filesRemoved} removed`
        : ''),
  )
  return lines.join('\n')
}
