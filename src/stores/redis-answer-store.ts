import { createAnswerStore, newAnswerId, type AnswerStore, type StoredAnswer } from '../bot/answer-store.js';
import { KEY_PREFIX, type RedisConnection } from './redis-connection.js';

/** How long the buttons under an answer keep working (then they say "expired"). */
const ANSWER_TTL_S = 2 * 86_400;

/**
 * The answers behind the 更多, 👍/👎 and "did you mean" buttons, in Redis so a tap works
 * whichever replica Telegram's webhook reaches. While Redis is down, answers are kept in
 * this replica's memory instead (their buttons work here, and say "expired" elsewhere).
 */
export function createRedisAnswerStore(conn: RedisConnection): AnswerStore {
  const local = createAnswerStore();
  const key = (id: string) => `${KEY_PREFIX}answer:${id}`;
  const votersKey = (id: string) => `${KEY_PREFIX}answer-voters:${id}`;
  const moreKey = (id: string) => `${KEY_PREFIX}answer-more:${id}`;
  return {
    async put(answer) {
      const id = newAnswerId();
      const stored = await conn.attempt('answer store', async (redis) => (await redis.set(key(id), JSON.stringify(answer), 'EX', ANSWER_TTL_S)) === 'OK', false);
      if (!stored) local.put(answer, id);
      return id;
    },
    async get(id) {
      const json = await conn.attempt('answer store', (redis) => redis.get(key(id)), null);
      return json ? (JSON.parse(json) as StoredAnswer) : local.get(id);
    },
    async firstVote(id, userHash) {
      if (local.get(id)) return local.firstVote(id, userHash);
      const added = await conn.attempt(
        'answer votes',
        async (redis) => {
          const [[, n]] = (await redis.multi().sadd(votersKey(id), userHash).expire(votersKey(id), ANSWER_TTL_S).exec()) as [[unknown, number]];
          return n;
        },
        // Redis down: count the vote rather than refuse it; at worst a user votes twice.
        1,
      );
      return added === 1;
    },
    async claimMore(id) {
      if (local.get(id)) return local.claimMore(id);
      // The first press on any replica owns the page; Redis down: send it (at worst twice).
      return conn.attempt('answer store', async (redis) => (await redis.set(moreKey(id), '1', 'EX', ANSWER_TTL_S, 'NX')) === 'OK', true);
    },
  };
}
