/**
 * The corpus compiler: input corpus (file or folder) -> validated model -> static JSON files.
 * Used by the Vite plugin (dev, build, preview) and by `npm run corpus:compile`.
 */
import type { InvisibleCounts } from '../../src/lib/invisible-text.ts'
import { plural } from '../../src/lib/plural.ts'
import { buildModel } from './build-model.ts'
import { describeRemoved } from './clean-article.ts'
import { createSyncWriter, type FileWriter } from './file-writer.ts'
import { CorpusError, defaultCorpusName, readCorpus } from './read-corpus.ts'
import { writeCompiled, type WriteSummary } from './write-compiled.ts'

export interface CompileReport extends WriteSummary {
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
 * Compiles the corpus at `inputPath` into `outDir`. With a threaded writer, the files may still be
 * being written when this returns: the caller awaits `writer.close()`.
 */
export function compileCorpus(
  inputPath: string,
  outDir: string,
  writer: FileWriter = createSyncWriter(outDir),
): CompileReport {
  const started = performance.now()
  const files = readCorpus(inputPath)
  const model = buildModel(files)
  if (model.articles.length === 0) {
    const total = files.reduce((sum, file) => sum + file.records.length, 0)
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
  const summary = writeCompiled(model, name, writer)
  return {
    ...summary,
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
      `${report.tags} tags; ${report.files} files, ${(report.bytes / 1e6).toFixed(1)} MB`,
  )
  return lines.join('\n')
}
