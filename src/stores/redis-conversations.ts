import { CONVERSATION_TTL_MS, MAX_TURNS } from '../conversation/memory-store.js';
import type { ConversationStore, Turn } from '../conversation/store.js';
import { KEY_PREFIX, type RedisConnection } from './redis-connection.js';

export interface RedisConversationOptions {
  /** A follow-up leans on turns this recent at most (default 10 minutes). */
  ttlMs?: number;
  /** Turns kept per conversation (default 5). */
  maxTurns?: number;
}

const isTurn = (t: unknown): t is Turn =>
  typeof t === 'object' && t !== null && typeof (t as Turn).question === 'string' && Array.isArray((t as Turn).topic) && typeof (t as Turn).at === 'number';

/**
 * Conversations in Redis, one list per conversation id, so a follow-up continues whichever
 * replica takes it. Each append trims the list to the last turns and refreshes its expiry;
 * Redis forgets idle conversations by itself. While Redis is down or slow a question is
 * answered without context (get gives no turns) and its turn is not kept.
 */
export function createRedisConversationStore(conn: RedisConnection, options: RedisConversationOptions = {}): ConversationStore {
  const ttlMs = options.ttlMs ?? CONVERSATION_TTL_MS;
  const maxTurns = options.maxTurns ?? MAX_TURNS;
  const key = (id: string) => `${KEY_PREFIX}conversation:${id}`;
  return {
    async get(id) {
      const items = await conn.attempt('conversation store', (redis) => redis.lrange(key(id), 0, -1), [] as string[]);
      const fresh = Date.now() - ttlMs;
      return items.flatMap((json) => {
        try {
          const turn: unknown = JSON.parse(json);
          return isTurn(turn) && turn.at > fresh ? [turn] : [];
        } catch {
          return [];
        }
      });
    },
    async append(id, turn) {
      await conn.attempt(
        'conversation store',
        (redis) => redis.multi().rpush(key(id), JSON.stringify(turn)).ltrim(key(id), -maxTurns, -1).pexpire(key(id), ttlMs).exec(),
        null,
      );
    },
  };
}
