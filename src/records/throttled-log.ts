import type { Logger } from 'pino';

/**
 * Logs a recurring failure (a full disk fails every write) once, then at most once
 * per interval with how many were not logged, so the log stays readable.
 */
export function throttledErrorLog(logger: Logger, intervalMs = 60_000): (err: unknown, message: string) => void {
  let last = -Infinity;
  let suppressed = 0;
  return (err, message) => {
    const t = Date.now();
    if (t - last < intervalMs) {
      suppressed++;
      return;
    }
    logger.error({ error: err instanceof Error ? err.message : String(err), ...(suppressed ? { suppressed } : {}) }, message);
    last = t;
    suppressed = 0;
  };
}
