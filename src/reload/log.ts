import type { Logger } from 'pino';
import type { ReloadResult } from '../engine/engine.js';

/** One line per reload; on failure one warning per error, with file and line, so a manager can find the typo. */
export function logReload(logger: Logger, result: ReloadResult, changed: string[]): void {
  if (result.ok) {
    logger.info({ changed, ...result.stats }, `knowledge reloaded: ${result.stats.articles} article(s), ${result.stats.passages} passages`);
    return;
  }
  for (const e of result.errors) logger.warn({ file: e.file, line: e.line, changed }, `knowledge not reloaded: ${e.message}`);
  logger.warn({ changed, errors: result.errors.length }, 'knowledge not reloaded: the previous knowledge keeps serving until the errors above are fixed');
}
