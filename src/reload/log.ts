import type { Logger } from 'pino';
import type { ReloadResult } from '../engine/engine.js';
import { describeFile, KEPT_PREVIOUS, tally, type FileReport } from '../knowledge/accounting.js';
import type { KnowledgeError } from '../shared/errors.js';

/** Changed files named in a log line; a reload of a whole folder names these and counts the rest. */
const MAX_NAMED_FILES = 20;
/** Errors logged one per line when nothing could apply; past this, the summary counts the rest. */
const MAX_ERROR_LINES = 20;

/** The changed files, once and short: a reload that removes hundreds of files must not write megabytes of log. */
function changedSummary(changed: string[]): { changed: string[]; changedCount: number } {
  return { changed: changed.slice(0, MAX_NAMED_FILES), changedCount: changed.length };
}

/** Skipped and failed files, one line each (a failed one as a warning, with file and line), so a manager can find them. */
export function logFiles(logger: Logger, files: FileReport[], errors: KnowledgeError[]): void {
  for (const f of files) {
    if (f.status === 'skipped') logger.info({ file: f.file, reason: f.reason }, `knowledge: ${describeFile(f)}`);
    if (f.status !== 'failed') continue;
    const kept = f.keptPrevious ? KEPT_PREVIOUS : '';
    // Every error of the file (a FAQ file can have several), each with its line.
    for (const e of errors.filter((x) => x.file === f.file)) logger.warn({ file: e.file, line: e.line, keptPrevious: f.keptPrevious ?? false }, `knowledge: 出错 ${e.message}${kept}`);
  }
}

/**
 * One line per reload with the counts and the changed files (at most 20 named), then each
 * skipped or failed file; when nothing could apply, the first 20 errors and a summary.
 */
export function logReload(logger: Logger, result: ReloadResult, changed: string[]): void {
  const files = changedSummary(changed);
  if (result.applied) {
    const t = tally(result.files);
    const message = `knowledge reloaded: ${result.stats.articles} article(s), ${result.stats.passages} passages; files: ${t.loaded} loaded, ${t.skipped} skipped, ${t.failed} failed`;
    (t.failed ? logger.warn.bind(logger) : logger.info.bind(logger))({ ...files, ...result.stats, files: t }, message);
    logFiles(logger, result.files, result.errors);
    return;
  }
  for (const e of result.errors.slice(0, MAX_ERROR_LINES)) logger.warn({ file: e.file, line: e.line }, `knowledge not reloaded: ${e.message}`);
  const unlisted = result.errors.length - MAX_ERROR_LINES;
  logger.warn(
    { ...files, errors: result.errors.length },
    `knowledge not reloaded${unlisted > 0 ? ` (${unlisted} more error(s) not listed)` : ''}: the previous knowledge keeps serving until the errors above are fixed`,
  );
}
