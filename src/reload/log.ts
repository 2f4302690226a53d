import type { Logger } from 'pino';
import type { ReloadResult } from '../engine/engine.js';
import { describeFile, tally, type FileReport } from '../knowledge/accounting.js';
import type { KnowledgeError } from '../shared/errors.js';

/** Skipped and failed files, one line each (a failed one as a warning, with file and line), so a manager can find them. */
export function logFiles(logger: Logger, files: FileReport[], errors: KnowledgeError[]): void {
  for (const f of files) {
    if (f.status === 'skipped') logger.info({ file: f.file, reason: f.reason }, `knowledge: ${describeFile(f)}`);
    if (f.status !== 'failed') continue;
    const kept = f.keptPrevious ? ' (its last good version keeps serving)' : '';
    // Every error of the file (a FAQ file can have several), each with its line.
    for (const e of errors.filter((x) => x.file === f.file)) logger.warn({ file: e.file, line: e.line, keptPrevious: f.keptPrevious ?? false }, `knowledge: failed ${e.message}${kept}`);
  }
}

/** One line per reload with the counts, then each skipped or failed file; when nothing could apply, each error. */
export function logReload(logger: Logger, result: ReloadResult, changed: string[]): void {
  if (result.applied) {
    const t = tally(result.files);
    const message = `knowledge reloaded: ${result.stats.articles} article(s), ${result.stats.passages} passages; files: ${t.loaded} loaded, ${t.skipped} skipped, ${t.failed} failed`;
    (t.failed ? logger.warn.bind(logger) : logger.info.bind(logger))({ changed, ...result.stats, files: t }, message);
    logFiles(logger, result.files, result.errors);
    return;
  }
  for (const e of result.errors) logger.warn({ file: e.file, line: e.line, changed }, `knowledge not reloaded: ${e.message}`);
  logger.warn({ changed, errors: result.errors.length }, 'knowledge not reloaded: the previous knowledge keeps serving until the errors above are fixed');
}
