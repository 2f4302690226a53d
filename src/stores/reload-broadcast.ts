import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Engine } from '../engine/types.js';
import { KEY_PREFIX, type RedisConnection } from './redis-connection.js';

export const RELOAD_CHANNEL = `${KEY_PREFIX}reload`;

/**
 * Makes a reload on one replica reach them all. The returned engine publishes on Redis
 * after each successful reload, whatever asked for it (the admin route, Telegram /reload,
 * the folder watcher); every other replica then re-reads its knowledge folder. A replica
 * that hears the message reloads without publishing again, so there is no echo.
 * Redis down: the reload stays local (logged), as without Redis.
 *
 * @example
 * engine = broadcastReloads(await createEngine(…), connection, logger);
 */
export function broadcastReloads<E extends Engine>(engine: E, conn: RedisConnection, logger: Logger): E {
  const self = randomUUID();
  const subscriber = conn.subscriber();
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== RELOAD_CHANNEL || message === self) return;
    engine.reload().then(
      (result) => logger.info({ ok: result.ok, errors: result.errors.length, ...result.stats }, 'knowledge reloaded: another replica reloaded'),
      (error: Error) => logger.error({ error: error.message }, 'knowledge reload asked by another replica failed'),
    );
  });
  subscriber.subscribe(RELOAD_CHANNEL).catch((error: Error) => logger.warn({ error: error.message }, 'redis: cannot subscribe to reloads yet (retrying on reconnect)'));
  return {
    ...engine,
    async reload() {
      const result = await engine.reload();
      if (result.ok) {
        const heard = await conn.attempt('reload broadcast', (redis) => redis.publish(RELOAD_CHANNEL, self), -1);
        logger.info({ replicas: heard }, heard < 0 ? 'reload not broadcast (Redis unavailable): other replicas keep their knowledge' : 'reload broadcast to the other replicas');
      }
      return result;
    },
  };
}
