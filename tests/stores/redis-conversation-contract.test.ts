import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { connectRedis } from '../../src/stores/redis-connection.js';
import { createRedisConversationStore } from '../../src/stores/redis-conversations.js';
import { conversationStoreContract } from '../conversation/store-contract.js';
import { describeRedis, startRedis, type EngineServer } from '../helpers/engines.js';

let redis: EngineServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.destroy());

// The same contract as the memory store, on a real Redis: time passes for real (short TTLs).
describeRedis('Redis conversation store', () => {
  conversationStoreContract('Redis', async (options) => {
    const conn = connectRedis({ url: redis.url, logger: pino({ level: 'silent' }) });
    while (conn.state() !== 'ok') await new Promise((r) => setTimeout(r, 20));
    await conn.redis.flushdb();
    return {
      store: createRedisConversationStore(conn, options),
      advance: (ms) => new Promise((r) => setTimeout(r, ms)),
      close: () => conn.close(),
    };
  });
});
