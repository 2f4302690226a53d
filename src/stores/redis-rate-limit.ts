import { randomBytes } from 'node:crypto';
import type { RateLimiter, RateVerdict } from '../bot/rate-limit.js';
import { KEY_PREFIX, type RedisConnection } from './redis-connection.js';

const WINDOW_MS = 60_000;

/**
 * A sliding window in a sorted set (one member per question, scored by Redis's own
 * clock so replicas' clocks do not matter), plus a flag so only the first refusal in
 * a window is answered with a warning. Returns 1 allowed, 0 first refusal, -1 refused again.
 */
const SLIDING_WINDOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  redis.call('DEL', KEYS[2])
  return 1
end
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', window) then return 0 end
return -1
`;

/**
 * The bot's per-user limit shared by every replica (the same one-minute sliding window
 * as the in-memory limiter). While Redis is down or slow it fails open: the user is let
 * through, and the connection has logged why.
 */
export function createRedisRateLimiter(conn: RedisConnection, perMinute: number): RateLimiter {
  return {
    take: (userId) =>
      conn.attempt<RateVerdict>(
        'bot rate limit',
        async (redis) => {
          const member = `${Date.now()}-${randomBytes(4).toString('hex')}`;
          const keys = [`${KEY_PREFIX}bot-limit:${userId}`, `${KEY_PREFIX}bot-limit-warned:${userId}`];
          const verdict = (await redis.eval(SLIDING_WINDOW, 2, ...keys, WINDOW_MS, perMinute, member)) as number;
          return verdict === 1 ? { allowed: true } : { allowed: false, firstRefusal: verdict === 0 };
        },
        { allowed: true },
      ),
  };
}
