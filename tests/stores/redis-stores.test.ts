import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { createRedisAnswerStore } from '../../src/stores/redis-answer-store.js';
import { connectRedis, type RedisConnection } from '../../src/stores/redis-connection.js';
import { createRedisConversationStore } from '../../src/stores/redis-conversations.js';
import { createRedisRateLimiter } from '../../src/stores/redis-rate-limit.js';
import { createRedisChatLock, createUpdateClaims } from '../../src/stores/redis-updates.js';
import { broadcastReloads } from '../../src/stores/reload-broadcast.js';
import { describeRedis, startRedis, type EngineServer } from '../helpers/engines.js';
import { captureLogger, tempDir } from '../records/helpers.js';

let server: EngineServer;
const connections: RedisConnection[] = [];
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await server?.destroy();
});

/** One "replica": its own connection to the shared Redis, and its log. */
function replica() {
  const log = captureLogger();
  const conn = connectRedis({ url: server.url, logger: log.logger });
  connections.push(conn);
  return { conn, ...log };
}
const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};
const turn = (question: string, at = Date.now()) => ({ question, topic: [question.slice(0, 2)], passageIds: [`p-${question}`], at });

describeRedis('Redis shared stores', () => {
  it('counts a user’s questions across replicas in one window, warning once', async () => {
    const [a, b] = [replica(), replica()];
    await until(() => a.conn.state() === 'ok' && b.conn.state() === 'ok');
    const limiters = [createRedisRateLimiter(a.conn, 5), createRedisRateLimiter(b.conn, 5)];
    const verdicts = [];
    for (let i = 0; i < 8; i++) verdicts.push(await limiters[i % 2]!.take(4242));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.slice(5)).toEqual([
      { allowed: false, firstRefusal: true },
      { allowed: false, firstRefusal: false },
      { allowed: false, firstRefusal: false },
    ]);
    expect(await limiters[1]!.take(4343)).toEqual({ allowed: true });
  });

  it('keeps an answer and its votes where any replica finds them', async () => {
    const [a, b] = [replica(), replica()];
    await until(() => a.conn.state() === 'ok' && b.conn.state() === 'ok');
    const [storeA, storeB] = [createRedisAnswerStore(a.conn), createRedisAnswerStore(b.conn)];
    const id = await storeA.put({ question: '问题甲', chatType: 'private', passageIds: ['x1'], nextOffset: 3 });
    expect(await storeB.get(id)).toEqual({ question: '问题甲', chatType: 'private', passageIds: ['x1'], nextOffset: 3 });
    expect(await storeB.get('nosuchid')).toBeUndefined();
    expect(await storeA.firstVote(id, 'c'.repeat(64))).toBe(true);
    expect(await storeB.firstVote(id, 'c'.repeat(64))).toBe(false);
    expect(await storeB.firstVote(id, 'd'.repeat(64))).toBe(true);
  });

  it('continues a conversation on another replica: the last five turns, oldest first, none expired', async () => {
    const [a, b] = [replica(), replica()];
    await until(() => a.conn.state() === 'ok' && b.conn.state() === 'ok');
    const [storeA, storeB] = [createRedisConversationStore(a.conn), createRedisConversationStore(b.conn)];
    await storeA.append('chat-1', turn('很久以前的问题', Date.now() - 11 * 60_000));
    for (let i = 1; i <= 6; i++) await (i % 2 ? storeA : storeB).append('chat-1', turn(`第${i}问`));
    expect((await storeB.get('chat-1')).map((t) => t.question)).toEqual(['第2问', '第3问', '第4问', '第5问', '第6问']);
    const expired = createRedisConversationStore(a.conn);
    await expired.append('chat-2', turn('过期的', Date.now() - 11 * 60_000));
    expect(await storeB.get('chat-2')).toEqual([]);
    expect(await storeB.get('no-such-chat')).toEqual([]);
    const ttl = await a.conn.redis.pttl('chuchu:conversation:chat-1');
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
  });

  it('handles a webhook update once across replicas, and one update per chat at a time', async () => {
    const [a, b] = [replica(), replica()];
    await until(() => a.conn.state() === 'ok' && b.conn.state() === 'ok');
    const [claimsA, claimsB] = [createUpdateClaims(a.conn), createUpdateClaims(b.conn)];
    expect(await claimsA.claim(9001)).toBe(true);
    expect(await claimsB.claim(9001)).toBe(false);
    await claimsA.done(9001);
    expect(await claimsB.claim(9001)).toBe(false);
    expect(await claimsB.claim(9002)).toBe(true);

    const [lockA, lockB] = [createRedisChatLock(a.conn), createRedisChatLock(b.conn)];
    const order: string[] = [];
    const releaseA = await lockA('77');
    const waiting = lockB('77').then((release) => (order.push('b locked'), release));
    await new Promise((r) => setTimeout(r, 150));
    order.push('a releases');
    await releaseA();
    await (await waiting)();
    expect(order).toEqual(['a releases', 'b locked']);
  });

  it('reaches every other replica with a reload, without echo', async () => {
    const { dir, cleanup } = tempDir();
    cpSync('knowledge', dir, { recursive: true });
    try {
      const counts = [0, 0];
      const engines = await Promise.all(
        [0, 1].map(async (i) => {
          const engine = await createEngine({ knowledgeDir: dir });
          const reload = engine.reload;
          const { conn, logger } = { ...replica(), logger: captureLogger().logger };
          await until(() => conn.state() === 'ok');
          return broadcastReloads({ ...engine, reload: () => (counts[i]!++, reload()) }, conn, logger);
        }),
      );
      await new Promise((r) => setTimeout(r, 200)); // the subscriptions are in place
      const result = await engines[0]!.reload();
      expect(result.ok).toBe(true);
      await until(() => counts[1] === 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(counts).toEqual([1, 1]);
    } finally {
      cleanup();
    }
  });

  it('lets a question through when Redis is slow, after the command timeout at most', async () => {
    const [r, pauser] = [replica(), replica()];
    await until(() => r.conn.state() === 'ok' && pauser.conn.state() === 'ok');
    const limiter = createRedisRateLimiter(r.conn, 1);
    expect(await limiter.take(777)).toEqual({ allowed: true });
    // Redis stops answering every client's writes for 2 s.
    await pauser.conn.redis.call('CLIENT', 'PAUSE', '2000', 'WRITE');
    const t0 = Date.now();
    expect(await limiter.take(777)).toEqual({ allowed: true });
    expect(Date.now() - t0).toBeLessThan(1_500);
    expect(r.lines().some((l) => l.msg === 'redis: bot rate limit failed; failing open')).toBe(true);
    await pauser.conn.redis.call('CLIENT', 'UNPAUSE');
  });

  it('fails open while Redis is down, logs it once, and recovers without a restart', async () => {
    const r = replica();
    await until(() => r.conn.state() === 'ok');
    const limiter = createRedisRateLimiter(r.conn, 1);
    const answers = createRedisAnswerStore(r.conn);
    const conversations = createRedisConversationStore(r.conn);
    const claims = createUpdateClaims(r.conn);
    await conversations.append('chat-down', turn('停机前'));
    await server.stop();
    try {
      await until(() => r.conn.state() === 'down');
      const t0 = Date.now();
      for (let i = 0; i < 3; i++) expect(await limiter.take(555)).toEqual({ allowed: true });
      const id = await answers.put({ question: '停机时', chatType: 'group', passageIds: [], nextOffset: 3 });
      expect((await answers.get(id))?.question).toBe('停机时');
      expect(await conversations.get('chat-down')).toEqual([]);
      await conversations.append('chat-down', turn('停机时'));
      expect(await claims.claim(31337)).toBe(true);
      expect(Date.now() - t0).toBeLessThan(1_000);
      expect(r.lines().filter((l) => String(l.msg).startsWith('redis: unreachable'))).toHaveLength(1);
    } finally {
      await server.start();
    }
    await until(() => r.conn.state() === 'ok');
    expect(await limiter.take(556)).toEqual({ allowed: true });
    expect(await limiter.take(556)).toEqual({ allowed: false, firstRefusal: true });
    expect(r.lines().some((l) => String(l.msg).startsWith('redis: connected'))).toBe(true);
  });
});
