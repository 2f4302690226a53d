import type { Bot, Context, MiddlewareFn } from 'grammy';

/**
 * Counts updates being handled, so shutdown can wait for answers in flight.
 * The runner's own `stop()` only waits for the fetch loop, not for handlers.
 */
export interface InFlight {
  middleware: MiddlewareFn<Context>;
  /** Resolves once no update is being handled. */
  idle(): Promise<void>;
  readonly count: number;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: Array<() => void> = [];
  return {
    middleware: async (_ctx, next) => {
      count++;
      try {
        await next();
      } finally {
        count--;
        if (count === 0) {
          for (const resolve of waiters) resolve();
          waiters = [];
        }
      }
    },
    idle: () => (count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    get count() {
      return count;
    },
  };
}

const registry = new WeakMap<Bot, InFlight>();

/** Attaches a counter to `bot`; install its middleware first. */
export function trackInFlight(bot: Bot): InFlight {
  const inFlight = createInFlight();
  registry.set(bot, inFlight);
  return inFlight;
}

/** Resolves once `bot` is handling no update (graceful shutdown). */
export function waitForIdle(bot: Bot): Promise<void> {
  return registry.get(bot)?.idle() ?? Promise.resolve();
}
