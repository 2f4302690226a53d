/**
 * main's shutdown policy, apart from process globals so it can be tested:
 * the first SIGTERM/SIGINT stops everything gracefully (answers in flight finish)
 * and exits 0 when done, or after `graceMs` at the latest; a second signal means
 * "now" and exits 1 at once (an operator pressing Ctrl-C twice wants out).
 */
export interface ShutdownDeps {
  /** Stops receiving and waits for answers in flight. */
  stop(): Promise<unknown>;
  exit(code: number): void;
  logger: { info(obj: object, msg: string): void; info(msg: string): void };
  graceMs: number;
}

export interface Shutdown {
  /** The signal handler to install for SIGTERM and SIGINT. */
  handle(signal: string): void;
  /** True once a signal has arrived (start-up checks it before starting more). */
  readonly stopping: boolean;
}

export function createShutdown(deps: ShutdownDeps): Shutdown {
  let stopping = false;
  return {
    get stopping() {
      return stopping;
    },
    handle(signal) {
      if (stopping) return deps.exit(1);
      stopping = true;
      deps.logger.info({ signal }, 'shutting down: finishing answers in flight');
      const timer = setTimeout(() => deps.exit(0), deps.graceMs);
      timer.unref();
      void deps.stop().finally(() => {
        clearTimeout(timer);
        deps.logger.info('bye');
        deps.exit(0);
      });
    },
  };
}
