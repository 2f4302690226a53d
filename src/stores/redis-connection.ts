import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { throttledErrorLog } from '../records/throttled-log.js';

/** Every key chuchu writes starts with this, so one Redis can serve other applications too. */
export const KEY_PREFIX = 'chuchu:';

export type RedisState = 'connecting' | 'ok' | 'down';

export interface RedisConnection {
  /** Commands fail at once while Redis is unreachable (no offline queue): callers fail open. */
  redis: Redis;
  state(): RedisState;
  /** A second connection for SUBSCRIBE (a subscribed connection can do nothing else). */
  subscriber(): Redis;
  /**
   * Runs a Redis call; when it fails (down, or slower than the command timeout) returns
   * `fallback` instead and logs (throttled) that `what` failed open.
   */
  attempt<T>(what: string, work: (redis: Redis) => Promise<T>, fallback: T): Promise<T>;
  close(): Promise<void>;
}

export interface RedisOptions {
  url: string;
  logger: Logger;
  /** A command slower than this fails (and its caller fails open); default 500 ms. */
  commandTimeoutMs?: number;
}

/**
 * One ioredis connection per replica that never makes an answer wait long: no offline
 * queue (a command while disconnected fails at once), a command timeout for a slow
 * server, and reconnection forever with a backoff capped at 2 s. State changes are
 * logged once each, so "Redis down" is one line, not one per request.
 *
 * @example
 * const conn = connectRedis({ url: 'redis://127.0.0.1:6379', logger });
 * await conn.redis.set('chuchu:x', '1'); // throws while Redis is down: catch, and fail open
 */
export function connectRedis(options: RedisOptions): RedisConnection {
  const { logger } = options;
  const common = {
    connectTimeout: 2_000,
    commandTimeout: options.commandTimeoutMs ?? 500,
    maxRetriesPerRequest: 1,
    retryStrategy: (times: number) => Math.min(100 * times, 2_000),
  };
  const redis = new Redis(options.url, { ...common, enableOfflineQueue: false });
  const extra: Redis[] = [];
  let state: RedisState = 'connecting';
  redis.on('ready', () => {
    if (state !== 'ok') logger.info('redis: connected; limits, answer buttons, webhook claims and reloads are shared');
    state = 'ok';
  });
  // 'error' must have a listener (ioredis prints otherwise); 'close' says the link is gone.
  const down = (error?: Error) => {
    if (state === 'down') return;
    state = 'down';
    logger.error(
      { error: error?.message },
      'redis: unreachable; failing open (rate limits not enforced across replicas, answer buttons kept on this replica, conversations without context) until it is back',
    );
  };
  redis.on('error', (error: Error) => down(error));
  redis.on('close', () => {
    if (state === 'ok') down(new Error('connection closed'));
  });
  const logFailure = throttledErrorLog(logger);
  return {
    redis,
    state: () => state,
    async attempt(what, work, fallback) {
      try {
        return await work(redis);
      } catch (error) {
        // While down, the one "unreachable" line says it all; a slow or failing command while up is worth its own.
        if (state === 'ok') logFailure(error, `redis: ${what} failed; failing open`);
        return fallback;
      }
    },
    subscriber() {
      // Queued SUBSCRIBEs are sent once connected, and ioredis re-subscribes after a reconnect.
      const sub = new Redis(options.url, { ...common, commandTimeout: undefined, enableOfflineQueue: true, maxRetriesPerRequest: null });
      sub.on('error', () => {});
      extra.push(sub);
      return sub;
    },
    async close() {
      for (const c of [redis, ...extra]) c.disconnect();
    },
  };
}
