import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AnswerStore } from '../bot/answer-store.js';
import type { ConversationStore } from '../conversation/store.js';
import type { RateLimiter } from '../bot/rate-limit.js';
import type { ChatLock } from '../bot/types.js';
import type { UpdateClaims } from '../bot/webhook.js';
import type { Engine } from '../engine/types.js';
import type { RecordsHealth } from '../records/pg-recorder.js';
import type { RecordsReader } from '../records/query.js';
import type { Recorder } from '../records/recorder.js';
import { openRecorder } from '../records/sqlite-recorder.js';
import type { StoresHealth } from '../server/routes/health.js';

/** What replicas share when DATABASE_URL / REDIS_URL are set; the embedded defaults otherwise. */
export interface Stores {
  recorder: Recorder;
  query: RecordsReader;
  /** Set with REDIS_URL: each is the shared implementation; without it, callers use their in-memory default. */
  shared: null | {
    /** For @fastify/rate-limit's Redis store. */
    redis: Redis;
    botLimiter(perMinute: number): RateLimiter;
    answers: AnswerStore;
    conversations: ConversationStore;
    chatLock: ChatLock;
    updateClaims: UpdateClaims;
    broadcastReloads<E extends Engine>(engine: E): E;
  };
  health(): StoresHealth;
  /** Writes what is buffered (bounded wait) and closes the connections. */
  close(): Promise<void>;
}

export interface StoresOptions {
  dataDir: string;
  retentionDays: number;
  databaseUrl?: string;
  redisUrl?: string;
  logger: Logger;
}

/** The Redis-backed shared state (REDIS_URL), with its connection. */
async function openShared(url: string, logger: Logger) {
  const [{ connectRedis }, { createRedisAnswerStore }, { createRedisConversationStore }, { createRedisRateLimiter }, updates, { broadcastReloads }] = await Promise.all([
    import('./redis-connection.js'),
    import('./redis-answer-store.js'),
    import('./redis-conversations.js'),
    import('./redis-rate-limit.js'),
    import('./redis-updates.js'),
    import('./reload-broadcast.js'),
  ]);
  const conn = connectRedis({ url, logger });
  const stores: NonNullable<Stores['shared']> = {
    redis: conn.redis,
    botLimiter: (perMinute) => createRedisRateLimiter(conn, perMinute),
    answers: createRedisAnswerStore(conn),
    conversations: createRedisConversationStore(conn),
    chatLock: updates.createRedisChatLock(conn),
    updateClaims: updates.createUpdateClaims(conn),
    broadcastReloads: (engine) => broadcastReloads(engine, conn, logger),
  };
  return { conn, stores };
}

/**
 * Opens the stores once, in main: records in PostgreSQL (DATABASE_URL) or SQLite in
 * DATA_DIR, and the Redis-backed shared state (REDIS_URL). Neither connection is waited
 * for: a database or Redis that is down at start is retried in the background, and
 * answers go on meanwhile. `pg` and `ioredis` are imported only when their variable is set.
 */
export async function openStores(options: StoresOptions): Promise<Stores> {
  const { logger } = options;
  let records: { recorder: Recorder; query: RecordsReader; health(): RecordsHealth; close(): Promise<void> };
  if (options.databaseUrl) {
    const { createPgRecorder } = await import('../records/pg-recorder.js');
    const store = createPgRecorder({ url: options.databaseUrl, retentionDays: options.retentionDays, logger });
    logger.info({ retentionDays: options.retentionDays }, 'records: writing to PostgreSQL (DATABASE_URL)');
    records = { recorder: store, query: store.query, health: store.health, close: () => store.close() };
  } else {
    const store = openRecorder({ dataDir: options.dataDir, retentionDays: options.retentionDays, logger });
    records = { recorder: store, query: store.query, health: () => ({ kind: store.kind, state: 'ok', buffered: 0 }), close: async () => store.close() };
  }
  const shared = options.redisUrl ? await openShared(options.redisUrl, logger) : null;
  const conn = shared?.conn ?? null;
  return {
    recorder: records.recorder,
    query: records.query,
    shared: shared?.stores ?? null,
    health: () => ({ records: records.health(), redis: { state: conn ? conn.state() : 'off' } }),
    async close() {
      await records.close();
      await conn?.close();
    },
  };
}
