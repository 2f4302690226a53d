import { randomBytes } from 'node:crypto';
import type { ChatLock } from '../bot/types.js';
import { KEY_PREFIX, type RedisConnection } from './redis-connection.js';

/** While a replica handles an update, a redelivery of it is a duplicate; if the replica dies, the claim lapses. */
const CLAIM_MS = 30_000;
/** After it was handled, a redelivery (Telegram retries for a while) is a duplicate for this long. */
const DONE_MS = 3_600_000;

/**
 * Webhook de-duplication across replicas: `claim(updateId)` is true for the first delivery
 * of an update (and again if the replica that claimed it died before finishing); `done`
 * marks it handled. Redis down: every delivery is handled (fail open).
 */
export function createUpdateClaims(conn: RedisConnection) {
  const key = (id: number) => `${KEY_PREFIX}update:${id}`;
  return {
    claim: (updateId: number) =>
      conn.attempt('webhook de-duplication', async (redis) => (await redis.set(key(updateId), 'claimed', 'PX', CLAIM_MS, 'NX')) === 'OK', true),
    done: (updateId: number) => conn.attempt('webhook de-duplication', (redis) => redis.set(key(updateId), 'done', 'PX', DONE_MS), null).then(() => {}),
  };
}

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * One update per chat at a time across replicas (grammY's `sequentialize` does it within
 * one): a lock per chat, polled every 25 ms. It is bounded on both sides: a holder that
 * died frees it after 30 s, and a waiter goes ahead after `maxWaitMs` (Telegram expects a
 * webhook answer within about 10 s). Redis down: no lock (fail open).
 */
export function createRedisChatLock(conn: RedisConnection, maxWaitMs = 8_000): ChatLock {
  return async (chat) => {
    const key = `${KEY_PREFIX}chat-lock:${chat}`;
    const token = randomBytes(8).toString('hex');
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const got = await conn.attempt('chat lock', async (redis) => ((await redis.set(key, token, 'PX', 30_000, 'NX')) === 'OK' ? 'locked' : 'busy'), 'failed');
      if (got === 'failed') return async () => {};
      if (got === 'locked') break;
      if (Date.now() > deadline) return async () => {};
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return async () => void (await conn.attempt('chat lock', (redis) => redis.eval(RELEASE, 1, key, token), 0));
  };
}
