/**
 * Webhook mode across two replicas sharing Redis: the real bot (createBot) in two
 * fastify apps, one fake Bot API on loopback, updates delivered to either replica.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { createBot, telegramWebhook } from '../../src/bot/index.js';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { createRedisAnswerStore } from '../../src/stores/redis-answer-store.js';
import { connectRedis, type RedisConnection } from '../../src/stores/redis-connection.js';
import { createRedisRateLimiter } from '../../src/stores/redis-rate-limit.js';
import { createRedisChatLock, createUpdateClaims } from '../../src/stores/redis-updates.js';
import { BOB, buttonsOf, callback, captureLogger, loadShippedEngine, message, TOKEN } from '../bot/setup.js';
import { describeRedis, startRedis, type EngineServer } from '../helpers/engines.js';
import { startFakeBotApi, TEST_BOT, type FakeBotApi } from '../helpers/fake-bot-api.js';

const SECRET = 'replica-webhook-secret_0123456789';
const QUESTION = '郴州和大湾区的合作有哪些';
let redis: EngineServer;
let api: FakeBotApi;
let engine: Engine;
const recorder = createMemoryRecorder();
const connections: RedisConnection[] = [];
const apps: FastifyInstance[] = [];

async function replica(): Promise<FastifyInstance> {
  const { logger } = captureLogger();
  const conn = connectRedis({ url: redis.url, logger });
  connections.push(conn);
  // Before it is connected every store fails open (by design); the test is about the connected case.
  while (conn.state() !== 'ok') await new Promise((r) => setTimeout(r, 20));
  const bot = createBot(TOKEN, {
    engine,
    recorder,
    logger,
    apiRoot: api.apiRoot,
    botInfo: TEST_BOT,
    hashSalt: 'test-salt',
    limiter: createRedisRateLimiter(conn, 20),
    answers: createRedisAnswerStore(conn),
    chatLock: createRedisChatLock(conn),
  });
  const app = Fastify();
  await app.register(telegramWebhook(bot, SECRET, createUpdateClaims(conn)));
  apps.push(app);
  return app;
}
const deliver = (app: FastifyInstance, update: object) =>
  app.inject({ method: 'POST', url: '/telegram/webhook', headers: { 'x-telegram-bot-api-secret-token': SECRET }, payload: update });

beforeAll(async () => {
  [redis, api, engine] = await Promise.all([startRedis(), startFakeBotApi(), loadShippedEngine()]);
  expect(engine.answer(QUESTION, { limit: 10 }).results.length).toBeGreaterThan(3);
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await Promise.all(connections.map((c) => c.close()));
  await api?.close();
  await redis?.destroy();
});

describeRedis('webhook mode across replicas', () => {
  it('serves 更多 and 👍/👎 on whichever replica the tap reaches, and handles a redelivered update once', async () => {
    const [a, b] = [await replica(), await replica()];
    const first = message(QUESTION);
    expect((await deliver(a, first)).statusCode).toBe(200);
    const [answer] = api.callsTo('sendMessage');
    const buttons = buttonsOf(answer!);
    const messageId = 1000;

    // Telegram retries a delivery it thinks failed; the copy reaches the other replica.
    expect((await deliver(b, first)).statusCode).toBe(200);
    expect(api.callsTo('sendMessage')).toHaveLength(1);

    await deliver(b, callback(buttons.find((x) => x.startsWith('m:'))!, messageId));
    const [, followUp] = api.callsTo('sendMessage');
    expect(followUp!.payload.text).toContain('（续）');
    const page2 = engine.answer(QUESTION, { limit: 3, offset: 3 }).results;
    expect([...followUp!.payload.text.matchAll(/第(\d+)段/g)].map((m: RegExpMatchArray) => Number(m[1]))).toEqual(page2.map((r) => r.paragraph));

    const up = buttons.find((x) => x.startsWith('f:u:'))!;
    await deliver(a, callback(up, messageId, BOB));
    await deliver(b, callback(up, messageId, BOB));
    const acks = api.callsTo('answerCallbackQuery').slice(-2).map((c) => c.payload.text as string);
    expect(acks[0]).toContain('谢谢');
    expect(acks[1]).toContain('已经反馈过');
    expect(recorder.questions).toHaveLength(1);
  });
});
